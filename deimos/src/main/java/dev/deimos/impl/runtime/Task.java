package dev.deimos.impl.runtime;

import dev.deimos.ModuleInstanceInfo;
import dev.deimos.cluster.ClusterManagerBase;
import dev.deimos.impl.data.TaskContext;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.ProgressStore;
import dev.deimos.impl.storage.StorageFactory;
import dev.deimos.integration.TaskGlobalContext;
import dev.deimos.integration.TaskGlobalObject;
import dev.deimos.integration.TaskGlobalObjectWithTick;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One task: its partition of every PState, pinned to one task thread. */
final class Task {
  private final int id;
  private final int numTasks;
  final TaskThread thread;
  // replaced whole by a module update (on this task's thread); clients read it from other threads
  private volatile Map<String, TaskPState> pstates = new HashMap<>();
  private final List<TaskPState> touched = new ArrayList<>();
  // a stream event committed writes that no progress batch has made durable yet (task thread)
  private boolean dirty;
  private final Map<String, Object> globals = new HashMap<>();
  private final ModuleInstanceInfo info;
  private final TaskContext context;
  private final StorageFactory storage;
  private final String moduleName;
  private final ProgressStore progress;
  private final EngineMetrics metrics;
  private static final Logger LOG = LoggerFactory.getLogger(Task.class);

  Task(
      int id,
      int numTasks,
      TaskThread thread,
      Iterable<PStateDeclaration> decls,
      ModuleInstanceInfo info,
      StorageFactory storage,
      String moduleName) {
    this(id, numTasks, thread, decls, info, storage, moduleName, EngineMetrics.NONE);
  }

  Task(
      int id,
      int numTasks,
      TaskThread thread,
      Iterable<PStateDeclaration> decls,
      ModuleInstanceInfo info,
      StorageFactory storage,
      String moduleName,
      EngineMetrics metrics) {
    this.metrics = metrics;
    this.id = id;
    this.storage = storage;
    this.moduleName = moduleName;
    this.progress = storage.openProgressStore(moduleName, id);
    this.info = info;
    this.context = TaskContext.of(id, null, "stream", info);
    this.numTasks = numTasks;
    this.thread = thread;
    for (PStateDeclaration d : decls) {
      pstates.put(d.getName(), newPState(d));
    }
  }

  /**
   * Module update, run on this task's thread between events: keeps the data of PStates declared
   * again (migrating it to the new declaration), creates new ones and drops the rest.
   */
  void updatePStates(Iterable<PStateDeclaration> decls) {
    Map<String, TaskPState> old = pstates;
    Map<String, TaskPState> next = new HashMap<>();
    for (PStateDeclaration d : decls) {
      TaskPState p = old.get(d.getName());
      next.put(d.getName(), p == null ? newPState(d) : p.migrateTo(d));
    }
    for (TaskPState p : old.values()) {
      p.close();
    }
    pstates = next;
  }

  private TaskPState newPState(PStateDeclaration d) {
    TaskPState p = new TaskPState(d, this, storage.openPStateStore(moduleName, id, d));
    p.meter = metrics.pstate(moduleName, d.getName());
    return p;
  }

  /** This task's progress store (microbatch commits, stream offsets, counters). */
  ProgressStore progress() {
    return progress;
  }

  /** Module update: closes the task globals and prepares the updated module's ones. */
  void replaceGlobals(
      Map<String, byte[]> objects, ValueCodec codec, int numThreads, ClusterManagerBase cluster) {
    closeGlobals();
    prepareGlobals(objects, codec, numThreads, cluster);
  }

  /** The task context entered around every event of this task. */
  TaskContext context() {
    return context;
  }

  int id() {
    return id;
  }

  int numTasks() {
    return numTasks;
  }

  TaskPState pstate(String var) {
    return pstates.get(var);
  }

  void touched(TaskPState p) {
    touched.add(p);
  }

  /**
   * Returns whether a stream event committed PState writes since the last call, and clears the
   * flag: a stream checkpoint commits a progress batch on this task only then (task thread only).
   */
  boolean takeDirty() {
    boolean d = dirty;
    dirty = false;
    return d;
  }

