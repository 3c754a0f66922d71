package dev.deimos.cluster;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;
import java.io.Closeable;
import java.util.Set;

/**
 * Client access to the modules of a cluster. The same client code runs against an {@code
 * InProcessCluster} and a real cluster.
 */
public interface ClusterManagerBase extends Closeable {
  /**
   * Returns a thread-safe client of a depot.
   *
   * @param moduleName the module name
   * @param depotName the depot var, e.g. {@code *depot}
   * @return the client
   * @throws IllegalArgumentException if no such module or depot is deployed
   */
  Depot clusterDepot(String moduleName, String depotName);

  /**
   * Returns a thread-safe client of a PState.
   *
   * @param moduleName the module name
   * @param pstateName the PState var, e.g. {@code $$counts}
   * @return the client
   * @throws IllegalArgumentException if no such module or PState is deployed
   */
  PState clusterPState(String moduleName, String pstateName);

  /**
   * Returns a thread-safe client of a query topology.
   *
   * @param moduleName the module name
   * @param queryTopologyName the query topology name
   * @param <T> the result type
   * @return the client
   * @throws IllegalArgumentException if no such module or query topology is deployed
   */
  <T> QueryTopologyClient<T> clusterQuery(String moduleName, String queryTopologyName);

  /**
   * Returns the names of the deployed modules.
   *
   * @return module names
   */
  Set<String> getDeployedModuleNames();
}
