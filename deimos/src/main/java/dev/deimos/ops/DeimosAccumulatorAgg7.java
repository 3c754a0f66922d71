package dev.deimos.ops;

/**
 * An accumulator aggregation that folds seven arguments into a value.
 *
 * @param <V> type of the aggregated value
 * @param <T0> type of argument 0
 * @param <T1> type of argument 1
 * @param <T2> type of argument 2
 * @param <T3> type of argument 3
 * @param <T4> type of argument 4
 * @param <T5> type of argument 5
 * @param <T6> type of argument 6
 */
public interface DeimosAccumulatorAgg7<V, T0, T1, T2, T3, T4, T5, T6>
    extends DeimosAccumulatorAgg<V> {
  /**
   * Folds the arguments into the current value.
   *
   * @param currVal the current aggregated value ({@link #initVal()} at first)
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @param arg6 argument 6
   * @return the new aggregated value
   */
  V accumulate(V currVal, T0 arg0, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
}
