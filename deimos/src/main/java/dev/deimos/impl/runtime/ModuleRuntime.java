package dev.deimos.impl.runtime;

import dev.deimos.AckLevel;
import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.Path;
import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.impl.data.TaskContext;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.Chain;
import dev.deimos.impl.dataflow.Compiler;
import dev.deimos.impl.dataflow.ExecutionContext;
import dev.deimos.impl.dataflow.Plan;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.MemoryDepotLog;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.serial.ValueCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
  private final ValueCodec codec = ValueCodec.PLAIN;
  private final TaskThread[] threads;
  private final Task[] tasks;
  private final Map<String, DepotRt> depots = new LinkedHashMap<>();
  private final Map<String, PStateDeclaration> pstates;
  private volatile boolean closed;
  private String[] globalVars = new String[0];
  private final dev.deimos.ModuleInstanceInfo info;
  private final PendingFutures pending = new PendingFutures();
  private final Queries queries;
  private final Mirrors mirrors;
  private final Map<String, MicrobatchRunner> microbatches = new LinkedHashMap<>();
  // created only when a task global ticks; owned by this module and stopped in close()
  private java.util.concurrent.ScheduledExecutorService ticker;

  /** A compiled source of a stream topology. */
  static final class SourceRt {
    final String topology;
    final String depotVar;
    final SourceOptions options;
    final Plan plan;
    // the segment name of a record's first frame, built once instead of per record
    final String where;

    SourceRt(String topology, String depotVar, SourceOptions options, Plan plan) {
      this.topology = topology;
      this.depotVar = depotVar;
      this.options = options;
      this.plan = plan;
      this.where = "source(" + depotVar + ")";
    }
  }

  private static final class DepotRt {
    final ModuleDef.DepotDef def;
    final DepotLog log;
    final List<SourceRt> sources = new ArrayList<>();
    final List<MicrobatchRunner> microbatches = new ArrayList<>();

    DepotRt(ModuleDef.DepotDef def, DepotLog log) {
      this.def = def;
      this.log = log;
    }
  }

  /**
   * Compiles the module's topologies and starts its task threads.
   *
   * @param moduleName the module name
   * @param def what {@code define} declared
   * @param numTasks tasks, a power of two
   * @param numThreads task threads, at most numTasks
   * @param cluster the cluster handed to task globals
   * @throws DeimosCompileException if a topology does not compile (nothing is started then)
   */
  public ModuleRuntime(
      String moduleName,
      ModuleDef def,
      int numTasks,
      int numThreads,
      dev.deimos.cluster.ClusterManagerBase cluster) {
    this.moduleName = moduleName;
    this.numTasks = numTasks;
    this.pstates = new LinkedHashMap<>(def.pstates);
    for (ModuleDef.DepotDef d : def.depots.values()) {
      depots.put(d.var, new DepotRt(d, new MemoryDepotLog(d.global ? 1 : numTasks)));
    }
    List<String> preVars = new ArrayList<>(pstates.keySet());
    preVars.addAll(def.objects.keySet());
    for (Map.Entry<String, String[]> m : def.mirrors.entrySet()) {
      if (m.getValue()[0].equals("pstate")) {
        preVars.add(m.getKey());
      }
    }
    this.mirrors = new Mirrors(moduleName, def.mirrors);
    String[] pre = preVars.toArray(new String[0]);
    for (ModuleDef.TopologyDef t : def.topologies.values()) {
      for (ModuleDef.SourceDef s : t.sources) {
        DepotRt d = depots.get(s.depotVar);
        if (d == null) {
          throw new DeimosCompileException(
              "module " + moduleName + ", topology " + t.name + ": no depot " + s.depotVar);
        }
        Block chain = s.chain.get();
        Plan plan;
        try {
          plan = Compiler.compile(Chain.withPreBound(chain, pre));
        } catch (DeimosCompileException e) {
          throw new DeimosCompileException(
              "module " + moduleName + ", topology " + t.name + ": " + e.getMessage());
        }
        d.sources.add(new SourceRt(t.name, s.depotVar, s.options, plan));
      }
    }
    Map<String, List<MicrobatchRunner.Source>> mbSources = compileMicrobatches(def, pre);
    this.queries = new Queries(this, def, preVars);
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
      tasks[i] = new Task(i, numTasks, threads[i % numThreads], pstates.values(), info);
    }
    this.globalVars = def.objects.keySet().toArray(new String[0]);
    int maxRecords = maxRecords(def);
    for (Map.Entry<String, List<MicrobatchRunner.Source>> e : mbSources.entrySet()) {
      MicrobatchRunner r =
          new MicrobatchRunner(
              this,
              e.getKey(),
              e.getValue(),
              def.microbatches.get(e.getKey()).ownPStates,
              tasks,
              maxRecords,
              null);
      microbatches.put(e.getKey(), r);
      for (MicrobatchRunner.Source s : e.getValue()) {
        DepotRt d = depots.get(s.depotVar);
        if (!d.microbatches.contains(r)) {
          d.microbatches.add(r);
        }
      }
    }
    try {
      for (Task t : tasks) {
        t.prepareGlobals(def.objects, codec, numThreads, cluster);
      }
      for (Task t : tasks) {
        if (t.hasTickingGlobals()) {
          if (ticker == null) {
            ticker =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> {
                      Thread th = new Thread(r, "deimos-" + simpleName(moduleName) + "-ticker");
                      th.setDaemon(true);
                      return th;
                    });
          }
          t.scheduleTicks(ticker);
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private Map<String, List<MicrobatchRunner.Source>> compileMicrobatches(
      ModuleDef def, String[] pre) {
    Map<String, List<MicrobatchRunner.Source>> out = new LinkedHashMap<>();
    for (ModuleDef.MicrobatchDef t : def.microbatches.values()) {
      List<MicrobatchRunner.Source> list = new ArrayList<>();
      for (ModuleDef.MicrobatchSourceDef s : t.sources) {
        DepotRt d = depots.get(s.depotVar);
        String where = "module " + moduleName + ", microbatch topology " + t.name;
        if (d == null) {
          throw new DeimosCompileException(where + ": no depot " + s.depotVar);
        }
        Plan plan;
        try {
          plan = Compiler.compile(Chain.withPreBound(s.chain.get(), pre));
        } catch (DeimosCompileException e) {
          throw new DeimosCompileException(where + ": " + e.getMessage());
        }
        list.add(new MicrobatchRunner.Source(s.depotVar, d.log, s.options, plan));
      }
      out.put(t.name, list);
    }
    return out;
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

  /**
   * Carries the committed progress of same-named microbatch topologies (next microbatch id,
   * processed record count, offsets per depot partition of the sources both versions read) over
   * from the runtime this one replaces. Call it before this runtime gets appends, with the depot
   * logs carried over as well, and after {@link #pauseAllMicrobatches()} on the old one.
   *
   * @param previous the runtime of the previous module version
   */
  public void adoptMicrobatchProgress(ModuleRuntime previous) {
    for (Map.Entry<String, MicrobatchRunner> e : microbatches.entrySet()) {
      MicrobatchRunner old = previous.microbatches.get(e.getKey());
      if (old != null) {
        e.getValue().adopt(old.progress());
      }
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
    DepotRt d = depots.get(depotVar);
    if (d == null) {
      throw new IllegalArgumentException("module " + moduleName + " has no depot " + depotVar);
    }
    if (closed) {
      throw new IllegalStateException("module " + moduleName + " is closed");
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
    return appendAt(d, p, bytes, level);
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
    return appendAt(d, d.def.global ? 0 : task, encode(depotVar, data), level);
  }

  private byte[] encode(String depotVar, Object data) {
    try {
      return codec.encode(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot append to depot " + depotVar + " of " + moduleName + ": " + e.getMessage(), e);
    }
  }

  private CompletableFuture<Map<String, Object>> appendAt(
      DepotRt d, int p, byte[] bytes, AckLevel level) {
    List<RecordRun> runs = new ArrayList<>(d.sources.size());
    for (SourceRt s : d.sources) {
      runs.add(new RecordRun(this, s, bytes, p));
    }
    CompletableFuture<Map<String, Object>> stored = new CompletableFuture<>();
    boolean queued =
        tasks[p].thread.submit(
            () ->
                d.log
                    .append(p, bytes)
                    .whenComplete(
                        (off, err) -> {
                          if (err != null) {
                            stored.completeExceptionally(err);
                            for (RecordRun r : runs) {
                              r.done.completeExceptionally(err);
                            }
                          } else {
                            stored.complete(Collections.emptyMap());
                            for (RecordRun r : runs) {
                              r.start();
                            }
                            for (int i = 0; i < d.microbatches.size(); i++) {
                              d.microbatches.get(i).wake();
                            }
                          }
                        }));
    if (!queued) {
      throw new IllegalStateException("module " + moduleName + " is closed");
    }
    track(stored);
    for (RecordRun r : runs) {
      track(r.done);
    }
    switch (level) {
      case NONE:
        return CompletableFuture.completedFuture(Collections.emptyMap());
      case APPEND_ACK:
        return stored;
      default:
        // ACK includes APPEND_ACK: the record is stored even when no stream topology reads it
        return runs.isEmpty() ? stored.thenApply(v -> Collections.emptyMap()) : ackMap(runs);
    }
  }

  private static CompletableFuture<Map<String, Object>> ackMap(List<RecordRun> runs) {
    if (runs.size() == 1) {
      // the common case: one stream source on the depot, no allOf needed
      RecordRun r = runs.get(0);
      return r.done.thenApply(
          v -> {
            Map<String, Object> out = new HashMap<>(2);
            out.put(r.source.topology, v);
            return out;
          });
    }
    CompletableFuture<?>[] all = new CompletableFuture<?>[runs.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = runs.get(i).done;
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

  /**
   * Queues one frame of {@code run} on {@code task}; see {@link FrameTracker}. When called on the
   * task's own thread outside any frame (a record's first frame, started right after its depot
   * append on that thread), the frame runs at once instead of taking another trip through the
   * mailbox; frames are never nested, so per-event PState atomicity is unchanged.
   */
  void submitFrame(FrameTracker run, int task, String where, Consumer<ExecutionContext> body) {
    Task t = tasks[task];
    if (t.thread.canRunFrameInline() && !closed) {
      runFrame(run, t, where, body);
      return;
    }
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
      // Throwable, not Exception: a sneaky checked exception must still end the frame
      run.logFailure(t.id(), where, e);
      run.fail(e, where);
    } finally {
      scope.close();
      try {
        t.endEvent(ok);
        run.frameDone();
      } finally {
        t.thread.exitFrame();
      }
    }
  }

  String describeRecord(byte[] record) {
    String s = String.valueOf(codec.decode(record));
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
        return selectAll(pstateVar, path);
      }
      task = tasks[0].pstate(pstateVar).taskForKey(k, numTasks);
    }
    Task t = tasks[task];
    return call(t, () -> t.pstate(pstateVar).selectRaw(path));
  }

  private CompletableFuture<List<Object>> selectAll(String pstateVar, Path path) {
    List<CompletableFuture<List<Object>>> parts = new ArrayList<>();
    for (Task t : tasks) {
      parts.add(call(t, () -> t.pstate(pstateVar).selectRaw(path)));
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
        .thenApply(
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
   * Links this module's mirror vars to the modules they name.
   *
   * @param lookup finds a deployed module by name, throwing IllegalArgumentException if none
   * @throws IllegalArgumentException if a mirrored module or object does not exist
   */
  public void resolveMirrors(java.util.function.Function<String, ModuleRuntime> lookup) {
    mirrors.resolve(lookup);
  }

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

  dev.deimos.impl.dataflow.PStateAccess mirrorPState(String var) {
    return mirrors.pstate(var);
  }

  int numTasks() {
    return numTasks;
  }

  /** The task owning {@code key}, by the key partitioner of {@code pstateVar} if it is one. */
  int taskForKey(String pstateVar, Object key) {
    TaskPState p = pstateVar == null ? null : tasks[0].pstate(pstateVar);
    return p != null
        ? p.taskForKey(key, numTasks)
        : dev.deimos.impl.data.KeyHash.taskFor(key, numTasks);
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
      List<CompletableFuture<List<Object>>> parts = new ArrayList<>();
      for (Task t : tasks) {
        parts.add(call(t, () -> t.pstate(pstateVar).clientSelect(path, vars)));
      }
      return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
          .thenApply(
              v -> {
                List<Object> out = new ArrayList<>();
                for (CompletableFuture<List<Object>> f : parts) {
                  out.addAll(f.join());
                }
                return out;
              });
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

  /** Stops the task threads and drops all state. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (MicrobatchRunner r : microbatches.values()) {
      r.close();
    }
    if (ticker != null) {
      ticker.shutdownNow();
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
