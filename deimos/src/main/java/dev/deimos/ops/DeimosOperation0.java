package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * An operation of zero arguments that emits zero or more times.
 *
 * <p>Each call to {@link OutputCollector#emit(Object...)} runs the downstream dataflow before it
 * returns; emitting nothing filters, emitting many times fans out. Operations are shipped to tasks,
 * so lambdas implementing this interface are serializable.
 */
@FunctionalInterface
public interface DeimosOperation0 extends DeimosSerializable {
  /**
   * Runs the operation.
   *
   * @param collector receives what the operation emits
   */
  void invoke(OutputCollector collector);
}
