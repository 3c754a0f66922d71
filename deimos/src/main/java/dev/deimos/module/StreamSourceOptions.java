package dev.deimos.module;

import dev.deimos.impl.runtime.SourceOptions;

/** Options of a stream topology's depot source, built fluently from {@link #create()}. */
public interface StreamSourceOptions {
  /**
   * Returns default options: a failed record is retried a few times.
   *
   * @return the options
   */
  static Impl create() {
    return new SourceOptions();
  }

  /**
   * Returns options retrying a failed record (and, in Rama, the records after it in the same
   * partition).
   *
   * @return the options
   */
  static Impl retryAllAfter() {
    return create().retryAllAfter();
  }

  /**
   * Returns options that never retry a failed record.
   *
   * @return the options
   */
  static Impl retryNone() {
    return create().retryNone();
  }

  /**
   * Returns options that start from the beginning of each depot partition.
   *
   * @return the options
   */
  static Impl startFromBeginning() {
    return create().startFromBeginning();
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
  }
}
