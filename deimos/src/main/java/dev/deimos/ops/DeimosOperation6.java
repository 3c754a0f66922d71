package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * An operation of six arguments that emits zero or more times.
 *
 * <p>Each call to {@link OutputCollector#emit(Object...)} runs the downstream dataflow before it
 * returns; emitting nothing filters, emitting many times fans out. Operations are shipped to tasks,
 * so lambdas implementing this interface are serializable.
 *
 * @param <T0> type of argument 0
 * @param <T1> type of argument 1
 * @param <T2> type of argument 2
 * @param <T3> type of argument 3
 * @param <T4> type of argument 4
 * @param <T5> type of argument 5
 */
@FunctionalInterface
public interface DeimosOperation6<T0, T1, T2, T3, T4, T5> extends DeimosSerializable {
  /**
   * Runs the operation.
   *
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @param collector receives what the operation emits
   */
  void invoke(T0 arg0, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, OutputCollector collector);
}
