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
   * Creates an empty cluster.
   *
   * @return the cluster
   */
  static InProcessCluster create() {
    return new InProcessClusterImpl();
  }

  /**
   * Creates an empty cluster with custom serializations. (Accepted for compatibility; records are
   * serialized with the built-in codec and Java serialization.)
   *
   * @param customSerializations serialization classes
   * @return the cluster
   */
  @SuppressWarnings("rawtypes")
  static InProcessCluster create(List<Class> customSerializations) {
    return new InProcessClusterImpl();
  }

  /**
   * Runs {@code module.define} on this very instance, compiles its topologies and starts it.
   *
   * @param module the module
   * @param config tasks and threads
   * @throws dev.deimos.DeimosCompileException if a topology does not compile
   * @throws IllegalStateException if a module of that name is already deployed
   */
  void launchModule(DeimosModule module, LaunchConfig config);

  /**
   * Stops a module and drops its depots and PStates.
   *
   * @param moduleName the module name
   * @throws IllegalArgumentException if it is not deployed
   */
  void destroyModule(String moduleName);

  /** Stops every module and all task threads. */
  @Override
  void close();
}
