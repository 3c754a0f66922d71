package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * A function of zero arguments that returns exactly one value.
 *
 * <p>Used by {@code Block.each}, {@code Expr}, and path navigators such as {@code view}, {@code
 * term} and {@code filterPred}. Functions are shipped to tasks, so lambdas and method references
 * that implement this interface are serializable; whatever they capture must be too.
 *
 * @param <R> type of the result
 */
@FunctionalInterface
public interface DeimosFunction0<R> extends DeimosSerializable {
  /**
   * Computes the result.
   *
   * @return the result
   */
  R invoke();
}
