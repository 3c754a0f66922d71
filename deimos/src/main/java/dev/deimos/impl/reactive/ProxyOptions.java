package dev.deimos.impl.reactive;

import java.util.Map;

/**
 * The module dynamic options that bound proxies: {@value #PROXY_LIMIT} (subscriptions per partition
 * of a PState) and {@value #QUEUE_LIMIT} (messages one subscriber may fall behind before its
 * pending diffs are dropped for a resync).
 *
 * @param proxyLimit most subscriptions per partition
 * @param queueLimit most undelivered messages per subscription
 */
public record ProxyOptions(int proxyLimit, int queueLimit) {
  /** Most proxies on one partition of one PState. */
  public static final String PROXY_LIMIT = "pstate.proxy.limit";

  /** Most messages a proxy may have waiting before they are dropped in favour of a resync. */
  public static final String QUEUE_LIMIT = "pstate.reactivity.queue.limit";

  /** Rama's default of {@value #PROXY_LIMIT}. */
  public static final int DEFAULT_PROXY_LIMIT = 20_000;

  /** The default of {@value #QUEUE_LIMIT}. */
  public static final int DEFAULT_QUEUE_LIMIT = 10_000;

  /** The defaults. */
  public static final ProxyOptions DEFAULTS =
      new ProxyOptions(DEFAULT_PROXY_LIMIT, DEFAULT_QUEUE_LIMIT);

  /**
   * Reads both options from a module's options.
   *
   * @param moduleOptions the module's dynamic options
   * @return the options, defaults for those not set
   * @throws IllegalArgumentException naming the option whose value is not a positive whole number
   */
  public static ProxyOptions of(Map<String, Object> moduleOptions) {
    return new ProxyOptions(
        positive(moduleOptions, PROXY_LIMIT, DEFAULT_PROXY_LIMIT),
        positive(moduleOptions, QUEUE_LIMIT, DEFAULT_QUEUE_LIMIT));
  }

  private static int positive(Map<String, Object> options, String key, int dflt) {
    Object o = options.get(key);
    if (o == null) {
      return dflt;
    }
    if (!(o instanceof Number)
        || ((Number) o).longValue() < 1
        || ((Number) o).longValue() > Integer.MAX_VALUE
        || ((Number) o).doubleValue() != ((Number) o).longValue()) {
      throw new IllegalArgumentException(key + " must be a positive whole number, got " + o);
    }
    return ((Number) o).intValue();
  }
}
