package dev.deimos.impl.runtime;

import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A deterministic {@link Scheduler} and {@link Clock} for tests and simulation: time moves only in
 * {@link #advance}, which runs every action that fell due, in time order (ties in scheduling
 * order), on the calling thread. Scheduling may come from any thread.
 */
public final class ManualScheduler implements Scheduler, Clock {
  private final PriorityQueue<Job> queue =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final long epochMillis;
  private long nowNanos;
  private long seq;

  /**
   * Starts the clock.
   *
   * @param epochMillis the wall time at the start
   */
  public ManualScheduler(long epochMillis) {
    this.epochMillis = epochMillis;
  }

  @Override
  public synchronized long millis() {
    return epochMillis + TimeUnit.NANOSECONDS.toMillis(nowNanos);
  }

  @Override
  public synchronized long nanos() {
    return nowNanos;
  }

  @Override
  public Future<?> schedule(Runnable action, long delayMillis) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delay must not be negative, got " + delayMillis);
    }
    return add(action, delayMillis, 0);
  }

  @Override
  public Future<?> scheduleAtFixedRate(Runnable action, long periodMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("period must be positive, got " + periodMillis);
    }
    return add(action, periodMillis, periodMillis);
  }

  private synchronized Job add(Runnable action, long delayMillis, long periodMillis) {
    Job j =
        new Job(
            action,
            nowNanos + TimeUnit.MILLISECONDS.toNanos(delayMillis),
            TimeUnit.MILLISECONDS.toNanos(periodMillis),
            seq++);
    queue.add(j);
    return j;
  }

  /**
   * Moves time forward, running each action as its time comes; an action that throws is dropped (a
   * periodic one stops, as with a scheduled executor) and the rest still run.
   *
   * @param millis how far, not negative
   */
  public void advance(long millis) {
    long target;
    synchronized (this) {
      target = nowNanos + TimeUnit.MILLISECONDS.toNanos(millis);
    }
    while (true) {
      Job j;
      synchronized (this) {
        j = queue.peek();
        if (j == null || j.due > target) {
          nowNanos = target;
          return;
        }
        queue.poll();
        nowNanos = Math.max(nowNanos, j.due);
      }
      j.run();
    }
  }

  /** One scheduled action; its own {@link Future}. */
  private final class Job implements Future<Object> {
    private final Runnable action;
    private final long period;
    private final long seq;
    private long due;
    private boolean cancelled;
    private boolean done;
    private Throwable failure;

    Job(Runnable action, long due, long period, long seq) {
      this.action = action;
      this.due = due;
      this.period = period;
      this.seq = seq;
    }

    void run() {
      synchronized (ManualScheduler.this) {
        if (cancelled) {
          return;
        }
      }
      try {
        action.run();
      } catch (RuntimeException | Error e) {
        synchronized (ManualScheduler.this) {
          failure = e;
          done = true;
        }
        return;
      }
      synchronized (ManualScheduler.this) {
        if (period == 0) {
          done = true;
        } else if (!cancelled) {
          due += period;
          queue.add(this);
        }
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (ManualScheduler.this) {
        if (done || cancelled) {
          return false;
        }
        cancelled = true;
        queue.remove(this);
        return true;
      }
    }

    @Override
    public boolean isCancelled() {
      synchronized (ManualScheduler.this) {
        return cancelled;
      }
    }

    @Override
    public boolean isDone() {
      synchronized (ManualScheduler.this) {
        return done || cancelled;
      }
    }

    @Override
    public Object get() throws ExecutionException {
      synchronized (ManualScheduler.this) {
        if (cancelled) {
          throw new CancellationException();
        }
        if (!done) {
          throw new IllegalStateException("not run yet: advance the scheduler first");
        }
        if (failure != null) {
          throw new ExecutionException(failure);
        }
        return null;
      }
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
      synchronized (ManualScheduler.this) {
        if (!done && !cancelled) {
          throw new TimeoutException("not run yet: advance the scheduler first");
        }
      }
      return get();
    }
  }
}
