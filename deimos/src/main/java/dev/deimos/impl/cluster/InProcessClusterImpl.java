package dev.deimos.impl.cluster;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.dataflow.PlanGraph;
import dev.deimos.impl.reactive.ProxyClient;
import dev.deimos.impl.reactive.ProxyTarget;
import dev.deimos.impl.runtime.Clock;
import dev.deimos.impl.runtime.EngineMetrics;
import dev.deimos.impl.runtime.ExecutorScheduler;
import dev.deimos.impl.runtime.MicrobatchStatus;
import dev.deimos.impl.runtime.ModuleDef;
import dev.deimos.impl.runtime.ModuleRuntime;
import dev.deimos.impl.runtime.ModuleView;
import dev.deimos.impl.runtime.RuntimeServices;
import dev.deimos.impl.serial.CustomSerializations;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.DiskStorageFactory;
import dev.deimos.impl.storage.DiskStorageOptions;
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
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(InProcessClusterImpl.class);
  private final Map<String, ModuleRuntime> modules = new LinkedHashMap<>();
  // a durable cluster opened on a directory: the launched modules, else null
  private final ModuleRegistry registry;
  // recorded modules not running (their class could not be loaded or launched at open)
  private final Map<String, ModuleRegistry.Entry> pending = new LinkedHashMap<>();
  // modules relaunched at open from their recorded class, not launched by the caller since
  private final Set<String> relaunched = new java.util.HashSet<>();
  // whether close() closes the storage factory (the cluster opened it)
  private final boolean ownsStorage;
  private final ValueCodec codec;
  private final StorageFactory storage;
  // the cluster's one timer thread (ticks, retries, timeouts), started on first use
  private final ExecutorScheduler scheduler = new ExecutorScheduler("deimos-cluster-timer");
  private final RuntimeServices services;
  private boolean closed;
  // callback threads and heartbeats of PState proxies, started by the first proxy
  private ProxyClient proxies;

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
    this(customSerializations, storage, null, false, EngineMetrics.NONE);
  }

  /**
   * Creates a cluster that also reports its work to a telemetry sink (the server's metrics).
   *
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   * @param storage opens the depot logs, PState stores and progress stores of every module
   * @param metrics where appends, records, microbatches and PState writes are counted
   */
  @SuppressWarnings("rawtypes")
  public InProcessClusterImpl(
      List<Class> customSerializations, StorageFactory storage, EngineMetrics metrics) {
    this(customSerializations, storage, null, false, metrics);
  }

  /**
   * Creates a cluster whose modules keep their data where {@code storage} puts it and, when {@code
   * registryDir} is given, records its launched modules there and relaunches the recorded ones now
   * (see {@code InProcessCluster.open}).
   *
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   * @param storage opens the depot logs, PState stores and progress stores of every module
   * @param registryDir the directory of the module registry (locked while the cluster is open), or
   *     null to record nothing
   * @throws IllegalStateException if another cluster has {@code registryDir} open
   */
  @SuppressWarnings("rawtypes")
  public InProcessClusterImpl(
      List<Class> customSerializations, StorageFactory storage, java.nio.file.Path registryDir) {
    this(customSerializations, storage, registryDir, false, EngineMetrics.NONE);
  }

  /**
   * Opens a durable cluster on a data directory (see {@code InProcessCluster.open}): depots,
   * PStates and progress on disk, the module registry beside them; recorded modules are launched
   * again before this returns.
   *
   * @param dataDir the data directory, created if absent
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   * @return the cluster, owning the storage it opened
   * @throws IllegalStateException if another cluster has the directory open, or its data is damaged
   */
  @SuppressWarnings("rawtypes")
  public static InProcessClusterImpl open(
      java.nio.file.Path dataDir, List<Class> customSerializations) {
    return open(dataDir, customSerializations, EngineMetrics.NONE);
  }

  /**
   * Like {@link #open(java.nio.file.Path, List)}, reporting the cluster's work to a telemetry sink.
   *
   * @param dataDir the data directory, created if absent
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   * @param metrics where appends, records, microbatches and PState writes are counted
   * @return the cluster, owning the storage it opened
   */
  @SuppressWarnings("rawtypes")
  public static InProcessClusterImpl open(
      java.nio.file.Path dataDir, List<Class> customSerializations, EngineMetrics metrics) {
    if (dataDir == null) {
      throw new IllegalArgumentException("data directory is null");
    }
    StorageFactory disk = new DiskStorageFactory(dataDir, DiskStorageOptions.defaults());
    try {
      return new InProcessClusterImpl(customSerializations, disk, dataDir, true, metrics);
    } catch (RuntimeException e) {
      disk.close();
      throw e;
    }
  }

  /**
   * Like {@link #InProcessClusterImpl(List, StorageFactory, java.nio.file.Path)}; closes {@code
   * storage} in {@link #close} when {@code ownsStorage}.
   *
   * @param customSerializations classes implementing {@code DeimosCustomSerialization}
   * @param storage the storage factory
   * @param registryDir the directory of the module registry, or null
   * @param ownsStorage whether closing the cluster closes the storage
   * @param metrics where appends, records, microbatches and PState writes are counted
   */
  @SuppressWarnings("rawtypes")
  public InProcessClusterImpl(
      List<Class> customSerializations,
      StorageFactory storage,
      java.nio.file.Path registryDir,
      boolean ownsStorage,
      EngineMetrics metrics) {
    this.ownsStorage = ownsStorage;
    if (storage == null) {
      throw new IllegalArgumentException("storage factory is null");
    }
    CustomSerializations cs = new CustomSerializations(customSerializations);
    this.codec = cs.isEmpty() ? ValueCodec.PLAIN : new ValueCodec(cs);
    this.storage = storage;
    this.services = new RuntimeServices(storage, Clock.SYSTEM, scheduler, metrics);
    this.registry = registryDir == null ? null : ModuleRegistry.open(registryDir);
    if (registry != null) {
      try {
        relaunchRecorded();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  /**
   * Launches every recorded module whose class loads and has a no-argument constructor, in launch
   * order; the others wait for {@link #launchModule} of a module of the same name.
   */
  private void relaunchRecorded() {
    for (ModuleRegistry.Entry e : registry.entries()) {
      DeimosModule m;
      try {
        m = instantiate(e.className);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
        LOG.info(
            "module {} is recorded in the data directory but its class {} cannot be instantiated"
                + " ({}); launch it to resume it from its stored data",
            e.name,
            e.className,
            ex.toString());
        synchronized (this) {
          pending.put(e.name, e);
        }
        continue;
      }
      if (!e.name.equals(m.getModuleName())) {
        LOG.warn(
            "module {}: an instance of its recorded class {} is named {} now; launch it to resume",
            e.name,
            e.className,
            m.getModuleName());
        synchronized (this) {
          pending.put(e.name, e);
        }
        continue;
      }
      try {
        launchNow(m, new LaunchConfig(e.tasks, e.threads).numWorkers(e.workers));
      } catch (RuntimeException ex) {
        LOG.warn("module {}: relaunching it from the data directory failed", e.name, ex);
        synchronized (this) {
          pending.put(e.name, e);
        }
        continue;
      }
      synchronized (this) {
        relaunched.add(e.name);
      }
      LOG.info("module {} relaunched from the data directory ({})", e.name, e.describe());
    }
  }

  private static DeimosModule instantiate(String className) throws ReflectiveOperationException {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    Class<?> c =
        Class.forName(
            className, true, cl != null ? cl : InProcessClusterImpl.class.getClassLoader());
    if (!DeimosModule.class.isAssignableFrom(c)) {
      throw new ClassCastException(className + " does not implement DeimosModule");
    }
    java.lang.reflect.Constructor<?> k = c.getDeclaredConstructor();
    k.setAccessible(true);
    return (DeimosModule) k.newInstance();
  }

  @Override
  public void launchModule(DeimosModule module, LaunchConfig config) {
    String name = module.getModuleName();
    if (registry != null) {
      ModuleRegistry.Entry e = registry.get(name);
      boolean claim;
      synchronized (this) {
        checkOpen();
        claim = relaunched.contains(name);
      }
      if (e != null
          && (e.tasks != config.getNumTasks()
              || (claim
                  && (e.threads != config.getNumThreads()
                      || e.workers != config.getNumWorkers())))) {
        throw new IllegalArgumentException(
            "module "
                + name
                + " is stored in the data directory with "
                + e.describe()
                + ", but is launched with "
                + config.getNumTasks()
                + " tasks, "
                + config.getNumThreads()
                + " threads and "
                + config.getNumWorkers()
                + " workers; launch it as stored (its data is partitioned by its task count), or"
                + " destroy it first");
      }
      if (claim) {
        // relaunched at open from its recorded class: the caller's instance takes over in place
        updateModule(module);
        synchronized (this) {
          relaunched.remove(name);
        }
        return;
      }
    }
    launchNow(module, config);
    if (registry != null) {
      registry.put(
          new ModuleRegistry.Entry(
              name,
              module.getClass().getName(),
              config.getNumTasks(),
              config.getNumThreads(),
              config.getNumWorkers()));
      synchronized (this) {
        pending.remove(name);
      }
    }
  }

  private void launchNow(DeimosModule module, LaunchConfig config) {
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
    if (registry != null) {
      ModuleRegistry.Entry e = registry.get(name);
      if (e != null) {
        registry.put(
            new ModuleRegistry.Entry(
                name, module.getClass().getName(), e.tasks, e.threads, e.workers));
      }
      synchronized (this) {
        relaunched.remove(name);
      }
    }
  }

  @Override
  public void destroyModule(String moduleName) {
    ModuleRuntime rt;
    synchronized (this) {
      if (!modules.containsKey(moduleName) && pending.remove(moduleName) != null) {
        // recorded but not running: drop its stored data
        registry.remove(moduleName);
        storage.destroyModule(moduleName);
        return;
      }
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
      relaunched.remove(moduleName);
    }
    rt.close();
    if (registry != null) {
      registry.remove(moduleName);
    }
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

  /**
   * The server side of a proxy, for a server that carries proxies to remote clients: the same
   * checks as {@link #clusterPState}, then {@link ModuleRuntime#proxyTarget}.
   *
   * @param moduleName the module
   * @param pstateName the PState
   * @param keyGiven whether {@code key} decides the partition
   * @param key the partitioning key
   * @param path the proxied path
   * @return the target
   * @throws IllegalArgumentException naming what does not exist or cannot be proxied
   */
  public ProxyTarget proxyTarget(
      String moduleName, String pstateName, boolean keyGiven, Object key, dev.deimos.Path path) {
    clusterPState(moduleName, pstateName);
    return module(moduleName).proxyTarget(pstateName, keyGiven, key, path);
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
  public Map<String, MicrobatchStatus> microbatchStatus(String moduleName) {
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
  public ModuleView moduleView(String moduleName) {
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
  public PlanGraph topologyGraph(String moduleName, String topologyName) {
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

  private synchronized ProxyClient proxyClient() {
    checkOpen();
    if (proxies == null) {
      proxies = new ProxyClient(ProxyClient.Config.defaults());
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
    // newest first: a module mirroring another closes before the module it reads
    java.util.Collections.reverse(all);
    for (ModuleRuntime rt : all) {
      rt.close();
      storage.closeModule(rt.moduleName());
    }
    ProxyClient p;
    synchronized (this) {
      p = proxies;
    }
    if (p != null) {
      p.close();
    }
    scheduler.close();
    if (ownsStorage) {
      storage.close();
    }
    if (registry != null) {
      registry.close();
    }
  }
}
