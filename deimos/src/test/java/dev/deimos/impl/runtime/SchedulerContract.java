package dev.deimos.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Scheduler} and the {@link Clock} it measures delays against share. A
 * subclass says how to make a scheduler, which clock it follows, and how time passes: a real
 * scheduler lets the caller sleep (the default), a simulated one moves its clock and runs what fell
 * due. Bounds are generous: the cases check order and "not before", never speed.
 */
public abstract class SchedulerContract {
  private final List<Scheduler> made = new ArrayList<>();

  /**
   * Makes a scheduler.
   *
   * @return the scheduler; {@link #release} is called on it after the test
   */
  protected abstract Scheduler create();

  /**
   * The clock the scheduler's delays follow.
   *
   * @param scheduler a scheduler from {@link #create}
   * @return its clock
   */
  protected abstract Clock clock(Scheduler scheduler);

  /**
   * Lets about {@code millis} of the scheduler's time pass. The default sleeps; a simulated
   * scheduler moves its clock and runs the actions that fell due before returning.
   *
   * @param scheduler the scheduler
   * @param millis how long, positive
   */
  protected void advance(Scheduler scheduler, long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  /** Stops a scheduler after the test (the default does nothing). */
  protected void release(Scheduler scheduler) {}

  protected final Scheduler newScheduler() {
    Scheduler s = create();
    made.add(s);
    return s;
  }

  @AfterEach
  void releaseAll() {
    made.forEach(this::release);
  }

  /** Lets time pass in small steps until {@code done} holds; fails after 30 s of scheduler time. */
  protected final void until(Scheduler s, BooleanSupplier done, String what)
      throws InterruptedException {
    long limit = TimeUnit.SECONDS.toNanos(30);
    Clock c = clock(s);
    long start = c.nanos();
    while (!done.getAsBoolean()) {
      if (c.nanos() - start > limit) {
        throw new AssertionError("still waiting after 30 s: " + what);
      }
      advance(s, 5);
    }
  }

  /** Lets {@code millis} of scheduler time pass, in small steps. */
  protected final void pass(Scheduler s, long millis) throws InterruptedException {
    Clock c = clock(s);
    long end = c.nanos() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (c.nanos() < end) {
      advance(s, 5);
    }
  }

  @Test
  void schedule_runsOnce_notBeforeItsDelay() throws Exception {
    Scheduler s = newScheduler();
    Clock c = clock(s);
    AtomicInteger runs = new AtomicInteger();
    AtomicLong ranAt = new AtomicLong();
    long at = c.nanos();
    s.schedule(
        () -> {
          ranAt.set(c.nanos());
          runs.incrementAndGet();
        },
        50);
    until(s, () -> runs.get() == 1, "the action to run");
    assertThat(ranAt.get() - at).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    pass(s, 100);
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void schedule_zeroDelay_runs() throws Exception {
    Scheduler s = newScheduler();
    AtomicInteger runs = new AtomicInteger();
    Future<?> f = s.schedule(runs::incrementAndGet, 0);
    until(s, () -> runs.get() == 1, "a zero-delay action to run");
    until(s, f::isDone, "the handle to be done");
  }

  @Test
  void cancel_beforeTheDelay_preventsTheRun() throws Exception {
    Scheduler s = newScheduler();
    AtomicInteger runs = new AtomicInteger();
    Future<?> f = s.schedule(runs::incrementAndGet, 200);
    assertThat(f.cancel(false)).isTrue();
    assertThat(f.isCancelled()).isTrue();
    pass(s, 400);
    assertThat(runs.get()).isZero();
  }

  @Test
  void shorterDelay_runsFirst_whateverTheOrderOfScheduling() throws Exception {
    Scheduler s = newScheduler();
    ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    s.schedule(() -> order.add("late"), 300);
    s.schedule(() -> order.add("early"), 10);
    s.schedule(() -> order.add("middle"), 150);
    until(s, () -> order.size() == 3, "three actions to run");
    assertThat(order).containsExactly("early", "middle", "late");
  }

  @Test
  void fixedRate_firstRunAfterOnePeriod_thenRepeats_untilCancelled() throws Exception {
    Scheduler s = newScheduler();
    Clock c = clock(s);
    AtomicInteger runs = new AtomicInteger();
    AtomicLong firstAt = new AtomicLong();
    long at = c.nanos();
    Future<?> f =
        s.scheduleAtFixedRate(
            () -> {
              if (runs.getAndIncrement() == 0) {
                firstAt.set(c.nanos());
              }
            },
            20);
    until(s, () -> runs.get() >= 3, "three periodic runs");
    assertThat(firstAt.get() - at).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    f.cancel(false);
    int atCancel = runs.get();
    pass(s, 150);
    // a run already under way when cancel was called may still finish
    assertThat(runs.get()).isBetween(atCancel, atCancel + 1);
    assertThat(f.isCancelled()).isTrue();
  }

  @Test
  void throwingAction_doesNotStopLaterActions() throws Exception {
    Scheduler s = newScheduler();
    AtomicInteger runs = new AtomicInteger();
    s.schedule(
        () -> {
          throw new IllegalStateException("boom");
        },
        0);
    s.schedule(runs::incrementAndGet, 20);
    Future<?> periodic = s.scheduleAtFixedRate(runs::incrementAndGet, 10);
    until(s, () -> runs.get() >= 3, "actions after a failing one to run");
    periodic.cancel(false);
  }

  @Test
  void badDelays_throwNamingTheValue() {
    Scheduler s = newScheduler();
    assertThatThrownBy(() -> s.schedule(() -> {}, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> s.scheduleAtFixedRate(() -> {}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> s.scheduleAtFixedRate(() -> {}, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
  }

  @Test
  void schedulingFromManyThreads_runsEveryActionExactlyOnce() throws Exception {
    Scheduler s = newScheduler();
    int threads = 4;
    int perThread = 250;
    AtomicLongArray runs = new AtomicLongArray(threads * perThread);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * perThread;
      all.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  int slot = base + i;
                  s.schedule(() -> runs.incrementAndGet(slot), i % 7);
                }
              }));
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    until(
        s,
        () -> {
          for (int i = 0; i < runs.length(); i++) {
            if (runs.get(i) == 0) {
              return false;
            }
          }
          return true;
        },
        "every action to run");
    pass(s, 20);
    for (int i = 0; i < runs.length(); i++) {
      assertThat(runs.get(i)).as("runs of action %d", i).isEqualTo(1);
    }
  }

  @Test
  void clock_nanosNeverGoBackwards_andFollowTheScheduledDelays() throws Exception {
    Scheduler s = newScheduler();
    Clock c = clock(s);
    long prev = c.nanos();
    for (int i = 0; i < 10_000; i++) {
      long now = c.nanos();
      assertThat(now).isGreaterThanOrEqualTo(prev);
      prev = now;
    }
    long millisBefore = c.millis();
    long nanosBefore = c.nanos();
    pass(s, 100);
    assertThat(c.nanos() - nanosBefore).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    // wall time moves forward with the scheduler's time too (allowing a coarse wall clock)
    assertThat(c.millis() - millisBefore).isGreaterThanOrEqualTo(90);
  }
}