  /** Ends the current event: keeps its writes if {@code ok}, else rolls them back. */
  void endEvent(boolean ok) {
    if (ok && !touched.isEmpty()) {
      dirty = true;
    }
    for (int i = 0; i < touched.size(); i++) {
      touched.get(i).endEvent(ok);
    }
    touched.clear();
  }

  /** Makes this task's copies of the declared objects and prepares the task globals among them. */
  void prepareGlobals(
      Map<String, byte[]> objects, ValueCodec codec, int numThreads, ClusterManagerBase cluster) {
    Set<Integer> group = new TreeSet<>();
    for (int t = id % numThreads; t < numTasks; t += numThreads) {
      group.add(t);
    }
    for (Map.Entry<String, byte[]> e : objects.entrySet()) {
      Object o = codec.decode(e.getValue());
      globals.put(e.getKey(), o);
      if (o instanceof TaskGlobalObject) {
        TaskGlobalObject g = (TaskGlobalObject) o;
        g.prepareForTask(id, new GlobalContext(e.getKey(), group, cluster, info));
        g.gainedLeadership();
      }
    }
  }

  /** Starts ticking this task's {@code TaskGlobalObjectWithTick} copies on its thread. */
  void scheduleTicks(Scheduler scheduler, List<java.util.concurrent.Future<?>> handles) {
    for (Map.Entry<String, Object> e : globals.entrySet()) {
      if (e.getValue() instanceof TaskGlobalObjectWithTick) {
        TaskGlobalObjectWithTick g = (TaskGlobalObjectWithTick) e.getValue();
        long f = g.getFrequencyMillis();
        if (f <= 0) {
          throw new IllegalArgumentException(
              "task global " + e.getKey() + ": getFrequencyMillis() must be positive, got " + f);
        }
        String var = e.getKey();
        handles.add(scheduler.scheduleAtFixedRate(() -> thread.submit(() -> tick(var, g)), f));
      }
    }
  }

  private void tick(String var, TaskGlobalObjectWithTick g) {
    TaskContext.Scope scope = TaskContext.enter(context);
    try {
      g.tick();
    } catch (RuntimeException e) {
      LOG.warn("task {}: tick of task global {} failed", id, var, e);
    } finally {
      scope.close();
    }
  }

  boolean hasTickingGlobals() {
    for (Object o : globals.values()) {
      if (o instanceof TaskGlobalObjectWithTick) {
        return true;
      }
    }
    return false;
  }

  Object global(String var) {
    return globals.get(var);
  }

  void close() {
    for (TaskPState p : pstates.values()) {
      p.close();
    }
    closeGlobals();
    progress.close();
  }

  private void closeGlobals() {
    for (Map.Entry<String, Object> e : globals.entrySet()) {
      if (e.getValue() instanceof TaskGlobalObject) {
        try {
          ((TaskGlobalObject) e.getValue()).close();
        } catch (IOException | RuntimeException ex) {
          LOG.warn("task {}: closing task global {} failed", id, e.getKey(), ex);
        }
      }
    }
    globals.clear();
  }

  private static final class GlobalContext implements TaskGlobalContext {
    private final String var;
    private final Set<Integer> group;
    private final ClusterManagerBase cluster;

    private final ModuleInstanceInfo info;

    GlobalContext(
        String var, Set<Integer> group, ClusterManagerBase cluster, ModuleInstanceInfo info) {
      this.info = info;
      this.var = var;
      this.group = Collections.unmodifiableSet(group);
      this.cluster = cluster;
    }

    @Override
    public ModuleInstanceInfo getModuleInstanceInfo() {
      return info;
    }

    @Override
    public int getReplicaId() {
      return 0;
    }

    @Override
    public Set<Integer> getTaskGroup() {
      return group;
    }

    @Override
    public String getVarName() {
      return var;
    }

    @Override
    public ClusterManagerBase getClusterRetriever() {
      return cluster;
    }
  }
}
