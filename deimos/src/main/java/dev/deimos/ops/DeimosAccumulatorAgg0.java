package dev.deimos.ops;

/**
 * An accumulator aggregation that folds zero arguments into a value.
 *
 * @param <V> type of the aggregated value
 */
public interface DeimosAccumulatorAgg0<V> extends DeimosAccumulatorAgg<V> {
  /**
   * Folds the arguments into the current value.
   *
   * @param currVal the current aggregated value ({@link #initVal()} at first)
   * @return the new aggregated value
   */
  V accumulate(V currVal);
}
