package dev.deimos.ops;

import dev.deimos.Agg;

/**
 * The aggregator made by {@link Agg#topMonotonic(int, String)}: keeps the best {@code amount}
 * inputs by a sort value, with at most one entry per id.
 *
 * <p>The result is only correct when the sort value of a given id moves in one direction (up for
 * the default descending order, down with {@link #ascending()}). Inside a batch block the result is
 * sorted and cut to {@code amount}; when aggregating into a PState outside a batch block the stored
 * list may be unsorted and up to twice {@code amount} long, so readers must sort and cut. Every
 * method returns a new aggregator and leaves the receiver unchanged.
 */
public interface TopMonotonicAgg extends Agg {
  /**
   * Sets how the id of an input is computed; two inputs with the same id count as one entry (the
   * one with the better sort value stays). Defaults to the input itself.
   *
   * @param function maps an input to its id
   * @param <T> input type
   * @param <R> id type
   * @return the configured aggregator
   */
  <T, R> TopMonotonicAgg idFunction(DeimosFunction1<T, R> function);

  /**
   * Sets how the sort value of an input is computed. Defaults to the input itself.
   *
   * @param function maps an input to a comparable sort value
   * @param <T> input type
   * @param <R> sort value type
   * @return the configured aggregator
   */
  <T, R> TopMonotonicAgg sortValFunction(DeimosFunction1<T, R> function);

  /**
   * Keeps the smallest sort values instead of the largest.
   *
   * @return the configured aggregator
   */
  TopMonotonicAgg ascending();
}
