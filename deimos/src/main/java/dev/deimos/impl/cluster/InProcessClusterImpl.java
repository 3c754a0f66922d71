package dev.deimos.impl.cluster;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.runtime.Clock;
import dev.deimos.impl.runtime.ExecutorScheduler;
import dev.deimos.impl.runtime.ModuleDef;
import dev.deimos.impl.runtime.ModuleRuntime;
import dev.deimos.impl.runtime.RuntimeServices;
import dev.deimos.impl.serial.CustomSerializations;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.MemoryStorageFactory;
import dev.deimos.impl.storage.StorageFactory;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import dev.deimos.test.UpdateOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The in-process cluster: a map of launched modules, each with its own runtime and threads. */
public final class InProcessClusterImpl implements InProcessCluster {
  private final Map<String, ModuleRuntime> modules = new LinkedHashMap<>();
  private final ValueCodec codec;
  private final StorageFactory storage;
  // the cluster's one timer thread (ticks, retries, timeouts), started on first use
  private final ExecutorScheduler scheduler = new ExecutorScheduler("deimos-cluster-timer");
  private final RuntimeServices services;
  private boolean closed;
  // callback threads and heartbeats of PState proxies, started by the first proxy
  private dev.deimos.impl.reactive.ProxyClient proxies;

  /** Creates a cluster with the built-in serialization only, keeping everything in memory. */
  public InProcessClusterImpl() {
    this(List.of(), MemoryStorageFactory.INSTANCE);
  }

  /**
   * Creates a cluster with custom serializations, keeping everything in memory.
   *
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   */
  @SuppressWarnings("rawtypes")
  public InProcessClusterImpl(List<Class> customSerializations) {
    this(customSerializations, MemoryStorageFactory.INSTANCE);
  }

  /**
   * Creates a cluster with custom serializations whose modules keep their data where {@code
   * storage} puts it.
   *
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   * @param storage opens the depot logs, PState stores and progress stores of every module
   */
  @SuppressWarnings("rawtypes")
  public InProcessClusterImpl(List<Class> customSerializations, StorageFactory storage) {
    if (storage == null) {
      throw new IllegalArgumentException("storage factory is null");
    }
    CustomSerializations cs = new CustomSerializations(customSerializations);
    this.codec = cs.isEmpty() ? ValueCodec.PLAIN : new ValueCodec(cs);
    this.storage = storage;
    this.services = new RuntimeServices(storage, Clock.SYSTEM, scheduler);
  }

  @Override
  public void launchModule(DeimosModule module, LaunchConfig config) {
    String name = module.getModuleName();
    synchronized (this) {
      checkOpen();
      if (modules.containsKey(name)) {
        throw new IllegalStateException("module " + name + " is already deployed");
      }
    }
    ModuleDef def = new ModuleDef();
    module.define(def, def);
    ModuleRuntime rt =
        new ModuleRuntime(
            name,
            def,
            config.getNumTasks(),
            config.getNumThreads(),
            config.getNumWorkers(),
            codec,
            this,
            this::module,
            services);
    synchronized (this) {
      if (closed || modules.containsKey(name)) {
        rt.close();
        throw new IllegalStateException("module " + name + " is already deployed or closed");
      }
      modules.put(name, rt);
    }
  }

  @Override
  public void updateModule(DeimosModule module) {
    updateModule(module, UpdateOptions.create());
  }

  @Override
  public void updateModule(DeimosModule module, UpdateOptions options) {
    String name = module.getModuleName();
    ModuleRuntime rt = module(name);
    ModuleDef def = new ModuleDef();
    module.define(def, def);
    List<ModuleRuntime> others;
    synchronized (this) {
      others = new ArrayList<>(modules.values());
    }
    for (ModuleRuntime o : others) {
      if (o == rt) {
        continue;
      }
      for (String[] m : o.mirrorTargets()) {
        if (m[1].equals(name) && !def.declares(m[0], m[2])) {
          throw new IllegalArgumentException(
              "cannot update module "
                  + name
                  + ": module "
                  + o.moduleName()
                  + " mirrors its "
                  + m[0]
                  + " "
                  + m[2]
                  + ", which the new version no longer declares");
        }
      }
    }
    // one update of a module at a time; launches and other modules' updates go on meanwhile
    synchronized (rt) {
      rt.update(def, options.getObjectsToDelete(), this::module);
    }
  }

  @Override
  public void destroyModule(String moduleName) {
    ModuleRuntime rt;
    synchronized (this) {
      rt = modules.get(moduleName);
      if (rt == null) {
        throw new IllegalArgumentException("module " + moduleName + " is not deployed");
      }
      // as in Rama, a module others depend on through mirrors cannot go before they do
      for (ModuleRuntime o : modules.values()) {
        if (o == rt) {
          continue;
        }
        for (Map.Entry<String, String[]> m : o.mirrorVars().entrySet()) {
          String[] d = m.getValue();
          if (d[1].equals(moduleName)) {
            throw new IllegalStateException(
                "cannot destroy module "
                    + moduleName
                    + ": module "
                    + o.moduleName()
                    + " depends on it, mirroring its "
                    + d[0]
                    + " "
                    + d[2]
                    + " as "
                    + m.getKey()
                    + "; destroy "
                    + o.moduleName()
                    + " first, or update it to drop the mirror");
          }
        }
      }
      modules.remove(moduleName);
    }
    rt.close();
    storage.destroyModule(moduleName);
  }

  @Override
  public Depot clusterDepot(String moduleName, String depotName) {
    ModuleRuntime rt = module(moduleName);
    if (!rt.hasDepot(depotName)) {
      throw new IllegalArgumentException("module " + moduleName + " has no depot " + depotName);
    }
    return new DepotClient(rt, depotName);
  }

