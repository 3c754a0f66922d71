package dev.deimos;

import java.util.concurrent.CompletableFuture;

/**
 * A thread-safe client of one query topology, from {@code clusterQuery(module, name)}.
 *
 * <p>Each call starts one invocation with its own temporary PState. A query whose code throws fails
 * with an exception naming the module, the query and the node where it failed; a query that does
 * not finish within {@code topology.query.timeout.millis} (30 s by default) fails with a {@link
 * java.util.concurrent.TimeoutException} as its cause.
 *
 * @param <T> the type of the result
 */
public interface QueryTopologyClient<T> {
  /**
   * Invokes the query and waits for its result.
   *
   * @param args one value per input var of the query
   * @return the result
   * @throws IllegalArgumentException if the number of arguments does not match
   * @throws RuntimeException if the query fails or times out
   */
  T invoke(Object... args);

  /**
   * Invokes the query without blocking.
   *
   * @param args one value per input var of the query
   * @return a future of the result, completed exceptionally when the query fails or times out
   */
  CompletableFuture<T> invokeAsync(Object... args);
}
