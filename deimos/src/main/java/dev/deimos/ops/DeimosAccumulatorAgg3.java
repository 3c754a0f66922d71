package dev.deimos.ops;

/**
 * An accumulator aggregation that folds three arguments into a value.
 *
 * @param <V> type of the aggregated value
 * @param <T0> type of argument 0
 * @param <T1> type of argument 1
 * @param <T2> type of argument 2
 */
public interface DeimosAccumulatorAgg3<V, T0, T1, T2> extends DeimosAccumulatorAgg<V> {
  /**
   * Folds the arguments into the current value.
   *
   * @param currVal the current aggregated value ({@link #initVal()} at first)
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @return the new aggregated value
   */
  V accumulate(V currVal, T0 arg0, T1 arg1, T2 arg2);
}
