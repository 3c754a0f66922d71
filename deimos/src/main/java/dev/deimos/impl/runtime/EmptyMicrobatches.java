package dev.deimos.impl.runtime;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;

/**
 * Decides when a microbatch topology without new records runs an empty microbatch. As in Rama, a
 * microbatch topology keeps running when its depots are quiet: its batch blocks' post-aggregation
 * code and the code after them run (aggregators see no input), and {@code CURRENT_MICROBATCH_ID}
 * advances. Between two empty microbatches it waits {@value #OPTION} milliseconds (a module option,
 * default {@value #DEFAULT_MILLIS}); a new record starts a microbatch at once, as always.
 *
 * <p>Guarded by the owning {@link MicrobatchRunner}; the timer holds the runner weakly so that a
 * closed module is not kept alive until its timer fires.
 */
final class EmptyMicrobatches {
  /** Rama's option for the pause between empty microbatches. */
  static final String OPTION = "topology.microbatch.empty.sleep.time.millis";

  static final long DEFAULT_MILLIS = 60_000;

  // the cluster's clock and scheduler; the timer only wakes runners, never runs user code
  private final Clock clock;
  private final Scheduler scheduler;
  private final long sleepNanos;
  private long lastEnded;
  private boolean scheduled;

  EmptyMicrobatches(long sleepMillis, RuntimeServices services) {
    this.clock = services.clock();
    this.scheduler = services.scheduler();
    this.sleepNanos = TimeUnit.MILLISECONDS.toNanos(sleepMillis);
    this.lastEnded = clock.nanos();
  }

  /**
   * Reads the option from a module's options.
   *
   * @throws IllegalArgumentException if it is not a non-negative number
   */
  static long millis(java.util.Map<String, Object> moduleOptions) {
    Object o = moduleOptions.get(OPTION);
    if (o == null) {
      return DEFAULT_MILLIS;
    }
    if (!(o instanceof Number) || ((Number) o).longValue() < 0) {
      throw new IllegalArgumentException(OPTION + " must be a number >= 0, got " + o);
    }
    return ((Number) o).longValue();
  }

  /** A microbatch (empty or not) committed now. */
  void ended() {
    lastEnded = clock.nanos();
  }

  /**
   * Returns whether an empty microbatch is due; if not, makes sure {@code runner} is woken when it
   * will be.
   */
  boolean due(MicrobatchRunner runner) {
    long wait = lastEnded + sleepNanos - clock.nanos();
    if (wait <= 0) {
      return true;
    }
    if (!scheduled) {
      scheduled = true;
      WeakReference<MicrobatchRunner> ref = new WeakReference<>(runner);
      scheduler.schedule(
          () -> {
            MicrobatchRunner r = ref.get();
            if (r != null) {
              r.emptyDue();
            }
          },
          // rounded up: waking early would only schedule again
          TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
    }
    return false;
  }

  /** The timer fired: the next check may schedule again. */
  void fired() {
    scheduled = false;
  }
}
