package dev.deimos.impl.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on one daemon thread. The cluster owns it and shuts it down when it closes;
 * the runtime only schedules and cancels.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private final ScheduledExecutorService executor;

  /**
   * Starts the scheduler's thread.
   *
   * @param threadName the thread's name
   */
  public ExecutorScheduler(String threadName) {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public Future<?> schedule(Runnable action, long delayMillis) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delay must not be negative, got " + delayMillis);
    }
    return executor.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<?> scheduleAtFixedRate(Runnable action, long periodMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("period must be positive, got " + periodMillis);
    }
    return executor.scheduleAtFixedRate(action, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Stops the thread; scheduled actions no longer run. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
