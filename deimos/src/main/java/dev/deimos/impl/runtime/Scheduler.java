package dev.deimos.impl.runtime;

import java.util.concurrent.Future;

/**
 * Runs delayed and periodic work for the runtime (ticks, retries, query timeouts, empty
 * microbatches), injected by the cluster so the runtime builds no executor of its own. Scheduled
 * actions must be short and never run user code themselves: they queue events on task threads or
 * complete futures. One action that throws must not stop the others. Every implementation passes
 * {@code SchedulerContract} (tests).
 */
public interface Scheduler {
  /**
   * Runs {@code action} once after a delay.
   *
   * @param action what to run
   * @param delayMillis the delay, not negative
   * @return a handle whose {@code cancel} stops the action if it has not run
   * @throws IllegalArgumentException if the delay is negative
   */
  Future<?> schedule(Runnable action, long delayMillis);

  /**
   * Runs {@code action} every {@code periodMillis}, the first time after one period.
   *
   * @param action what to run
   * @param periodMillis the period, positive
   * @return a handle whose {@code cancel} stops further runs
   * @throws IllegalArgumentException if the period is not positive
   */
  Future<?> scheduleAtFixedRate(Runnable action, long periodMillis);
}
