package dev.deimos;

import dev.deimos.cluster.ClusterManagerBase;
import dev.deimos.impl.net.NetClusterManager;
import java.util.Map;

/**
 * A client of a running Deimos server, over the network. Handles it returns ({@link Depot}, {@link
 * PState}, {@link QueryTopologyClient}) behave as those of an {@code InProcessCluster}: the same
 * ack levels and ack-return maps, the same select results, the same exceptions for bad names. They
 * are thread-safe, pipeline their requests on one shared connection, and survive module updates and
 * server restarts: a request whose connection drops is sent again on a new connection until its
 * timeout, so an append may be applied twice (at least once, as a retried append on any cluster).
 *
 * <p>Configuration keys: {@code conductor.host} (default {@code 127.0.0.1}), {@code conductor.port}
 * (default 1973), {@code auth.token} (the server's shared secret, if it has one), {@code
 * custom.serializations} (a list of {@link DeimosCustomSerialization} class names or classes, the
 * same list as the server's), {@code foreign.depot.operation.timeout.millis} (appends, default
 * 30000) and {@code foreign.pstate.operation.timeout.millis} (selects, queries and every other
 * call, default 30000).
 */
public interface DeimosClusterManager extends ClusterManagerBase {
  /**
   * Connects with the configuration in {@code deimos.yaml} on the class path, or the defaults when
   * there is none. The connection is made on the first request.
   *
   * @return the cluster manager
   * @throws IllegalArgumentException if {@code deimos.yaml} is malformed
   */
  static DeimosClusterManager open() {
    return NetClusterManager.open(NetClusterManager.classPathConfig());
  }

  /**
   * Connects with the given configuration (keys as in the class description). The connection is
   * made on the first request.
   *
   * @param config configuration; missing keys take their defaults
   * @return the cluster manager
   * @throws IllegalArgumentException if a value has the wrong type or a serializer class cannot be
   *     loaded
   */
  @SuppressWarnings("rawtypes")
  static DeimosClusterManager open(Map config) {
    return NetClusterManager.open(config);
  }

  /** Closes the connection; handles fail afterwards. */
  @Override
  void close();
}
