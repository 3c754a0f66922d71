package dev.deimos.impl.runtime;

/**
 * A snapshot of what one microbatch topology is doing, for status pages (the server, the console)
 * and tests: its progress, and whether its current microbatch is stuck failing. A microbatch that
 * fails is rolled back and retried over the same records, with backoff, until it succeeds (exactly
 * once: it is never skipped), so a deterministic bug stalls the topology; this shows since when,
 * after how many attempts and with which error. Get it from {@link
 * ModuleRuntime#microbatchStatus()}.
 */
public final class MicrobatchStatus {
  private final String topology;
  private final long nextMicrobatchId;
  private final long processed;
  private final boolean paused;
  private final int failedAttempts;
  private final String lastError;
  private final long failingSinceMillis;

  MicrobatchStatus(
      String topology,
      long nextMicrobatchId,
      long processed,
      boolean paused,
      int failedAttempts,
      String lastError,
      long failingSinceMillis) {
    this.topology = topology;
    this.nextMicrobatchId = nextMicrobatchId;
    this.processed = processed;
    this.paused = paused;
    this.failedAttempts = failedAttempts;
    this.lastError = lastError;
    this.failingSinceMillis = failingSinceMillis;
  }

  /**
   * Returns the topology's name.
   *
   * @return the name
   */
  public String topology() {
    return topology;
  }

  /**
   * Returns the id of the microbatch that runs next (or is running).
   *
   * @return the id
   */
  public long nextMicrobatchId() {
    return nextMicrobatchId;
  }

  /**
   * Returns the records processed since the topology started.
   *
   * @return the count
   */
  public long processed() {
    return processed;
  }

  /**
   * Returns whether the topology is paused.
   *
   * @return true if paused
   */
  public boolean paused() {
    return paused;
  }

  /**
   * Returns how many attempts of the current microbatch have failed; 0 when it is not failing.
   *
   * @return the count
   */
  public int failedAttempts() {
    return failedAttempts;
  }

  /**
   * Returns whether the current microbatch has failed at least once and not yet succeeded.
   *
   * @return true while stalled
   */
  public boolean stalled() {
    return failedAttempts > 0;
  }

  /**
   * Returns the last failure of the current microbatch (exception class and message), or null.
   *
   * @return the error
   */
  public String lastError() {
    return lastError;
  }

  /**
   * Returns when the current microbatch first failed (milliseconds since the epoch), or 0.
   *
   * @return the time
   */
  public long failingSinceMillis() {
    return failingSinceMillis;
  }

  @Override
  public String toString() {
    return "microbatch topology "
        + topology
        + ": next id "
        + nextMicrobatchId
        + ", processed "
        + processed
        + (paused ? ", paused" : "")
        + (failedAttempts > 0
            ? ", stalled: "
                + failedAttempts
                + " failed attempts since "
                + java.time.Instant.ofEpochMilli(failingSinceMillis)
                + ", last error "
                + lastError
            : "");
  }
}
