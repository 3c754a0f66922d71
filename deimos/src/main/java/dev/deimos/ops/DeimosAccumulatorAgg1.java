package dev.deimos.ops;

/**
 * An accumulator aggregation that folds one argument into a value.
 *
 * @param <V> type of the aggregated value
 * @param <T0> type of argument 0
 */
public interface DeimosAccumulatorAgg1<V, T0> extends DeimosAccumulatorAgg<V> {
  /**
   * Folds the arguments into the current value.
   *
   * @param currVal the current aggregated value ({@link #initVal()} at first)
   * @param arg0 argument 0
   * @return the new aggregated value
   */
  V accumulate(V currVal, T0 arg0);
}
