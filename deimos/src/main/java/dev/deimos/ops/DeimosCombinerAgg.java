package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * A combiner aggregation: an associative, commutative merge with an identity value.
 *
 * <p>Because the merge does not depend on grouping or order, the runtime may combine inputs in
 * partial aggregations on many tasks and merge the partials afterwards (two-phase aggregation).
 *
 * @param <T> type of the aggregated value
 */
public interface DeimosCombinerAgg<T> extends DeimosSerializable {
  /**
   * Merges an argument into the current value.
   *
   * @param curr the current value
   * @param arg the value to merge in
   * @return the merged value
   */
  T combine(T curr, T arg);

  /**
   * Returns the identity of {@link #combine}: {@code combine(zeroVal(), x)} equals {@code x}.
   *
   * @return the identity value
   */
  T zeroVal();

  /**
   * Tells whether the runtime must flush partial aggregations of this combiner eagerly.
   *
   * @return {@code false} unless overridden
   */
  default boolean isFlushRequired() {
    return false;
  }
}
