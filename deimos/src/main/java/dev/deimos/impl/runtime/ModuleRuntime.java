package dev.deimos.impl.runtime;

import dev.deimos.AckLevel;
import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.Path;
import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.impl.data.KeyHash;
import dev.deimos.impl.data.TaskContext;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.AckAggregator;
import dev.deimos.impl.dataflow.Chain;
import dev.deimos.impl.dataflow.Compiler;
import dev.deimos.impl.dataflow.ExecutionContext;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.dataflow.Plan;
import dev.deimos.impl.dataflow.PlanGraph;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.InlineAppendLog;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.schema.SchemaCompatibility;
import dev.deimos.impl.reactive.PartitionSubscriptions;
import dev.deimos.impl.reactive.ProxyOptions;
import dev.deimos.impl.reactive.ProxySink;
import dev.deimos.impl.reactive.ProxyTarget;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.StorageFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One launched module: its tasks, task threads, depot logs and compiled stream topologies. Owns its
 * threads and stops them in {@link #close()}.
 */
public final class ModuleRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModuleRuntime.class);

  private final String moduleName;
  private final int numTasks;
  private final int numThreads;
  private final int numWorkers;
  private final ValueCodec codec;
  private final TaskThread[] threads;
  private final Task[] tasks;
  // the next four are replaced whole by update(), so readers see one version or the other
  private volatile Map<String, DepotRt> depots = new LinkedHashMap<>();
  private volatile Map<String, PStateDeclaration> pstates;
  private volatile Queries queries;
  private volatile Mirrors mirrors;
  private volatile boolean closed;
  // topology.stream.timeout.seconds, in millis (see RecordRun)
  private volatile long streamTimeoutMillis;
  // pstate.proxy.limit and pstate.reactivity.queue.limit of the running version
  private volatile ProxyOptions proxyOptions;
  private volatile String[] globalVars = new String[0];
  private final dev.deimos.ModuleInstanceInfo info;
  private final PendingFutures pending = new PendingFutures();
  private final dev.deimos.cluster.ClusterManagerBase cluster;
  private volatile ModuleDef def;
  // replaced whole by update()
  private volatile Map<String, MicrobatchRunner> microbatches = new LinkedHashMap<>();
  // mirror depots read as sources: this module's feeds and other modules' feeds of its depots
  private final MirrorFeeds feeds = new MirrorFeeds(this);
  // the cluster's storage, clock and scheduler
  private final RuntimeServices services;
  // the periodic ticks of task globals and tick depots; cancelled at update and in close()
  private final List<java.util.concurrent.Future<?>> ticks = new ArrayList<>();
  // update gate: client appends wait while an update swaps the module's parts
  private final Object gate = new Object();
  private volatile boolean paused;
  // a LongAdder: many client threads append at once, and only an update reads the sum
  private final LongAdder clientAppends = new LongAdder();
  // stream records created and not finished yet: a module update drains them; counted here rather
  // than by tracking a future per record (see RecordRun.done)
  private final RecordCounts recordsInFlight = new RecordCounts();
  // stream progress of a durable cluster, else null (memory-only clusters checkpoint nothing)
  private final StreamCheckpoints checkpoints;
  // the compiled plans of each stream topology's sources, for the console's graph
  private volatile Map<String, List<Plan>> streamPlans = Map.of();
  // per topology name, kept across module updates (see TopologyStats)
  private final Map<String, TopologyStats> stats = new java.util.concurrent.ConcurrentHashMap<>();

  /** A compiled source of a stream topology. */
  static final class SourceRt {
    final String topology;
    final String depotVar;
    // the log the source reads: its module's depot, or another module's through a mirror
    final DepotLog log;
    final SourceOptions options;
    final Plan plan;
    final AckAggregator ackAgg;
    // retryAllAfter: one in-order lane per depot partition, else null
    final Lane[] lanes;
    // the segment name of a record's first frame, built once instead of per record
    final String where;
    // when a failure of this source logs its stack trace (see FailureLog)
    final FailureLog failures = new FailureLog();
    // durable clusters: per depot partition, how far this source got (see StreamCheckpoints), and
    // where it resumes at launch; null on memory-only clusters and for tick depots
    volatile OffsetTracker[] trackers;
    long[] resumeFrom;

    // telemetry of the source's topology (set when compiled)
    EngineMetrics.TopologyMeter meter = EngineMetrics.TopologyMeter.NONE;

    // the topology's counts (shared by its sources)
    final TopologyStats stats;

    SourceRt(
        String topology,
        String depotVar,
        SourceOptions options,
        Plan plan,
        DepotLog log,
        TopologyStats stats) {
      int partitions = log.numPartitions();
      this.stats = stats;
      this.topology = topology;
      this.depotVar = depotVar;
      this.log = log;
      this.options = options;
      this.plan = plan;
      this.where = "source(" + depotVar + ")";
      this.ackAgg = options.ackAggregator();
      if (options.retryMode() == SourceOptions.RetryMode.ALL_AFTER) {
        lanes = new Lane[partitions];
        for (int i = 0; i < partitions; i++) {
          lanes[i] = new Lane();
        }
      } else {
        lanes = null;
      }
    }

    /** Identifies the source across module versions: topology, depot and source id. */
    String key() {
      String id = options.sourceId();
      return topology + " " + depotVar + (id == null ? "" : "#" + id);
    }
  }

  /**
   * Runs the records of one depot partition for a retryAllAfter source one after another, so a
   * failed record is retried before any later record of its partition runs: order is kept.
   */
  static final class Lane {
    private final java.util.ArrayDeque<RecordRun> queue = new java.util.ArrayDeque<>();
    private boolean busy;

    void submit(RecordRun r) {
      synchronized (this) {
        if (busy) {
          queue.add(r);
          return;
        }
        busy = true;
      }
      run(r);
    }

    private void run(RecordRun r) {
      r.done.whenComplete((v, e) -> next());
      r.start();
    }

    private void next() {
      RecordRun n;
      synchronized (this) {
        n = queue.poll();
        if (n == null) {
          busy = false;
          return;
        }
      }
      run(n);
    }
  }

  private static final class DepotRt {
    final ModuleDef.DepotDef def;
    final DepotLog log;
    // the log's synchronous-append capability, or null: appends then go through the task thread
    final InlineAppendLog inline;
    volatile List<SourceRt> sources = new ArrayList<>();
    volatile List<MicrobatchRunner> microbatches = new ArrayList<>();
    final EngineMetrics.DepotMeter meter;
    // appends since launch: how many and their serialized bytes (for the console), shared by the
    // depot's versions across module updates
    final LongAdder appends;
    final LongAdder appendedBytes;

    DepotRt(
        ModuleDef.DepotDef def, DepotLog log, EngineMetrics.DepotMeter meter, LongAdder[] counts) {
      this.appends = counts[0];
      this.appendedBytes = counts[1];
      this.def = def;
      this.log = log;
      this.inline = InlineAppendLog.of(log);
      this.meter = meter;
    }
  }

  /**
   * Compiles the module's topologies and starts its task threads, first resolving its mirror vars
   * so that its topologies can use other modules' depots as sources.
   *
   * @param moduleName the module name
   * @param def what {@code define} declared
   * @param numTasks tasks, a power of two
   * @param numThreads task threads, at most numTasks
   * @param numWorkers simulated workers the threads are spread over; frames crossing workers are
   *     serialized
   * @param codec serializes depot records and frames crossing workers
   * @param cluster the cluster handed to task globals
   * @param lookup finds a deployed module by name, throwing IllegalArgumentException if none
   * @param services the cluster's storage factory, clock and scheduler
   * @throws DeimosCompileException if a topology does not compile (nothing is started then)
   * @throws IllegalArgumentException if a mirrored module or object does not exist
   */
  public ModuleRuntime(
      String moduleName,
      ModuleDef def,
      int numTasks,
      int numThreads,
      int numWorkers,
      ValueCodec codec,
      dev.deimos.cluster.ClusterManagerBase cluster,
      java.util.function.Function<String, ModuleRuntime> lookup,
      RuntimeServices services) {
    this.moduleName = moduleName;
    this.services = services;
    this.numTasks = numTasks;
    this.numThreads = numThreads;
    this.numWorkers = numWorkers;
    this.codec = codec;
    this.cluster = cluster;
    this.def = def;
    this.pstates = new LinkedHashMap<>(def.pstates);
    Map<String, DepotRt> depotMap = new LinkedHashMap<>();
    for (ModuleDef.DepotDef d : def.depots.values()) {
      depotMap.put(d.var, newDepot(d));
    }
    List<String> preVars = preVars(def);
    this.mirrors = new Mirrors(moduleName, def.mirrors);
    mirrors.resolve(lookup);
    Map<String, List<SourceRt>> sources = compileSources(def, depotMap, preVars, mirrors);
    this.streamPlans = plansByTopology(sources);
    Map<String, List<SourceRt>> mirrorSources = new LinkedHashMap<>();
    for (Map.Entry<String, List<SourceRt>> e : sources.entrySet()) {
      DepotRt d = depotMap.get(e.getKey());
      if (d != null) {
        d.sources = e.getValue();
      } else {
        mirrorSources.put(e.getKey(), e.getValue());
      }
    }
    this.depots = depotMap;
    Map<String, List<MicrobatchRunner.Source>> mbSources =
        compileMicrobatches(def, depotMap, preVars.toArray(new String[0]), mirrors);
    this.queries = new Queries(this, def, preVars);
    this.streamTimeoutMillis = RecordRun.timeoutMillis(def.moduleOptions);
    this.proxyOptions = ProxyOptions.of(def.moduleOptions);
    Set<Integer> threadIds = new java.util.TreeSet<>();
    for (int i = 0; i < numThreads; i++) {
      threadIds.add(i);
    }
    this.info =
        new dev.deimos.ModuleInstanceInfo(
            moduleName,
            java.util.UUID.randomUUID().toString(),
            numTasks,
            1,
            "in-process",
            0,
            threadIds);
    threads = new TaskThread[numThreads];
    for (int i = 0; i < numThreads; i++) {
      threads[i] = new TaskThread("deimos-" + simpleName(moduleName) + "-thread-" + i);
    }
    tasks = new Task[numTasks];
    for (int i = 0; i < numTasks; i++) {
      tasks[i] =
          new Task(
              i,
              numTasks,
              threads[i % numThreads],
              pstates.values(),
              info,
              services.storage(),
              moduleName,
              services.metrics());
    }
    this.globalVars = def.objects.keySet().toArray(new String[0]);
    this.checkpoints = services.durable() ? new StreamCheckpoints(this, tasks) : null;
    int maxRecords = maxRecords(def);
    long emptySleep = EmptyMicrobatches.millis(def.moduleOptions);
    for (Map.Entry<String, List<MicrobatchRunner.Source>> e : mbSources.entrySet()) {
      MicrobatchRunner r =
          new MicrobatchRunner(
              this,
              e.getKey(),
              e.getValue(),
              def.microbatches.get(e.getKey()).ownPStates,
              tasks,
              maxRecords,
              null,
              services);
      r.setEmptySleepMillis(emptySleep);
      r.setPhaseTimeoutMillis(MicrobatchRunner.phaseTimeoutMillis(def.moduleOptions));
      microbatches.put(e.getKey(), r);
      for (MicrobatchRunner.Source s : e.getValue()) {
        DepotRt d = depots.get(s.depotVar);
        if (d != null && !d.microbatches.contains(r)) {
          d.microbatches.add(r);
        }
      }
    }
    try {
      for (Task t : tasks) {
        t.prepareGlobals(def.objects, codec, numThreads, cluster);
      }
      if (checkpoints != null) {
        // stream sources resume from their stored offsets; records after them run again
        checkpoints.launch(trackedSources(depotMap, mirrorSources));
        for (DepotRt d : depotMap.values()) {
          if (d.def.tickMillis == 0) {
            for (SourceRt s : d.sources) {
              replay(d, s, 0);
            }
          }
        }
        checkpoints.start();
        for (MicrobatchRunner r : microbatches.values()) {
          r.recover();
        }
      }
      startTicking();
      feeds.subscribe(mirrors, mirrorSources, microbatches);
      feeds.pullAll();
      // each microbatch topology starts its cycle: records or, in time, an empty microbatch
      for (MicrobatchRunner r : microbatches.values()) {
        r.wake();
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The stream sources whose progress is checkpointed, with the logs they read. */
  private static Map<SourceRt, DepotLog> trackedSources(
      Map<String, DepotRt> depotMap, Map<String, List<SourceRt>> mirrorSources) {
    Map<SourceRt, DepotLog> out = new LinkedHashMap<>();
    for (DepotRt d : depotMap.values()) {
      if (d.def.tickMillis == 0) {
        for (SourceRt s : d.sources) {
          out.put(s, d.log);
        }
      }
    }
    for (List<SourceRt> l : mirrorSources.values()) {
      for (SourceRt s : l) {
        out.put(s, s.log);
      }
    }
    return out;
  }

  /** Runs {@code body} on {@code t}'s thread; the future completes with its result. */
  <T> CompletableFuture<T> callOn(Task t, Supplier<T> body) {
    return call(t, body);
  }

  // ---- mirror depots as sources (see MirrorFeeds) ----

  private static Map<String, List<Plan>> plansByTopology(Map<String, List<SourceRt>> sources) {
    Map<String, List<Plan>> r = new LinkedHashMap<>();
    for (List<SourceRt> l : sources.values()) {
      for (SourceRt s : l) {
        r.computeIfAbsent(s.topology, k -> new ArrayList<>()).add(s.plan);
      }
    }
    return r;
  }

  /**
   * A snapshot of the module for the console (see {@link ModuleView}). Asks every task for its
   * PState sizes (waiting up to a second for each) and every depot log for its offsets.
   *
   * @return the view
   */
  public ModuleView view() {
    ModuleDef d = def;
    List<ModuleView.DepotView> dv = new ArrayList<>();
    for (DepotRt r : depots.values()) {
      int n = r.log.numPartitions();
      long[] first = new long[n];
      long[] end = new long[n];
      for (int p = 0; p < n; p++) {
        first[p] = ModuleView.firstOffset(r.log, p);
        end[p] = ModuleView.endOffset(r.log, p);
      }
      dv.add(
          new ModuleView.DepotView(
              r.def.var,
              n,
              first,
              end,
              r.appends.sum(),
              r.appendedBytes.sum(),
              r.def.global,
              r.def.tickMillis));
    }
    Map<String, String> owners = new HashMap<>();
    d.topologies.values().forEach(t -> t.ownPStates.forEach(v -> owners.put(v, t.name)));
    d.microbatches.values().forEach(t -> t.ownPStates.forEach(v -> owners.put(v, t.name)));
    List<ModuleView.PStateView> pv = new ArrayList<>();
    for (PStateDeclaration p : pstates.values()) {
      pv.add(
          new ModuleView.PStateView(
              p.getName(),
              p.getSchema().describe(),
              p.isGlobal(),
              p.isPrivate(),
              owners.get(p.getName()),
              sizes(p)));
    }
    List<ModuleView.TopologyView> tv = new ArrayList<>();
    for (ModuleDef.TopologyDef t : d.topologies.values()) {
      List<String> src = new ArrayList<>();
      t.sources.forEach(s -> src.add(s.depotVar));
      tv.add(topologyView(t.name, "stream", src, null, List.of()));
    }
    Map<String, MicrobatchStatus> status = microbatchStatus();
    for (Map.Entry<String, MicrobatchRunner> e : microbatches.entrySet()) {
      List<ModuleView.SourceProgress> prog = e.getValue().progressView();
      List<String> src = new ArrayList<>();
      prog.forEach(s -> src.add(s.depot()));
      tv.add(topologyView(e.getKey(), "microbatch", src, status.get(e.getKey()), prog));
    }
    for (String q : queries.names()) {
      tv.add(topologyView(q, "query", List.of(), null, List.of()));
    }
    return new ModuleView(
        moduleName,
        numTasks,
        numThreads,
        numWorkers,
        dv,
        pv,
        tv,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(d.moduleOptions)));
  }

  private ModuleView.TopologyView topologyView(
      String name,
      String type,
      List<String> sources,
      MicrobatchStatus status,
      List<ModuleView.SourceProgress> progress) {
    TopologyStats s = stats(name);
    return new ModuleView.TopologyView(
        name,
        type,
        List.copyOf(sources),
        s.processed(),
        s.failures(),
        s.retries(),
        s.microbatches(),
        s.latency().snapshot(),
        status,
        List.copyOf(progress));
  }

  /** Top-level entries of a PState per partition, asked on each partition's task. */
  private long[] sizes(PStateDeclaration p) {
    int n = p.isGlobal() ? 1 : numTasks;
    long[] r = new long[n];
    List<CompletableFuture<Long>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Task t = tasks[i];
      fs.add(call(t, () -> t.pstate(p.getName()).size()));
    }
    for (int i = 0; i < n; i++) {
      try {
        r[i] = fs.get(i).get(1, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        r[i] = -1;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        r[i] = -1;
      }
    }
    return r;
  }

  /**
   * The dataflow graph of a topology with its live per-node counts (see {@link
   * dev.deimos.impl.dataflow.PlanGraph}).
   *
   * @param topology a stream, microbatch or query topology of the module
   * @return the graph
   * @throws IllegalArgumentException if the module has no such topology
   */
  public PlanGraph graph(String topology) {
    List<Plan> plans = streamPlans.get(topology);
    if (plans == null) {
      MicrobatchRunner r = microbatches.get(topology);
      if (r != null) {
        plans = r.plans();
      } else if (queries.has(topology)) {
        plans = List.of(queries.plan(topology));
      } else {
        throw new IllegalArgumentException("module " + moduleName + " has no topology " + topology);
      }
    }
    return PlanGraph.of(plans);
  }

  private final Map<String, LongAdder[]> depotCounts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A depot's append and byte counters, kept by name across module updates. */
  private LongAdder[] depotCounts(String depotVar) {
    return depotCounts.computeIfAbsent(
        depotVar, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
  }

  /** The counts of a topology, created on first use. */
  TopologyStats stats(String topology) {
    return stats.computeIfAbsent(topology, k -> new TopologyStats());
  }

  MirrorFeeds feeds() {
    return feeds;
  }

  boolean isTickDepot(String depotVar) {
    DepotRt d = depots.get(depotVar);
    return d != null && d.def.tickMillis > 0;
  }

  /** The log of one of this module's depots, for other modules' mirrors. */
  DepotLog depotLog(String depotVar) {
    DepotRt d = depots.get(depotVar);
    if (d == null) {
      throw new IllegalArgumentException("module " + moduleName + " has no depot " + depotVar);
    }
    return d.log;
  }

  boolean submitToTask(int task, Runnable r) {
    return tasks[task].thread.submit(r);
  }

  boolean isUpdating() {
    return paused;
  }

  /** Starts a record read from another module's depot through a mirror, on {@code task}. */
  void startMirrorRecord(SourceRt s, byte[] record, int task, int partition, long offset) {
    // nothing waits for a mirrored record (appends never wait for other modules): a future only
    // for an in-order retryAllAfter lane
    RecordRun r = new RecordRun(this, s, record, RecordRun.DECODE, task, s.lanes != null);
    OffsetTracker[] tr = s.trackers;
    if (tr != null) {
      r.trackAt(tr[partition], offset);
    }
    if (r.done != null) {
      track(r.done);
    }
    startRun(r, partition);
  }

  private DepotRt newDepot(ModuleDef.DepotDef d) {
    int n = d.global || d.tickMillis > 0 ? 1 : numTasks;
    return depotRt(d, services.storage().openDepotLog(moduleName, d.var, n));
  }

  private DepotRt depotRt(ModuleDef.DepotDef d, DepotLog log) {
    return new DepotRt(
        d,
        log,
        services.metrics().depot(moduleName, d.var, () -> recordsIn(log)),
        depotCounts(d.var));
  }

  /** Records in a depot over all partitions, for telemetry; -1 if its log cannot say now. */
  private static long recordsIn(DepotLog log) {
    long n = 0;
    try {
      for (int p = 0; p < log.numPartitions(); p++) {
        n += log.endOffset(p).get(1, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      return -1;
    }
    return n;
  }

  /** The vars bound before any topology code runs: PStates, objects and mirror PStates. */
  private static List<String> preVars(ModuleDef def) {
    List<String> preVars = new ArrayList<>(def.pstates.keySet());
    preVars.addAll(def.objects.keySet());
    for (Map.Entry<String, String[]> m : def.mirrors.entrySet()) {
      if (m.getValue()[0].equals("pstate")) {
        preVars.add(m.getKey());
      }
    }
    return preVars;
  }

  /** Compiles every stream source of {@code def}; returns them by depot var. */
  private Map<String, List<SourceRt>> compileSources(
      ModuleDef def, Map<String, DepotRt> depotMap, List<String> preVars, Mirrors m) {
    String[] pre = preVars.toArray(new String[0]);
    Map<String, List<SourceRt>> out = new LinkedHashMap<>();
    for (ModuleDef.TopologyDef t : def.topologies.values()) {
      for (ModuleDef.SourceDef s : t.sources) {
        DepotRt d = depotMap.get(s.depotVar);
        String where = "module " + moduleName + ", topology " + t.name;
        DepotLog log = d != null ? d.log : MirrorFeeds.log(m, s.depotVar, where);
        if (log == null) {
          throw new DeimosCompileException(where + ": no depot " + s.depotVar);
        }
        Block chain = s.chain.get();
        Plan plan;
        try {
          plan = Compiler.compile(Chain.withPreBound(chain, pre), othersPStates(def, t.ownPStates));
        } catch (DeimosCompileException e) {
          throw new DeimosCompileException(
              "module " + moduleName + ", topology " + t.name + ": " + e.getMessage());
        }
        SourceRt sr = new SourceRt(t.name, s.depotVar, s.options, plan, log, stats(t.name));
        sr.meter = services.metrics().topology(moduleName, t.name, "stream");
        out.computeIfAbsent(s.depotVar, k -> new ArrayList<>()).add(sr);
      }
    }
    return out;
  }

  /** The module's PStates that a topology declaring {@code own} may read but not write. */
  private static Set<String> othersPStates(ModuleDef def, List<String> own) {
    Set<String> others = new HashSet<>(def.pstates.keySet());
    own.forEach(others::remove);
    return others;
  }

  private Map<String, List<MicrobatchRunner.Source>> compileMicrobatches(
      ModuleDef def, Map<String, DepotRt> depotMap, String[] pre, Mirrors m) {
    Map<String, List<MicrobatchRunner.Source>> out = new LinkedHashMap<>();
    for (ModuleDef.MicrobatchDef t : def.microbatches.values()) {
      List<MicrobatchRunner.Source> list = new ArrayList<>();
      for (ModuleDef.MicrobatchSourceDef s : t.sources) {
        DepotRt d = depotMap.get(s.depotVar);
        String where = "module " + moduleName + ", microbatch topology " + t.name;
        DepotLog log = d != null ? d.log : MirrorFeeds.log(m, s.depotVar, where);
        if (log == null) {
          throw new DeimosCompileException(where + ": no depot " + s.depotVar);
        }
        Plan plan;
        try {
          plan =
              Compiler.compile(
                  Chain.withPreBound(s.chain.get(), pre), othersPStates(def, t.ownPStates), true);
        } catch (DeimosCompileException e) {
          throw new DeimosCompileException(where + ": " + e.getMessage());
        }
        list.add(new MicrobatchRunner.Source(s.depotVar, log, s.options, plan));
      }
      out.put(t.name, list);
    }
    return out;
  }

  /** Schedules the ticks of ticking task globals and tick depots, if the module has any. */
  private void startTicking() {
    Scheduler sc = services.scheduler();
    synchronized (ticks) {
      for (Task t : tasks) {
        if (t.hasTickingGlobals()) {
          t.scheduleTicks(sc, ticks);
        }
      }
      for (DepotRt d : depots.values()) {
        long f = d.def.tickMillis;
        if (f > 0) {
          ticks.add(sc.scheduleAtFixedRate(() -> tasks[0].thread.submit(() -> tick(d)), f));
        }
      }
    }
  }

  /** Cancels the scheduled ticks (update, close). */
  private void stopTicking() {
    synchronized (ticks) {
      for (java.util.concurrent.Future<?> f : ticks) {
        f.cancel(false);
      }
      ticks.clear();
    }
  }

  /** How long a stream record may wait on an async step ({@link RecordRun#TIMEOUT_OPTION}). */
  long streamTimeoutMillis() {
    return streamTimeoutMillis;
  }

  /** The cluster's clock. */
  Clock clock() {
    return services.clock();
  }

  /** The cluster's scheduler. */
  Scheduler scheduler() {
    return services.scheduler();
  }

  /** The cluster's storage factory. */
  StorageFactory storage() {
    return services.storage();
  }

  private static final byte[] TICK = ValueCodec.PLAIN.encode(null);

  /** One tick of a tick depot: every source of it processes a record on task 0 (no ack). */
  private void tick(DepotRt d) {
    if (closed || paused) {
      return;
    }
    for (SourceRt s : d.sources) {
      RecordRun r = new RecordRun(this, s, TICK, RecordRun.DECODE, 0, true);
      track(r.done);
      startRun(r, 0);
    }
  }

  static void startRun(RecordRun r, int partition) {
    if (r.source.lanes != null) {
      r.source.lanes[partition].submit(r);
    } else {
      r.start();
    }
  }

  private static int maxRecords(ModuleDef def) {
    Object o = def.moduleOptions.get(MicrobatchRunner.MAX_RECORDS_OPTION);
    if (o == null) {
      return MicrobatchRunner.DEFAULT_MAX_RECORDS;
    }
    if (!(o instanceof Number) || ((Number) o).longValue() <= 0) {
      throw new IllegalArgumentException(
          MicrobatchRunner.MAX_RECORDS_OPTION + " must be a positive number, got " + o);
    }
    return (int) Math.min(Integer.MAX_VALUE, ((Number) o).longValue());
  }

  private MicrobatchRunner microbatch(String topology) {
    MicrobatchRunner r = microbatches.get(topology);
    if (r == null) {
      throw new IllegalArgumentException(
          "module " + moduleName + " has no microbatch topology " + topology);
    }
    return r;
  }

  /**
   * Blocks until the microbatch topology has processed at least {@code count} depot records since
   * it started.
   *
   * @param topology the microbatch topology
   * @param count the cumulative record count
   * @param timeoutMillis how long to wait at most
   * @throws IllegalArgumentException if there is no such microbatch topology
   * @throws IllegalStateException on timeout or when the module closes first
   */
  public void waitForMicrobatchProcessedCount(String topology, long count, long timeoutMillis) {
    microbatch(topology).waitForProcessed(count, timeoutMillis);
  }

  /**
   * Returns the offset ranges of the latest committed microbatch of a topology, per source depot
   * and partition; see {@code ClusterManagerBase.getMicrobatchDepotInfo}.
   *
   * @param topology the microbatch topology
   * @return source key to partition to range
   * @throws IllegalArgumentException if there is no such microbatch topology
   */
  public Map<String, Map<Integer, dev.deimos.MicrobatchParams>> microbatchDepotInfo(
      String topology) {
    return microbatch(topology).depotInfo();
  }

  /**
   * Returns what each microbatch topology of the module is doing, in declaration order: progress,
   * and whether its current microbatch keeps failing (attempts, last error, since when). For status
   * pages and tests; a snapshot, safe to call from any thread.
   *
   * @return topology name to status
   */
  public Map<String, MicrobatchStatus> microbatchStatus() {
    Map<String, MicrobatchStatus> out = new LinkedHashMap<>();
    for (Map.Entry<String, MicrobatchRunner> e : microbatches.entrySet()) {
      out.put(e.getKey(), e.getValue().status());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Pauses a microbatch topology after its running microbatch; see {@code InProcessCluster}.
   *
   * @param topology the microbatch topology
   */
  public void pauseMicrobatch(String topology) {
    microbatch(topology).pause();
  }

  /**
   * Resumes a paused microbatch topology.
   *
   * @param topology the microbatch topology
   */
  public void resumeMicrobatch(String topology) {
    microbatch(topology).resume();
  }

  /**
   * Pauses every microbatch topology, blocking until their running microbatches have finished
   * (before a module update replaces this runtime).
   */
  public void pauseAllMicrobatches() {
    for (MicrobatchRunner r : microbatches.values()) {
      r.pause();
    }
  }

  private static String simpleName(String n) {
    return n.substring(n.lastIndexOf('.') + 1);
  }

  /**
   * Returns the module name.
   *
   * @return the name
   */
  public String moduleName() {
    return moduleName;
  }

  /**
   * Returns whether the module declares {@code depotVar}.
   *
   * @param depotVar a depot var
   * @return true if declared
   */
  public boolean hasDepot(String depotVar) {
    return depots.containsKey(depotVar);
  }

  /**
   * Returns whether the module declares {@code pstateVar}.
   *
   * @param pstateVar a PState var
   * @return true if declared
   */
  public boolean hasPState(String pstateVar) {
    return pstates.containsKey(pstateVar);
  }

  boolean isGlobalDepot(String var) {
    DepotRt d = depots.get(var);
    return d != null && d.def.global;
  }

  /**
   * Returns whether clients may read {@code pstateVar} (false after {@code makePrivate()}).
   *
   * @param pstateVar a declared PState var
   * @return true unless private
   */
  public boolean isClientReadable(String pstateVar) {
    PStateDeclaration d = pstates.get(pstateVar);
    return d != null && !d.isPrivate();
  }

  boolean isClosed() {
    return closed;
  }

  String[] globalVars() {
    return globalVars;
  }

  Object decode(byte[] record) {
    return codec.decode(record);
  }

  /**
   * Appends a record; see {@code Depot.appendAsync}.
   *
   * @param depotVar the depot
   * @param data the record, serialized before this returns
   * @param level when the future completes
   * @return the ack-return map (ACK) or an empty map
   * @throws IllegalArgumentException if the record cannot be serialized
   * @throws IllegalStateException if the depot disallows appends or the module is closed
   */
  public CompletableFuture<Map<String, Object>> append(
      String depotVar, Object data, AckLevel level) {
    enterAppend();
    try {
      return appendNow(depotVar, data, level);
    } finally {
      clientAppends.decrement();
    }
  }

  /** Waits while an update is swapping the module's parts; see {@link #update}. */
  private void enterAppend() {
    while (true) {
      clientAppends.increment();
      if (!paused) {
        return;
      }
      clientAppends.decrement();
      synchronized (gate) {
        while (paused && !closed) {
          try {
            gate.wait(1000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while module " + moduleName + " updates");
          }
        }
      }
    }
  }

  private CompletableFuture<Map<String, Object>> appendNow(
      String depotVar, Object data, AckLevel level) {
    DepotRt d = depots.get(depotVar);
    if (d == null) {
      throw new IllegalArgumentException("module " + moduleName + " has no depot " + depotVar);
    }
    if (closed) {
      throw new IllegalStateException("module " + moduleName + " is closed");
    }
    if (d.def.tickMillis > 0) {
      throw new IllegalStateException(
          "depot "
              + depotVar
              + " of module "
              + moduleName
              + " is a tick depot (declareTickDepot): it cannot be appended to");
    }
    if (d.def.partitioning.kind() == NativeDepotPartitioning.Kind.DISALLOW) {
      throw new IllegalStateException(
          "depot "
              + depotVar
              + " of module "
              + moduleName
              + " does not allow appends from clients (declared with Depot.disallow())");
    }
    byte[] bytes = encode(depotVar, data);
    int p = d.def.global ? 0 : d.def.partitioning.partitionFor(data, numTasks);
    return appendAt(d, p, bytes, sharedValue(data), level);
  }

  /** depotPartitionAppend: appends to the partition of {@code task} (0 for a global depot). */
  CompletableFuture<Map<String, Object>> appendFromTask(
      String depotVar, int task, Object data, AckLevel level) {
    if (mirrors.isDepot(depotVar)) {
      // another module's depot: partitioned as a client append is
      return mirrors.append(depotVar, data, level);
    }
    DepotRt d = depots.get(depotVar);
    if (d == null) {
      throw new IllegalArgumentException(
          "depotPartitionAppend: module " + moduleName + " has no depot " + depotVar);
    }
    if (d.def.tickMillis > 0) {
      throw new IllegalStateException(
          "depotPartitionAppend: depot "
              + depotVar
              + " of module "
              + moduleName
              + " is a tick depot: it cannot be appended to");
    }
    return appendAt(d, d.def.global ? 0 : task, encode(depotVar, data), sharedValue(data), level);
  }

  /**
   * What the record's processing may use instead of decoding its bytes: the appended value itself
   * when it is immutable (a String, a boxed number, ...), which saves a decode and a copy per
   * record; else {@link RecordRun#DECODE}. Mutable values are always decoded, so code processing
   * the record never shares an object with the client that appended it.
   */
  private Object sharedValue(Object data) {
    return codec.isImmutableBuiltin(data) ? data : RecordRun.DECODE;
  }

  private byte[] encode(String depotVar, Object data) {
    try {
      return codec.encode(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot append to depot " + depotVar + " of module " + moduleName + ": " + e.getMessage(),
          e);
    }
  }

  private CompletableFuture<Map<String, Object>> appendAt(
      DepotRt d, int p, byte[] bytes, Object value, AckLevel level) {
    // a client outrunning the partition's task waits here for it to catch up
    tasks[p].thread.awaitRoom();
    d.meter.appended(bytes.length);
    d.appends.increment();
    d.appendedBytes.add(bytes.length);
    List<SourceRt> sources = d.sources;
    int n = sources.size();
    RecordRun[] runs = new RecordRun[n];
    for (int i = 0; i < n; i++) {
      SourceRt s = sources.get(i);
      // the record's own future only when something waits for it: an ACK, or its in-order lane
      runs[i] = new RecordRun(this, s, bytes, value, p, level == AckLevel.ACK || s.lanes != null);
    }
    // at ACK with stream sources the caller waits on the records, not on the stored future
    CompletableFuture<Map<String, Object>> stored =
        level != AckLevel.ACK || n == 0 ? new CompletableFuture<>() : null;
    if (d.inline != null) {
      appendInMemory(d, d.inline, p, bytes, value, runs, stored);
    } else {
      AppendEvent ev = new AppendEvent(d, p, bytes, runs, stored);
      if (!tasks[p].thread.submit(ev)) {
        abortAll(runs, new IllegalStateException("module " + moduleName + " is closed"));
        throw new IllegalStateException("module " + moduleName + " is closed");
      }
    }
    if (stored != null) {
      track(stored);
    }
    for (RecordRun r : runs) {
      if (r.done != null) {
        track(r.done);
      }
    }
    switch (level) {
      case NONE:
        return CompletableFuture.completedFuture(Collections.emptyMap());
      case APPEND_ACK:
        return stored;
      default:
        // ACK includes APPEND_ACK: the record is stored even when no stream topology reads it
        return n == 0 ? stored : ackMap(runs);
    }
  }

  /**
   * Appends to an in-memory depot partition on the calling thread and queues the record's
   * processing on the partition's task while still holding the partition's lock, so each task sees
   * its partition's records in offset order. The append is complete (APPEND_ACK) when this returns,
   * as in Rama, where APPEND_ACK means the depot partition has the record and stream topologies
   * process it asynchronously; only ACK waits for the topologies.
   */
  private void appendInMemory(
      DepotRt d,
      InlineAppendLog log,
      int p,
      byte[] bytes,
      Object value,
      RecordRun[] runs,
      CompletableFuture<Map<String, Object>> stored) {
    Enqueue queue =
        runs.length == 0
            ? null
            : new Enqueue(
                tasks[p].thread,
                // the common case: the record's run is its own start event
                runs.length == 1 ? runs[0] : () -> startRuns(runs, p),
                runs,
                p);
    try {
      // an immutable value is kept beside its bytes: microbatches explode it without decoding
      log.appendNow(p, bytes, value == RecordRun.DECODE ? null : value, queue);
    } catch (RuntimeException e) {
      if (stored != null) {
        stored.completeExceptionally(e);
      }
      abortAll(runs, e);
      return;
    }
    if (queue != null && !queue.queued) {
      abortAll(runs, new IllegalStateException("module " + moduleName + " is closed"));
      throw new IllegalStateException("module " + moduleName + " is closed");
    }
    if (stored != null) {
      stored.complete(Collections.emptyMap());
    }
    afterAppend(d, p);
  }

  /** Queues a record's start event on its task, under the depot partition's lock. */
  private static final class Enqueue implements java.util.function.LongConsumer {
    private final TaskThread thread;
    private final Runnable event;
    private final RecordRun[] runs;
    private final int partition;
    boolean queued;

    Enqueue(TaskThread thread, Runnable event, RecordRun[] runs, int partition) {
      this.thread = thread;
      this.event = event;
      this.runs = runs;
      this.partition = partition;
    }

    @Override
    public void accept(long offset) {
      trackAll(runs, partition, offset);
      queued = thread.submit(event);
    }
  }

  /** On a durable cluster: the records count towards their sources' checkpoints. */
  private static void trackAll(RecordRun[] runs, int p, long offset) {
    for (RecordRun r : runs) {
      OffsetTracker[] tr = r.source.trackers;
      if (tr != null) {
        r.trackAt(tr[p], offset);
      }
    }
  }

  private static void startRuns(RecordRun[] runs, int p) {
    for (RecordRun r : runs) {
      startRun(r, p);
    }
  }

  private static void abortAll(RecordRun[] runs, Throwable e) {
    for (RecordRun r : runs) {
      r.abort(e);
    }
  }

  /** After an append: wakes the depot's microbatch topologies and the mirror feeds reading it. */
  private void afterAppend(DepotRt d, int p) {
    List<MicrobatchRunner> mbs = d.microbatches;
    for (int i = 0; i < mbs.size(); i++) {
      mbs.get(i).wake();
    }
    if (feeds.hasReaders()) {
      feeds.appended(d.def.var, p);
    }
  }

  void recordStarted() {
    recordsInFlight.started();
  }

  void recordFinished() {
    recordsInFlight.finished();
  }

  /**
   * For a depot log other than the in-memory one: the event that appends one record to its depot
   * partition on the partition's task thread, then starts the record in every stream source of the
   * depot and wakes the depot's microbatch topologies.
   */
  private final class AppendEvent implements Runnable {
    private final DepotRt d;
    private final int p;
    private final byte[] bytes;
    private final RecordRun[] runs;
    private final CompletableFuture<Map<String, Object>> stored;

    AppendEvent(
        DepotRt d,
        int p,
        byte[] bytes,
        RecordRun[] runs,
        CompletableFuture<Map<String, Object>> stored) {
      this.d = d;
      this.p = p;
      this.bytes = bytes;
      this.runs = runs;
      this.stored = stored;
    }

    @Override
    public void run() {
      CompletableFuture<Long> f;
      try {
        f = d.log.append(p, bytes);
      } catch (RuntimeException e) {
        // a log that refuses at once (closed, failed) fails the append instead of leaving it
        appended(null, e);
        return;
      }
      f.whenComplete(this::appended);
    }

    private void appended(Long offset, Throwable err) {
      if (err != null) {
        if (stored != null) {
          stored.completeExceptionally(err);
        }
        abortAll(runs, err);
        return;
      }
      trackAll(runs, p, offset);
      if (stored != null) {
        stored.complete(Collections.emptyMap());
      }
      startRuns(runs, p);
      afterAppend(d, p);
    }
  }

  private static CompletableFuture<Map<String, Object>> ackMap(RecordRun[] runs) {
    if (runs.length == 1) {
      // the common case: one stream source on the depot, no allOf needed
      RecordRun r = runs[0];
      return r.done.thenApply(
          v -> {
            Map<String, Object> out = new HashMap<>(2);
            out.put(r.source.topology, v);
            return out;
          });
    }
    CompletableFuture<?>[] all = new CompletableFuture<?>[runs.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = runs[i].done;
    }
    return CompletableFuture.allOf(all)
        .thenApply(
            v -> {
              Map<String, Object> out = new HashMap<>();
              for (RecordRun r : runs) {
                Object val = r.done.join();
                if (val != null || !out.containsKey(r.source.topology)) {
                  out.put(r.source.topology, val);
                }
              }
              return out;
            });
  }

  /** Queues one frame of {@code run} on {@code task}; see {@link FrameTracker}. */
  void submitFrame(FrameTracker run, int task, String where, Consumer<ExecutionContext> body) {
    queueFrame(run, tasks[task], where, body);
  }

  /**
   * Starts the first frame of a stream record on {@code task}. Called on the task's own thread
   * outside any frame (right after the record's depot append there), the frame runs at once instead
   * of taking another trip through the mailbox; frames are never nested, so per-event PState
   * atomicity is unchanged. Only stream records do this: other work (microbatch attempts) relies on
   * frames queuing behind events already in the mailbox.
   */
  void startRecordFrame(FrameTracker run, int task, String where, Consumer<ExecutionContext> body) {
    Task t = tasks[task];
    if (t.thread.canRunFrameInline() && !closed) {
      runFrame(run, t, where, body);
      return;
    }
    queueFrame(run, t, where, body);
  }

  private void queueFrame(FrameTracker run, Task t, String where, Consumer<ExecutionContext> body) {
    boolean queued = t.thread.submit(() -> runFrame(run, t, where, body));
    if (!queued) {
      run.fail(new IllegalStateException("module " + moduleName + " was closed"));
      run.frameDone();
    }
  }

  private void runFrame(FrameTracker run, Task t, String where, Consumer<ExecutionContext> body) {
    if (run.failed()) {
      // another frame of this attempt failed: skip the rest, the work will be retried or failed
      run.frameDone();
      return;
    }
    boolean ok = false;
    TaskContext tc = run.taskContext(t);
    TaskContext.Scope scope = TaskContext.enter(tc);
    t.thread.enterFrame();
    try {
      body.accept(new TaskExecContext(this, t, run));
      ok = true;
    } catch (Throwable e) {
      // Throwable, not Exception: a sneaky checked exception must still end the frame. The
      // failure is recorded before it is logged: logging may itself throw (a record whose
      // toString or deserialization fails) and must never turn a failure into a success
      if (!FrameTracker.Cancelled.is(e)) {
        run.fail(e, where);
        try {
          run.logFailure(t.id(), where, e);
        } catch (Throwable logFailed) {
          LOG.warn(
              "module {}: logging a failure of {} failed too: {}",
              moduleName,
              run.workName(),
              FrameTracker.Cancelled.safeString(logFailed));
        }
      }
    } finally {
      scope.close();
      try {
        t.endEvent(ok);
      } catch (Throwable e) {
        // applying the frame's writes failed: the work fails, it must not end as a success
        run.fail(e, where);
      } finally {
        try {
          run.frameDone();
        } finally {
          t.thread.exitFrame();
        }
      }
    }
  }

  /** A record for a log line; never throws (its deserialization or toString may). */
  String describeRecord(byte[] record) {
    String s;
    try {
      s = String.valueOf(codec.decode(record));
    } catch (Throwable e) {
      return "<a record of "
          + record.length
          + " bytes that cannot be shown: "
          + FrameTracker.Cancelled.safeString(e)
          + ">";
    }
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /**
   * Reads a PState from a client; see {@code PState.selectAsync}.
   *
   * @param pstateVar the PState
   * @param keyGiven whether {@code key} decides the partition
   * @param key the partitioning key
   * @param path the path
   * @return the values
   */
  public CompletableFuture<List<Object>> select(
      String pstateVar, boolean keyGiven, Object key, Path path) {
    PStateDeclaration d = pstates.get(pstateVar);
    if (d == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("module " + moduleName + " has no PState " + pstateVar));
    }
    int task;
    if (d.isGlobal() || numTasks == 1) {
      task = 0;
    } else if (keyGiven) {
      task = tasks[0].pstate(pstateVar).taskForKey(key, numTasks);
    } else {
      Object k = PathKeys.firstKey(path, Vars.NONE);
      if (k == PathKeys.NONE) {
        return selectAll(pstateVar, path, Vars.NONE);
      }
      task = tasks[0].pstate(pstateVar).taskForKey(k, numTasks);
    }
    Task t = tasks[task];
    return call(t, () -> t.pstate(pstateVar).selectRaw(path));
  }

  /**
   * The server side of a client proxy on {@code pstateVar}: its calls run on the task owning the
   * proxied location (see {@code PState.proxy}).
   *
   * @param pstateVar the PState
   * @param keyGiven whether {@code key} decides the partition
   * @param key the partitioning key
   * @param path the proxy path
   * @return the target
   * @throws IllegalArgumentException for an unknown PState or a path that names no partition
   */
  public ProxyTarget proxyTarget(String pstateVar, boolean keyGiven, Object key, Path path) {
    PStateDeclaration d = pstates.get(pstateVar);
    if (d == null) {
      throw new IllegalArgumentException("module " + moduleName + " has no PState " + pstateVar);
    }
    int task;
    if (d.isGlobal() || numTasks == 1) {
      task = 0;
    } else if (keyGiven) {
      task = tasks[0].pstate(pstateVar).taskForKey(key, numTasks);
    } else {
      Object k = PathKeys.firstKey(path, Vars.NONE);
      if (k == PathKeys.NONE) {
        throw new IllegalArgumentException(
            "proxy on PState "
                + pstateVar
                + " of "
                + numTasks
                + " partitions: the path must start with key(...) or a partitioning key must be"
                + " given, but got "
                + path);
      }
      task = tasks[0].pstate(pstateVar).taskForKey(k, numTasks);
    }
    Task t = tasks[task];
    return new ProxyTarget() {
      @Override
      public CompletableFuture<Object> subscribe(long id, ProxySink sink) {
        return call(
            t,
            () -> {
              TaskPState p = t.pstate(pstateVar);
              PartitionSubscriptions subs = p.subscriptions();
              subs.setLimit(proxyOptions.proxyLimit());
              return subs.subscribe(id, path, p::selectForProxy, sink);
            });
      }

      @Override
      public void resync(long id) {
        t.thread.submit(
            () -> {
              TaskPState p = t.pstate(pstateVar);
              p.subscriptions().resync(id, p::selectForProxy);
            });
      }

      @Override
      public CompletableFuture<Boolean> heartbeat(long id) {
        return call(t, () -> t.pstate(pstateVar).subscriptions().heartbeat(id));
      }

      @Override
      public void unsubscribe(long id) {
        t.thread.submit(() -> t.pstate(pstateVar).subscriptions().unsubscribe(id));
      }

      @Override
      public int queueLimit() {
        return proxyOptions.queueLimit();
      }
    };
  }

  /**
   * Selects on one partition of a PState, for the console's browser (which pages through the keys
   * of each partition in turn).
   *
   * @param pstateVar the PState
   * @param partition the partition, 0 for a global PState
   * @param path the path
   * @return the values
   * @throws IllegalArgumentException for an unknown PState or a partition out of range
   */
  public CompletableFuture<List<Object>> selectOnPartition(
      String pstateVar, int partition, Path path) {
    PStateDeclaration d = pstates.get(pstateVar);
    if (d == null) {
      throw new IllegalArgumentException("module " + moduleName + " has no PState " + pstateVar);
    }
    int n = d.isGlobal() ? 1 : numTasks;
    if (partition < 0 || partition >= n) {
      throw new IllegalArgumentException(
          "PState " + pstateVar + " has partitions 0.." + (n - 1) + ", not " + partition);
    }
    Task t = tasks[partition];
    return call(t, () -> t.pstate(pstateVar).clientSelect(path, Vars.NONE));
  }

  private CompletableFuture<List<Object>> selectAll(String pstateVar, Path path, Vars vars) {
    List<CompletableFuture<List<Object>>> parts = new ArrayList<>();
    // a microbatch topology's PState: every task answers as of the same microbatch
    MicrobatchRunner owner = tasks[0].pstate(pstateVar).owner();
    long target = owner == null ? -1 : owner.pinRead();
    for (Task t : tasks) {
      parts.add(
          call(
              t,
              () ->
                  target < 0
                      ? t.pstate(pstateVar).clientSelect(path, vars)
                      : t.pstate(pstateVar).clientSelectAt(target, path, vars)));
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]));
    if (owner != null) {
      all.whenComplete((v, e) -> owner.unpinRead(target));
    }
    return all.thenApply(
        v -> {
          List<Object> out = new ArrayList<>();
          for (CompletableFuture<List<Object>> f : parts) {
            out.addAll(f.join());
          }
          return out;
        });
  }

  private <T> CompletableFuture<T> call(Task t, Supplier<T> body) {
    CompletableFuture<T> f = new CompletableFuture<>();
    boolean queued =
        t.thread.submit(
            () -> {
              try {
                f.complete(body.get());
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            });
    if (!queued) {
      f.completeExceptionally(new IllegalStateException("module " + moduleName + " is closed"));
    }
    track(f);
    return f;
  }

  /** Remembers an unfinished future so that {@link #close()} can fail it instead of leaving it. */
  void track(CompletableFuture<?> f) {
    pending.add(f);
    if (closed) {
      failPending();
    }
  }

  private void failPending() {
    pending.failAll(
        () ->
            new IllegalStateException("module " + moduleName + " was closed before this finished"));
  }

  // ---- queries and mirrors ----

  /**
   * Starts a query topology of this module, or of another one when {@code query} is a mirror var;
   * never blocks.
   *
   * @param query the query name or a {@code clusterQuery} mirror var
   * @param args the arguments
   * @return the result; fails naming module, query and node, or with a timeout
   */
  public CompletableFuture<Object> invokeQuery(String query, Object[] args) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("module " + moduleName + " is closed"));
    }
    if (mirrors.isQuery(query)) {
      return mirrors.invoke(query, args);
    }
    return queries.invoke(query, args);
  }

  /**
   * Returns whether the module declares the query topology {@code name}.
   *
   * @param name a query name
   * @return true if declared
   */
  public boolean hasQuery(String name) {
    return queries.has(name);
  }

  boolean isMirror(String var) {
    return mirrors.isMirror(var);
  }

  PStateAccess mirrorPState(String var) {
    return mirrors.pstate(var);
  }

  int numTasks() {
    return numTasks;
  }

  /** The task owning {@code key}, by the key partitioner of {@code pstateVar} if it is one. */
  int taskForKey(String pstateVar, Object key) {
    TaskPState p = pstateVar == null ? null : tasks[0].pstate(pstateVar);
    return p != null ? p.taskForKey(key, numTasks) : KeyHash.taskFor(key, numTasks);
  }

  /** A select whose path may read vars, run on the owning task (for mirror PStates). */
  CompletableFuture<List<Object>> selectWithVars(String pstateVar, Path path, Vars vars) {
    PStateDeclaration d = pstates.get(pstateVar);
    if (d.isGlobal() || numTasks == 1) {
      Task t = tasks[0];
      return call(t, () -> t.pstate(pstateVar).clientSelect(path, vars));
    }
    Object k = PathKeys.firstKey(path, vars);
    if (k == PathKeys.NONE) {
      return selectAll(pstateVar, path, vars);
    }
    Task t = tasks[tasks[0].pstate(pstateVar).taskForKey(k, numTasks)];
    return call(t, () -> t.pstate(pstateVar).clientSelect(path, vars));
  }

  /**
   * Returns the names of the module's PStates.
   *
   * @return PState vars
   */
  public Set<String> pstateNames() {
    return Collections.unmodifiableSet(pstates.keySet());
  }

  /**
   * Returns this module's mirror vars.
   *
   * @return per mirror var, {kind, module name, object name}
   */
  public Map<String, String[]> mirrorVars() {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : def.mirrors.entrySet()) {
      out.put(e.getKey(), e.getValue().clone());
    }
    return out;
  }

  /**
   * Returns what this module mirrors from other modules.
   *
   * @return one {kind, module name, object name} per mirror var
   */
  public List<String[]> mirrorTargets() {
    List<String[]> out = new ArrayList<>();
    for (String[] m : def.mirrors.values()) {
      out.add(m.clone());
    }
    return out;
  }

  // ---- workers ----

  /** Whether a frame from task {@code from} to task {@code to} goes to another worker. */
  boolean crossesWorkers(int from, int to) {
    return numWorkers > 1 && (from % numThreads) % numWorkers != (to % numThreads) % numWorkers;
  }

  /**
   * Serializes and deserializes a frame going to another worker, as a real cluster would.
   *
   * @throws IllegalStateException naming module, work, node and tasks if a value cannot be shipped
   */
  Object[] shipFrame(String work, String node, int from, int to, Object[] frame) {
    try {
      // as a List, so each var goes through the codec (custom serializations included)
      List<?> back = (List<?>) codec.decode(codec.encode(java.util.Arrays.asList(frame)));
      return back.toArray();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "module "
              + moduleName
              + ", "
              + work
              + ": the vars sent to "
              + node
              + " from task "
              + from
              + " (worker "
              + (from % numThreads) % numWorkers
              + ") to task "
              + to
              + " (worker "
              + (to % numThreads) % numWorkers
              + ") cannot be serialized: "
              + e.getMessage(),
          e);
    }
  }

  // ---- module update ----

  /**
   * Replaces this module's code with {@code next} in place, keeping depots and PStates by var (see
   * {@code InProcessCluster.updateModule}). Everything that can fail is checked before anything
   * changes; then client appends are held, in-flight work drains, and every task switches over
   * between two events. The caller serializes updates of one module.
   *
   * @param next what the new version's {@code define} declared
   * @param objectsToDelete depot and PState vars the update may drop
   * @param lookup finds other deployed modules, for mirrors
   * @throws IllegalArgumentException if the update is not allowed (the module is untouched)
   * @throws DeimosCompileException if a topology does not compile (the module is untouched)
   */
  public void update(
      ModuleDef next,
      Set<String> objectsToDelete,
      java.util.function.Function<String, ModuleRuntime> lookup) {
    if (closed) {
      throw new IllegalStateException("module " + moduleName + " is closed");
    }
    ModuleDef prev = def;
    String where = "cannot update module " + moduleName + ": ";
    for (String var : objectsToDelete) {
      if (next.depots.containsKey(var) || next.pstates.containsKey(var)) {
        throw new IllegalArgumentException(
            where + "object " + var + " is listed to delete but the new version declares it");
      }
    }
    for (ModuleDef.DepotDef d : prev.depots.values()) {
      ModuleDef.DepotDef n = next.depots.get(d.var);
      if (n == null) {
        if (!objectsToDelete.contains(d.var)) {
          throw new IllegalArgumentException(
              where
                  + "it no longer declares depot "
                  + d.var
                  + "; list it in UpdateOptions.objectsToDelete to delete it and its records");
        }
      } else if ((d.tickMillis > 0) != (n.tickMillis > 0)) {
        throw new IllegalArgumentException(
            where + "depot " + d.var + " cannot change between a tick depot and a normal depot");
      } else if (d.global != n.global) {
        throw new IllegalArgumentException(
            where + "depot " + d.var + " cannot change between global and partitioned");
      }
    }
    Map<String, PStateDeclaration> nextPStates = new LinkedHashMap<>(next.pstates);
    for (PStateDeclaration p : prev.pstates.values()) {
      PStateDeclaration n = nextPStates.get(p.getName());
      if (n == null) {
        if (!objectsToDelete.contains(p.getName())) {
          throw new IllegalArgumentException(
              where
                  + "it no longer declares PState "
                  + p.getName()
                  + "; list it in UpdateOptions.objectsToDelete to delete it and its data");
        }
        continue;
      }
      if (p.isGlobal() != n.isGlobal()) {
        throw new IllegalArgumentException(
            where + "PState " + p.getName() + " cannot change between global and partitioned");
      }
      try {
        SchemaCompatibility.check(p, n);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
    // compile everything of the new version against the depots it will have
    Map<String, DepotRt> nextDepots = new LinkedHashMap<>();
    Map<String, DepotRt> current = depots;
    for (ModuleDef.DepotDef d : next.depots.values()) {
      DepotRt old = current.get(d.var);
      nextDepots.put(d.var, old != null ? depotRt(d, old.log) : newDepot(d));
    }
    List<String> preVars = preVars(next);
    Mirrors nextMirrors = new Mirrors(moduleName, next.mirrors);
    nextMirrors.resolve(lookup);
    Map<String, List<SourceRt>> sources = compileSources(next, nextDepots, preVars, nextMirrors);
    Map<String, List<Plan>> nextStreamPlans = plansByTopology(sources);
    Map<String, List<MicrobatchRunner.Source>> nextMb =
        compileMicrobatches(next, nextDepots, preVars.toArray(new String[0]), nextMirrors);
    int nextMaxRecords = maxRecords(next);
    long nextEmptySleep = EmptyMicrobatches.millis(next.moduleOptions);
    Queries nextQueries = new Queries(this, next, preVars);
    long nextStreamTimeout = RecordRun.timeoutMillis(next.moduleOptions);
    ProxyOptions nextProxyOptions = ProxyOptions.of(next.moduleOptions);
    java.util.Set<String> oldSources = new java.util.HashSet<>();
    for (DepotRt d : current.values()) {
      for (SourceRt s : d.sources) {
        oldSources.add(s.key());
      }
    }

    // hold client appends and ticks, and let the work in flight finish
    pauseAndDrain(where);
    try {
      if (checkpoints != null) {
        Map<String, List<SourceRt>> nextMirror = new LinkedHashMap<>();
        List<SourceRt> oldList = new ArrayList<>();
        for (DepotRt d : current.values()) {
          oldList.addAll(d.sources);
        }
        for (Map.Entry<String, List<SourceRt>> e : sources.entrySet()) {
          if (!nextDepots.containsKey(e.getKey())) {
            nextMirror.put(e.getKey(), e.getValue());
          }
        }
        oldList.addAll(feeds.streamSources());
        Map<String, DepotRt> tracked = new LinkedHashMap<>();
        for (Map.Entry<String, List<SourceRt>> e : sources.entrySet()) {
          DepotRt d = nextDepots.get(e.getKey());
          if (d != null) {
            DepotRt view =
                new DepotRt(d.def, d.log, d.meter, new LongAdder[] {d.appends, d.appendedBytes});
            view.sources = e.getValue();
            tracked.put(e.getKey(), view);
          }
        }
        checkpoints.update(trackedSources(tracked, nextMirror), oldList);
      }
      List<CompletableFuture<Object>> switched = new ArrayList<>();
      for (Task t : tasks) {
        switched.add(
            call(
                t,
                () -> {
                  t.updatePStates(nextPStates.values());
                  t.replaceGlobals(next.objects, codec, numThreads, cluster);
                  return null;
                }));
      }
      for (CompletableFuture<Object> f : switched) {
        f.join();
      }
      Map<String, List<SourceRt>> nextMirrorSources = new LinkedHashMap<>();
      for (Map.Entry<String, List<SourceRt>> e : sources.entrySet()) {
        DepotRt d = nextDepots.get(e.getKey());
        if (d != null) {
          d.sources = e.getValue();
        } else {
          nextMirrorSources.put(e.getKey(), e.getValue());
        }
      }
      // microbatch topologies: new runners over the switched PStates, keeping committed progress
      Map<String, MicrobatchRunner> oldMb = microbatches;
      Map<String, MicrobatchRunner> nextRunners = new LinkedHashMap<>();
      for (Map.Entry<String, List<MicrobatchRunner.Source>> e : nextMb.entrySet()) {
        MicrobatchRunner r =
            new MicrobatchRunner(
                this,
                e.getKey(),
                e.getValue(),
                next.microbatches.get(e.getKey()).ownPStates,
                tasks,
                nextMaxRecords,
                null,
                services);
        r.setEmptySleepMillis(nextEmptySleep);
        r.setPhaseTimeoutMillis(MicrobatchRunner.phaseTimeoutMillis(next.moduleOptions));
        MicrobatchRunner old = oldMb.get(e.getKey());
        if (old != null) {
          r.adopt(old.progress());
        }
        nextRunners.put(e.getKey(), r);
        for (MicrobatchRunner.Source src : e.getValue()) {
          DepotRt d = nextDepots.get(src.depotVar);
          if (d != null && !d.microbatches.contains(r)) {
            List<MicrobatchRunner> l = new ArrayList<>(d.microbatches);
            l.add(r);
            d.microbatches = l;
          }
        }
      }
      for (MicrobatchRunner r : oldMb.values()) {
        r.close();
      }
      this.microbatches = nextRunners;
      for (Map.Entry<String, DepotRt> e : current.entrySet()) {
        if (!nextDepots.containsKey(e.getKey())) {
          e.getValue().log.close();
        }
      }
      this.pstates = nextPStates;
      this.depots = nextDepots;
      this.queries = nextQueries;
      this.streamTimeoutMillis = nextStreamTimeout;
      this.proxyOptions = nextProxyOptions;
      this.mirrors = nextMirrors;
      this.globalVars = next.objects.keySet().toArray(new String[0]);
      this.def = next;
      this.streamPlans = nextStreamPlans;
      // sources new to this version start where their options say; queued before any new append
      long now = services.clock().millis();
      for (DepotRt d : nextDepots.values()) {
        for (SourceRt s : d.sources) {
          if (!oldSources.contains(s.key()) && d.def.tickMillis == 0) {
            replay(d, s, now);
          }
        }
      }
      // mirror feeds: new ones subscribe, unused ones go, kept ones keep their cursors
      feeds.subscribe(nextMirrors, nextMirrorSources, nextRunners);
    } finally {
      startTicking();
      resume();
    }
    // what other modules appended to mirrored depots during the update
    feeds.pullAll();
    for (MicrobatchRunner r : microbatches.values()) {
      r.wake();
    }
    LOG.info("module {} updated", moduleName);
  }

  private void pauseAndDrain(String where) {
    stopTicking();
    paused = true;
    // a running microbatch finishes first; none starts until the update is done
    pauseAllMicrobatches();
    Clock clock = services.clock();
    long deadline = clock.nanos() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (clientAppends.sum() > 0 || recordsInFlight.inFlight() > 0 || !pending.allDone()) {
      if (clock.nanos() > deadline) {
        startTicking();
        resume();
        for (MicrobatchRunner r : microbatches.values()) {
          r.resume();
        }
        throw new IllegalStateException(
            where + "work in flight did not finish within 60 s; the module is unchanged");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        startTicking();
        resume();
        throw new IllegalStateException(where + "interrupted", e);
      }
    }
  }

  private void resume() {
    synchronized (gate) {
      paused = false;
      gate.notifyAll();
    }
  }

  /** Queues the existing records a new source should process, per its start option. */
  private void replay(DepotRt d, SourceRt s, long now) {
    for (int p = 0; p < d.log.numPartitions(); p++) {
      long end = d.log.endOffset(p).join();
      long start = s.resumeFrom != null ? s.resumeFrom[p] : s.options.startOffset(d.log, p, now);
      if (start >= end) {
        continue;
      }
      int part = p;
      int task = p;
      OffsetTracker[] tr = s.trackers;
      boolean queued =
          tasks[task].thread.submit(
              () -> {
                for (long o = start; o < end; o++) {
                  byte[] bytes = d.log.read(part, o).join();
                  RecordRun r = new RecordRun(this, s, bytes, RecordRun.DECODE, task, true);
                  if (tr != null) {
                    r.trackAt(tr[part], o);
                  }
                  track(r.done);
                  startRun(r, part);
                }
              });
      if (!queued) {
        return;
      }
    }
  }

  /** Stops the task threads and drops all state. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (checkpoints != null) {
      // graceful stop: what finished is stored, so a reopen replays nothing it need not
      checkpoints.stop(5_000);
    }
    closed = true;
    feeds.unsubscribeAll();
    for (MicrobatchRunner r : microbatches.values()) {
      r.close();
    }
    stopTicking();
    synchronized (gate) {
      gate.notifyAll();
    }
    for (TaskThread th : threads) {
      th.stop();
    }
    for (Task t : tasks) {
      t.close();
    }
    for (DepotRt d : depots.values()) {
      d.log.close();
    }
    failPending();
  }
}
