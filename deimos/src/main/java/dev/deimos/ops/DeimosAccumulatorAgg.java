package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * Base of the accumulator aggregations: a fold that starts from an initial value.
 *
 * <p>Accumulators see every input in order on one task, so they cannot be split into partial
 * aggregations the way {@link DeimosCombinerAgg combiners} can.
 *
 * @param <V> type of the aggregated value
 */
public interface DeimosAccumulatorAgg<V> extends DeimosSerializable {
  /**
   * Returns the value aggregation starts from when nothing is stored yet.
   *
   * @return the initial value
   */
  V initVal();
}
