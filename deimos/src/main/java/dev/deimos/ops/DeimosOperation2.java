package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * An operation of two arguments that emits zero or more times.
 *
 * <p>Each call to {@link OutputCollector#emit(Object...)} runs the downstream dataflow before it
 * returns; emitting nothing filters, emitting many times fans out. Operations are shipped to tasks,
 * so lambdas implementing this interface are serializable.
 *
 * @param <T0> type of argument 0
 * @param <T1> type of argument 1
 */
@FunctionalInterface
public interface DeimosOperation2<T0, T1> extends DeimosSerializable {
  /**
   * Runs the operation.
   *
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param collector receives what the operation emits
   */
  void invoke(T0 arg0, T1 arg1, OutputCollector collector);
}
