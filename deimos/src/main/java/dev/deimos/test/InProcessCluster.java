package dev.deimos.test;

import dev.deimos.DeimosModule;
import dev.deimos.cluster.ClusterManagerBase;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import java.util.List;

/**
 * A whole cluster inside this JVM, for tests: launch modules, then use depot and PState clients.
 * Each instance owns its task threads; {@link #close()} stops them. Thread-safe.
 */
public interface InProcessCluster extends ClusterManagerBase {
  /**
   * Creates an empty cluster that keeps everything in memory (for tests; see {@link
   * #open(java.nio.file.Path)} for a durable one).
   *
   * @return the cluster
   */
  static InProcessCluster create() {
    return new InProcessClusterImpl();
  }

  /**
   * Creates an empty cluster that serializes values of the given serializers' target types with
   * them: depot records, and frames sent between workers ({@link LaunchConfig#numWorkers}).
   *
   * @param customSerializations classes implementing {@link dev.deimos.DeimosCustomSerialization},
   *     each with a no-argument constructor
   * @return the cluster
   * @throws IllegalArgumentException if a class is not a usable serializer
   */
  @SuppressWarnings("rawtypes")
  static InProcessCluster create(List<Class> customSerializations) {
    return new InProcessClusterImpl(customSerializations);
  }

  /**
   * Opens a durable cluster on a data directory, creating the directory if absent: depots are
   * append logs on disk, PStates and topology progress live in RocksDB, and the directory records
   * which modules are launched. Reopening the directory after {@link #close()} or a crash brings
   * every module back with its data: stream topologies resume from their last checkpoint (records
   * after it are processed again), microbatch topologies from their last committed microbatch.
   *
   * <p>Modules recorded in the directory are launched again before this returns when their class is
   * on the class path and has a no-argument constructor. Calling {@link #launchModule} for such a
   * module (with the stored tasks, threads and workers) hands it over to the given instance in
   * place, so start-up code that opens the directory and launches its modules works on the first
   * run and every run after. A recorded module that could not be instantiated resumes from its
   * stored data when it is launched. See docs/durability.md for what a crash can cost.
   *
   * @param dataDir the data directory; one cluster at a time may have it open
   * @return the cluster
   * @throws IllegalStateException if another cluster (in any process) has the directory open, or
   *     stored data is damaged; the message names the file
   */
  static InProcessCluster open(java.nio.file.Path dataDir) {
    return InProcessClusterImpl.open(dataDir, java.util.List.of());
  }

  /**
   * Like {@link #open(java.nio.file.Path)}, with custom serializations (see {@link #create(List)});
   * pass the same ones every time the directory is opened.
   *
   * @param dataDir the data directory
   * @param customSerializations classes implementing {@link dev.deimos.DeimosCustomSerialization}
   * @return the cluster
   * @throws IllegalStateException if another cluster has the directory open, or data is damaged
   */
  @SuppressWarnings("rawtypes")
  static InProcessCluster open(java.nio.file.Path dataDir, List<Class> customSerializations) {
    return InProcessClusterImpl.open(dataDir, customSerializations);
  }

  /**
   * Runs {@code module.define} on this very instance, compiles its topologies and starts it.
   *
   * @param module the module
   * @param config tasks and threads
   * @throws dev.deimos.DeimosCompileException if a topology does not compile
   * @throws IllegalStateException if a module of that name is already deployed
   * @throws IllegalArgumentException if a mirror ({@code setup.clusterDepot} etc.) names a module
   *     or object that is not deployed
   */
  void launchModule(DeimosModule module, LaunchConfig config);

  /**
   * Replaces a running module's code with {@code module} (matched by {@link
   * DeimosModule#getModuleName()}), as {@link #updateModule(DeimosModule, UpdateOptions)} with no
   * objects to delete.
   *
   * @param module the new version of the module
   */
  void updateModule(DeimosModule module);

  /**
   * Replaces a running module's code with {@code module}. Depots keep their records and PStates
   * their data, matched by var; stream topologies declared again continue with the records appended
   * after the update, new ones start per their source options ({@code startFromBeginning()} etc.),
   * removed ones stop. A PState whose schema changes must stay compatible or say how its data
   * changes with {@code PState.migrated(...)}; the migration is applied during the update. Appends
   * made while the update runs wait for it. If the update is rejected the running module stays as
   * it was.
   *
   * @param module the new version of the module
   * @param options which depots and PStates the update may delete
   * @throws IllegalArgumentException if the module is not deployed, or the update removes a depot
   *     or PState not listed in the options, changes a PState incompatibly, or changes a depot from
   *     global to partitioned, or from a tick depot to a normal one (or the other way)
   * @throws dev.deimos.DeimosCompileException if a topology of the new version does not compile
   */
  void updateModule(DeimosModule module, UpdateOptions options);

  /**
   * Stops a module and drops its depots and PStates.
   *
   * @param moduleName the module name
   * @throws IllegalArgumentException if it is not deployed
   * @throws IllegalStateException if another module mirrors one of its depots, PStates or queries
   *     ({@code setup.clusterDepot} etc.); the message names that module and its mirror var
   */
  void destroyModule(String moduleName);

  /**
   * Blocks until the microbatch topology has finished processing at least {@code count} depot
   * records, counted across all its sources since the topology started; waits at most a minute.
   *
   * @param moduleName the module
   * @param topologyName the microbatch topology
   * @param count the cumulative record count to wait for
   * @throws IllegalArgumentException if the module or topology does not exist
   * @throws IllegalStateException if the count is not reached in time
   */
  void waitForMicrobatchProcessedCount(String moduleName, String topologyName, int count);

  /**
   * Like {@link #waitForMicrobatchProcessedCount(String, String, int)} with a timeout.
   *
   * @param moduleName the module
   * @param topologyName the microbatch topology
   * @param count the cumulative record count to wait for
   * @param timeoutMillis how long to wait at most
   * @throws IllegalArgumentException if the module or topology does not exist
   * @throws IllegalStateException if the count is not reached in time; the message names the
   *     module, topology and the count reached
   */
  void waitForMicrobatchProcessedCount(
      String moduleName, String topologyName, int count, int timeoutMillis);

  /**
   * Pauses a microbatch topology: blocks until its running microbatch (if any) has finished, then
   * starts no new one until {@link #resumeMicrobatchTopology}. A no-op when already paused.
   *
   * @param moduleName the module
   * @param topologyName the microbatch topology
   * @throws IllegalArgumentException if the module or topology does not exist
   */
  void pauseMicrobatchTopology(String moduleName, String topologyName);

  /**
   * Resumes a paused microbatch topology; its next microbatch takes what was appended meanwhile. A
   * no-op when not paused.
   *
   * @param moduleName the module
   * @param topologyName the microbatch topology
   * @throws IllegalArgumentException if the module or topology does not exist
   */
  void resumeMicrobatchTopology(String moduleName, String topologyName);

  /** Stops every module and all task threads. */
  @Override
  void close();
}
