package dev.deimos.module;

import dev.deimos.impl.runtime.MicrobatchOptions;

/**
 * Options of a microbatch topology's depot source, built fluently from {@link #create()}. The start
 * options apply only the first time the topology subscribes to the depot; later the topology
 * continues from the offsets it committed. Without one, the topology starts at the end of each
 * depot partition at the time it starts.
 */
public interface MicrobatchSourceOptions {
  /**
   * Returns empty options.
   *
   * @return the options
   */
  static Impl create() {
    return new MicrobatchOptions();
  }

  /**
   * Returns options naming this subscription, so that one topology can read one depot twice.
   *
   * @param id the source id
   * @return the options
   */
  static Impl sourceId(String id) {
    return create().sourceId(id);
  }

  /**
   * Returns options that start from the beginning of each depot partition.
   *
   * @return the options
   */
  static Impl startFromBeginning() {
    return create().startFromBeginning();
  }

  /**
   * Returns options that start a given amount before the end of each depot partition.
   *
   * @param amt how far back, in {@code unit}
   * @param unit records or a time unit
   * @return the options
   */
  static Impl startFromOffsetAgo(long amt, OffsetAgo unit) {
    return create().startFromOffsetAgo(amt, unit);
  }

  /**
   * Returns options that start, on each depot partition, at the first record appended at or after
   * {@code millis}.
   *
   * @param millis milliseconds since the epoch
   * @return the options
   */
  static Impl startFromOffsetAfterTimestamp(long millis) {
    return create().startFromOffsetAfterTimestamp(millis);
  }

  /** The fluent builder; each method returns this object. */
  interface Impl extends MicrobatchSourceOptions {
    /**
     * See {@link MicrobatchSourceOptions#sourceId(String)}.
     *
     * @param id the source id
     * @return this
     */
    Impl sourceId(String id);

    /**
     * See {@link MicrobatchSourceOptions#startFromBeginning()}.
     *
     * @return this
     */
    Impl startFromBeginning();

    /**
     * See {@link MicrobatchSourceOptions#startFromOffsetAgo(long, OffsetAgo)}.
     *
     * @param amt how far back
     * @param unit the unit
     * @return this
     */
    Impl startFromOffsetAgo(long amt, OffsetAgo unit);

    /**
     * See {@link MicrobatchSourceOptions#startFromOffsetAfterTimestamp(long)}.
     *
     * @param millis milliseconds since the epoch
     * @return this
     */
    Impl startFromOffsetAfterTimestamp(long millis);
  }
}
