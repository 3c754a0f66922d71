package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * A function of two arguments that returns exactly one value.
 *
 * <p>Used by {@code Block.each}, {@code Expr}, and path navigators such as {@code view}, {@code
 * term} and {@code filterPred}. Functions are shipped to tasks, so lambdas and method references
 * that implement this interface are serializable; whatever they capture must be too.
 *
 * @param <T0> type of argument 0
 * @param <T1> type of argument 1
 * @param <R> type of the result
 */
@FunctionalInterface
public interface DeimosFunction2<T0, T1, R> extends DeimosSerializable {
  /**
   * Computes the result.
   *
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @return the result
   */
  R invoke(T0 arg0, T1 arg1);
}
