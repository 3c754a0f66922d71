package dev.deimos.cluster;

import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;
import java.io.Closeable;
import java.util.Map;
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

  /**
   * Returns how far a microbatch topology has got on every depot it reads: for each source depot
   * (keyed by the depot var its {@code source} names; a source with a {@code sourceId} is keyed
   * {@code depot#sourceId}) and each partition of that depot, the offset range of the latest
   * microbatch committed on it. Every record below a partition's {@link
   * MicrobatchParams#getEndOffset()} has been processed; a record appended at offset {@code o} is
   * visible in the topology's PStates once the end offset exceeds {@code o}. Before the first
   * microbatch both offsets are where the topology starts reading.
   *
   * @param moduleName the module
   * @param topologyName the microbatch topology
   * @return depot var to partition index to offset range; a snapshot, not updated afterwards
   * @throws IllegalArgumentException if the module or the microbatch topology does not exist
   */
  Map<String, Map<Integer, MicrobatchParams>> getMicrobatchDepotInfo(
      String moduleName, String topologyName);
}
