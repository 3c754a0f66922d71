package dev.deimos.impl.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a topology has done since its module launched, counted where it happens: records (stream),
 * records of committed microbatches, or invocations (query) that succeeded, failed attempts,
 * retries, and the latency of each success (append to completion for a stream record, start to
 * commit for a microbatch, invocation to result for a query). Kept by topology name across module
 * updates. Thread-safe.
 */
public final class TopologyStats {
  private final LongAdder processed = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder microbatches = new LongAdder();
  private final LatencyHistogram latency = new LatencyHistogram();

  void succeeded(long records, long nanos) {
    processed.add(records);
    latency.record(nanos);
  }

  void microbatchCommitted(long records, long nanos) {
    microbatches.increment();
    succeeded(records, nanos);
  }

  void failed() {
    failures.increment();
  }

  void retried() {
    retries.increment();
  }

  /**
   * Returns the records (or invocations) processed.
   *
   * @return the count
   */
  public long processed() {
    return processed.sum();
  }

  /**
   * Returns the failed attempts.
   *
   * @return the count
   */
  public long failures() {
    return failures.sum();
  }

  /**
   * Returns the retries scheduled after failures.
   *
   * @return the count
   */
  public long retries() {
    return retries.sum();
  }

  /**
   * Returns the committed microbatches (0 for other topologies).
   *
   * @return the count
   */
  public long microbatches() {
    return microbatches.sum();
  }

  /**
   * Returns the latency histogram.
   *
   * @return the histogram, live
   */
  public LatencyHistogram latency() {
    return latency;
  }
}
