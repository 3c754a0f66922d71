package dev.deimos.ops;

import dev.deimos.impl.dataflow.LimitSpec;

/**
 * Describes a limit aggregation for {@code Block.limitAgg}: out of all tuples reaching the
 * aggregation phase of a batch block, keep at most a fixed number and re-emit them into the
 * post-aggregation phase under the same var names.
 *
 * <p>Without {@link #sort(String...)} which tuples survive is unspecified (locally: the first ones
 * to arrive). Instances are immutable; every method returns a new specification.
 */
public interface LimitAgg {
  /**
   * Creates a limit aggregation.
   *
   * @param amt the most tuples kept
   * @param vars the pre-aggregation vars forming a tuple; bound again in post-aggregation
   * @return the specification
   * @throws IllegalArgumentException if {@code amt} is negative or no var is given
   */
  static LimitAgg create(int amt, String... vars) {
    return LimitSpec.create(amt, vars);
  }

  /**
   * Keeps the tuples with the smallest values of {@code vars} (compared in order).
   *
   * @param vars the vars to sort on; need not be among the kept vars
   * @return the configured specification
   */
  LimitAgg sort(String... vars);

  /**
   * Reverses the order given by {@link #sort(String...)}, keeping the largest values.
   *
   * @return the configured specification
   */
  LimitAgg reverse();

  /**
   * Also binds the position (0, 1, ...) of each re-emitted tuple to {@code var}.
   *
   * @param var the var for the position, starting with {@code *}
   * @return the configured specification
   */
  LimitAgg indexVar(String var);
}
