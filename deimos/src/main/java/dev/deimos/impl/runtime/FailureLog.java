package dev.deimos.impl.runtime;

/**
 * Decides when a failure is logged with its full stack trace: a deterministic bug fails every retry
 * (and often every record) the same way, and one trace says all there is to say. A failure of
 * another kind (exception class and dataflow node), or the same one again after {@link
 * #QUIET_NANOS}, shows its trace again; the rest get one line each. One per stream source or
 * microbatch topology; thread-safe.
 */
final class FailureLog {
  /** How long a failure's kind stays known. */
  static final long QUIET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

  private String lastKind;
  private long lastTraced;

  /**
   * Returns true if {@code e}, thrown at {@code node}, should be logged with its stack trace.
   *
   * @param clock the cluster's clock
   */
  synchronized boolean firstOf(Throwable e, String node, Clock clock) {
    String kind = e.getClass().getName() + " at " + node;
    long now = clock.nanos();
    if (kind.equals(lastKind) && now - lastTraced < QUIET_NANOS) {
      return false;
    }
    lastKind = kind;
    lastTraced = now;
    return true;
  }
}
