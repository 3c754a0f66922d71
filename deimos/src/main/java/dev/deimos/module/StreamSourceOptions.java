package dev.deimos.module;

import dev.deimos.Agg;
import dev.deimos.impl.runtime.SourceOptions;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.DeimosFunction1;

/**
 * Options of a stream topology's depot source, built fluently from {@link #create()}.
 *
 * <p>Retry modes: by default a record whose processing fails is retried on its own ("individual");
 * {@link #retryAllAfter()} keeps the order of each depot partition by retrying the failed record
 * before any later record of that partition runs; {@link #retryNone()} never retries.
 *
 * <p>Start position: a source normally processes only records appended after it started. The {@code
 * startFrom...} options pick an earlier point instead; they apply only the first time the topology
 * meets the depot (when the module is launched, or when a module update adds the source), never
 * again after an update.
 */
public interface StreamSourceOptions {
  /**
   * Returns default options: individual retries, starting at the end of each partition, ack-return
   * values keeping the last one given.
   *
   * @return the options
   */
  static Impl create() {
    return new SourceOptions();
  }

  /**
   * Returns options retrying a failed record before any later record of its depot partition runs.
   *
   * @return the options
   */
  static Impl retryAllAfter() {
    return create().retryAllAfter();
  }

  /**
   * Returns options that never retry a failed record (at-most-once).
   *
   * @return the options
   */
  static Impl retryNone() {
    return create().retryNone();
  }

  /**
   * Returns options that start from the first record of each depot partition.
   *
   * @return the options
   */
  static Impl startFromBeginning() {
    return create().startFromBeginning();
  }

  /**
   * Returns options that start a number of records, or a span of time, back from the end of each
   * depot partition.
   *
   * @param amt how far back, in {@code unit}s
   * @param unit records or a time unit
   * @return the options
   */
  static Impl startFromOffsetAgo(long amt, OffsetAgo unit) {
    return create().startFromOffsetAgo(amt, unit);
  }

  /**
   * Returns options that start from the first record of each depot partition appended at or after a
   * time.
   *
   * @param millis milliseconds since the epoch
   * @return the options
   */
  static Impl startFromOffsetAfterTimestamp(long millis) {
    return create().startFromOffsetAfterTimestamp(millis);
  }

  /**
   * Returns options combining the ack-return values of one record with a built-in aggregator, for
   * example {@code ackReturnAgg(Agg::sum)}.
   *
   * @param agg makes the aggregator from its input
   * @return the options
   */
  static Impl ackReturnAgg(DeimosFunction1<Object, Agg> agg) {
    return create().ackReturnAgg(agg);
  }

  /**
   * Returns options combining the ack-return values of one record with a custom combiner.
   *
   * @param agg the combiner
   * @return the options
   */
  static Impl ackReturnAgg(DeimosCombinerAgg<?> agg) {
    return create().ackReturnAgg(agg);
  }

  /**
   * Returns options folding the ack-return values of one record into a custom accumulator, which
   * supplies the start value.
   *
   * @param agg the accumulator
   * @return the options
   */
  static Impl ackReturnAgg(DeimosAccumulatorAgg1<?, ?> agg) {
    return create().ackReturnAgg(agg);
  }

  /**
   * Returns options naming this subscription. A source with an id that a module update adds to a
   * topology already reading the depot counts as new there, so its start option applies.
   *
   * @param id the source id
   * @return the options
   */
  static Impl sourceId(String id) {
    return create().sourceId(id);
  }

  /** The fluent builder; each method returns this object. */
  interface Impl extends StreamSourceOptions {
    /**
     * See {@link StreamSourceOptions#retryAllAfter()}.
     *
     * @return this
     */
    Impl retryAllAfter();

    /**
     * See {@link StreamSourceOptions#retryNone()}.
     *
     * @return this
     */
    Impl retryNone();

    /**
     * See {@link StreamSourceOptions#startFromBeginning()}.
     *
     * @return this
     */
    Impl startFromBeginning();

    /**
     * See {@link StreamSourceOptions#startFromOffsetAgo(long, OffsetAgo)}.
     *
     * @param amt how far back
     * @param unit records or a time unit
     * @return this
     */
    Impl startFromOffsetAgo(long amt, OffsetAgo unit);

    /**
     * See {@link StreamSourceOptions#startFromOffsetAfterTimestamp(long)}.
     *
     * @param millis milliseconds since the epoch
     * @return this
     */
    Impl startFromOffsetAfterTimestamp(long millis);

    /**
     * See {@link StreamSourceOptions#ackReturnAgg(DeimosFunction1)}.
     *
     * @param agg makes the aggregator from its input
     * @return this
     */
    Impl ackReturnAgg(DeimosFunction1<Object, Agg> agg);

    /**
     * See {@link StreamSourceOptions#ackReturnAgg(DeimosCombinerAgg)}.
     *
     * @param agg the combiner
     * @return this
     */
    Impl ackReturnAgg(DeimosCombinerAgg<?> agg);

    /**
     * See {@link StreamSourceOptions#ackReturnAgg(DeimosAccumulatorAgg1)}.
     *
     * @param agg the accumulator
     * @return this
     */
    Impl ackReturnAgg(DeimosAccumulatorAgg1<?, ?> agg);

    /**
     * See {@link StreamSourceOptions#sourceId(String)}.
     *
     * @param id the source id
     * @return this
     */
    Impl sourceId(String id);
  }
}