  @Override
  public PState clusterPState(String moduleName, String pstateName) {
    ModuleRuntime rt = module(moduleName);
    if (!rt.hasPState(pstateName)) {
      throw new IllegalArgumentException("module " + moduleName + " has no PState " + pstateName);
    }
    if (!rt.isClientReadable(pstateName)) {
      throw new IllegalArgumentException(
          "PState " + pstateName + " of module " + moduleName + " is private to its topology");
    }
    return new PStateClient(rt, pstateName, this::proxyClient);
  }

  @Override
  public <T> QueryTopologyClient<T> clusterQuery(String moduleName, String queryTopologyName) {
    ModuleRuntime rt = module(moduleName);
    if (!rt.hasQuery(queryTopologyName)) {
      throw new IllegalArgumentException(
          "module " + moduleName + " has no query topology " + queryTopologyName);
    }
    return new QueryClient<>(rt, queryTopologyName);
  }

  /** The wait of the overload without a timeout. */
  static final int DEFAULT_MICROBATCH_WAIT_MILLIS = 60_000;

  @Override
  public void waitForMicrobatchProcessedCount(String moduleName, String topologyName, int count) {
    waitForMicrobatchProcessedCount(
        moduleName, topologyName, count, DEFAULT_MICROBATCH_WAIT_MILLIS);
  }

  @Override
  public void waitForMicrobatchProcessedCount(
      String moduleName, String topologyName, int count, int timeoutMillis) {
    module(moduleName).waitForMicrobatchProcessedCount(topologyName, count, timeoutMillis);
  }

  @Override
  public void pauseMicrobatchTopology(String moduleName, String topologyName) {
    module(moduleName).pauseMicrobatch(topologyName);
  }

  @Override
  public void resumeMicrobatchTopology(String moduleName, String topologyName) {
    module(moduleName).resumeMicrobatch(topologyName);
  }

  @Override
  public Map<String, Map<Integer, MicrobatchParams>> getMicrobatchDepotInfo(
      String moduleName, String topologyName) {
    return module(moduleName).microbatchDepotInfo(topologyName);
  }

  /**
   * Returns what each microbatch topology of a module is doing, including a microbatch that keeps
   * failing (see {@link dev.deimos.impl.runtime.ModuleRuntime#microbatchStatus()}). Internal: for
   * the server's and console's status pages and for tests.
   *
   * @param moduleName the module
   * @return topology name to status
   * @throws IllegalArgumentException if the module is not deployed
   */
  public Map<String, dev.deimos.impl.runtime.MicrobatchStatus> microbatchStatus(String moduleName) {
    return module(moduleName).microbatchStatus();
  }

  /**
   * Returns a read-only snapshot of a module for the console: depots, PStates and topologies with
   * their counts (see {@link dev.deimos.impl.runtime.ModuleView}). Internal.
   *
   * @param moduleName the module
   * @return the view
   * @throws IllegalArgumentException if the module is not deployed
   */
  public dev.deimos.impl.runtime.ModuleView moduleView(String moduleName) {
    return module(moduleName).view();
  }

  /**
   * Returns the dataflow graph of one topology as the compiler laid it out, with how many times
   * each node has run. Internal: for the console.
   *
   * @param moduleName the module
   * @param topologyName a stream, microbatch or query topology
   * @return the graph
   * @throws IllegalArgumentException if the module or topology does not exist
   */
  public dev.deimos.impl.dataflow.PlanGraph topologyGraph(String moduleName, String topologyName) {
    return module(moduleName).graph(topologyName);
  }

  /**
   * Selects with {@code path} on one partition of a PState. Internal: for the console's PState
   * browser.
   *
   * @param moduleName the module
   * @param pstateName the PState
   * @param partition the partition (0 for a global PState)
   * @param path the path
   * @return the values
   * @throws IllegalArgumentException for an unknown module or PState or a partition out of range
   */
  public java.util.concurrent.CompletableFuture<List<Object>> selectOnPartition(
      String moduleName, String pstateName, int partition, dev.deimos.Path path) {
    ModuleRuntime rt = module(moduleName);
    if (!rt.isClientReadable(pstateName) && rt.hasPState(pstateName)) {
      throw new IllegalArgumentException(
          "PState " + pstateName + " of module " + moduleName + " is private to its topology");
    }
    return rt.selectOnPartition(pstateName, partition, path);
  }

  @Override
  public synchronized Set<String> getDeployedModuleNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(modules.keySet()));
  }

  private synchronized ModuleRuntime module(String name) {
    checkOpen();
    ModuleRuntime rt = modules.get(name);
    if (rt == null) {
      throw new IllegalArgumentException("module " + name + " is not deployed");
    }
    return rt;
  }

  private synchronized dev.deimos.impl.reactive.ProxyClient proxyClient() {
    checkOpen();
    if (proxies == null) {
      proxies =
          new dev.deimos.impl.reactive.ProxyClient(
              dev.deimos.impl.reactive.ProxyClient.Config.defaults());
    }
    return proxies;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the cluster is closed");
    }
  }

  @Override
  public void close() {
    List<ModuleRuntime> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(modules.values());
      modules.clear();
    }
    for (ModuleRuntime rt : all) {
      rt.close();
      storage.closeModule(rt.moduleName());
    }
    dev.deimos.impl.reactive.ProxyClient p;
    synchronized (this) {
      p = proxies;
    }
    if (p != null) {
      p.close();
    }
    scheduler.close();
  }
}
