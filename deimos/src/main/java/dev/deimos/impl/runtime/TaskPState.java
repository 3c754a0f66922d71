package dev.deimos.impl.runtime;

import dev.deimos.Path;
import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.impl.data.KeyHash;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.pstate.MigratableStore;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.schema.ClassSchema;
import dev.deimos.impl.reactive.PartitionSubscriptions;
import dev.deimos.impl.reactive.ProxyOptions;
import dev.deimos.impl.reactive.ProxyPaths;
import dev.deimos.ops.DeimosFunction2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's partition of one PState, as dataflow code on that task sees it. Used only on the
 * task's thread.
 *
 * <p>Per-event atomicity: an event's writes are staged in the store's staging session and its
 * dataflow reads go through {@link PStateStore#selectStaged}, so the event reads its own writes;
 * {@link #endEvent} commits the session when the event succeeded and aborts it when it failed.
 * Client reads ({@link #selectRaw}) see committed data only.
 *
 * <p>Microbatch mode (the PState belongs to a microbatch topology, see {@link #ownedBy}): all
 * writes of one microbatch attempt on this task form one staging session of the store, which the
 * attempt's own frames read; everyone else (clients, other topologies) reads committed data until
 * the attempt's {@link MicrobatchRunner.Attempt} commits, then the staged data until this task's
 * commit event ({@link #commitMicrobatch}). A failed attempt aborts the session ({@link
 * #abortMicrobatch}). What each commit replaced is kept for a few microbatches ({@link
 * PStateStore#commitKeepingPrevious}) to serve reads pinned to an earlier microbatch.
 */
final class TaskPState implements PStateAccess {
  private static final Logger LOG = LoggerFactory.getLogger(TaskPState.class);

  private boolean warnedMisaligned;
  private final PStateDeclaration decl;
  private final PStateStore store;
  private final Task task;
  private final DeimosFunction2<Integer, Object, Integer> keyPartitioner;
  private boolean touched;
  // proxy subscriptions of this partition (impl.reactive), created by the first proxy; the write
  // path pays one null check while there are none
  private PartitionSubscriptions subs;

  // microbatch mode; all used on the task thread except Attempt.committed, flipped by the runner
  private MicrobatchRunner owner;
  // the attempt whose writes are staged in the store (set by its first write here), else null
  private MicrobatchRunner.Attempt attempt;
  // what the commits of the last few microbatches replaced here, oldest first (ids in prevIds), for
  // reads pinned to an earlier microbatch (clientSelectAt); only commits that changed something
  static final int KEPT = 4;
  private final java.util.ArrayDeque<Object> prevs = new java.util.ArrayDeque<>(KEPT);
  private final java.util.ArrayDeque<Long> prevIds = new java.util.ArrayDeque<>(KEPT);
  private final PStateAccess externalAccess =
      new PStateAccess() {
        @Override
        public java.util.List<Object> select(Path path, Vars vars) {
          checkAligned(path, vars);
          return clientSelect(path, vars);
        }

        @Override
        public Object argumentValue(String var) {
          checkValueSchema(var);
          return PStateAccess.super.argumentValue(var);
        }

        @Override
        public void transform(Path path, Vars vars) {
          throw new IllegalStateException(
              "PState "
                  + decl.getName()
                  + " belongs to microbatch topology "
                  + owner.topology()
                  + "; only that topology may write it");
        }
      };

  // telemetry: PState writes (set by the task when it opens this partition)
  EngineMetrics.PStateMeter meter = EngineMetrics.PStateMeter.NONE;

  @SuppressWarnings("unchecked")
  TaskPState(PStateDeclaration decl, Task task, PStateStore store) {
    this.decl = decl;
    this.task = task;
    this.store = store;
    this.keyPartitioner =
        decl.getKeyPartitioner() == null
            ? null
            : (DeimosFunction2<Integer, Object, Integer>)
                NativeDepotPartitioning.instantiate(decl.getKeyPartitioner());
  }

  boolean isGlobal() {
    return decl.isGlobal();
  }

  String name() {
    return decl.getName();
  }

  /** The task owning {@code key} of this PState among {@code numTasks}. */
  int taskForKey(Object key, int numTasks) {
    if (decl.isGlobal()) {
      return 0;
    }
    if (keyPartitioner != null) {
      return keyPartitioner.invoke(numTasks, key);
    }
    return KeyHash.taskFor(key, numTasks);
  }

  @Override
  public java.util.List<Object> select(Path path, Vars vars) {
    checkAligned(path, vars);
    // an event (or a microbatch attempt) reads its own staged writes
    return touched || owner != null ? store.selectStaged(path, vars) : store.select(path, vars);
  }

  /** Makes this a microbatch topology's PState (before any event runs). */
  void ownedBy(MicrobatchRunner runner) {
    this.owner = runner;
  }

  MicrobatchRunner owner() {
    return owner;
  }

  /** How code of {@code reader} (a microbatch runner or null) sees this PState. */
  PStateAccess viewFor(MicrobatchRunner reader) {
    return owner == null || owner == reader ? this : externalAccess;
  }

  /** After a failed attempt: back to the state before it. */
  void abortMicrobatch() {
    store.abort();
    attempt = null;
    if (subs != null) {
      subs.discardWrites();
    }
  }

  /**
   * After attempt {@code a} committed, before the next attempt runs here: the store commits the
   * attempt's writes, keeping what they replaced for pinned reads.
   */
  void commitMicrobatch(MicrobatchRunner.Attempt a) {
    attempt = null;
    Object prev = store.commitKeepingPrevious();
    if (subs != null) {
      subs.afterCommit(this::selectCommitted);
    }
    if (prev == null) {
      return;
    }
    if (prevs.size() == KEPT) {
      prevs.removeFirst();
      prevIds.removeFirst();
    }
    prevs.addLast(prev);
    prevIds.addLast(a.id);
  }

  /**
   * A read by a client or another topology: never sees an uncommitted microbatch. The attempt's
   * writes stay staged in the store until this task's commit event; between the attempt's commit (a
   * flag, set for all tasks at once) and that event they are read from the staging session.
   */
  java.util.List<Object> clientSelect(Path path, Vars vars) {
    MicrobatchRunner.Attempt a = attempt;
    if (a != null && a.committed && store.hasStagedWrites()) {
      return store.selectStaged(path, vars);
    }
    return store.select(path, vars);
  }

  /**
   * A read that is one part of a read spanning several tasks: returns the state made of the
   * microbatches with ids below {@code target} (from {@link MicrobatchRunner#readTarget}, taken
   * when the whole read started), so every part sees the same microbatches. Every microbatch below
   * the target has committed (its flag is set), so here it is either in the store or staged under a
   * committed attempt; microbatches from the target on that reached the store are looked behind
   * with what their commits replaced. The runner starts no attempt that would push the records a
   * pinned read in flight needs out of the last {@link #KEPT} ({@link MicrobatchRunner#pinRead}).
   */
  java.util.List<Object> clientSelectAt(long target, Path path, Vars vars) {
    MicrobatchRunner.Attempt a = attempt;
    if (a != null && a.id < target && a.committed && store.hasStagedWrites()) {
      return store.selectStaged(path, vars);
    }
    if (prevIds.isEmpty() || prevIds.peekLast() < target) {
      return store.select(path, vars);
    }
    // the records of commits at or after the target, newest first
    java.util.List<Object> behind = new java.util.ArrayList<>(KEPT);
    java.util.Iterator<Object> ps = prevs.descendingIterator();
    java.util.Iterator<Long> ids = prevIds.descendingIterator();
    while (ids.hasNext()) {
      Object p = ps.next();
      if (ids.next() < target) {
        break;
      }
      behind.add(p);
    }
    return store.selectBefore(behind, path, vars);
  }

  java.util.List<Object> selectRaw(Path path) {
    return clientSelect(path, Vars.NONE);
  }

  /**
   * A PState declared with a class schema binds its value; any other schema is refused, since
   * binding it would copy the whole partition into the event and Rama's code reads such PStates
   * with paths.
   */
  @Override
  public Object argumentValue(String var) {
    checkValueSchema(var);
    return PStateAccess.super.argumentValue(var);
  }

  private void checkValueSchema(String var) {
    if (!(decl.getSchema() instanceof ClassSchema)) {
      throw new IllegalArgumentException(
          var
              + " is passed where a value is expected (a function or Expr argument), but PState "
              + decl.getName()
              + " has schema "
              + decl.getSchema().describe()
              + "; only a PState declared with a class schema binds its value there. Read from"
              + " it with localSelect(\""
              + var
              + "\", path) instead");
    }
  }

  @Override
  public void transform(Path path, Vars vars) {
    checkAligned(path, vars);
    write(path, vars);
  }

  /** Aggregations write by key into this partition unchecked, as their whole-root writes did. */
  @Override
  public void aggregate(Path path, Vars vars) {
    write(path, vars);
  }

  private void write(Path path, Vars vars) {
    meter.written();
    if (subs != null && !subs.isEmpty()) {
      subs.noteWrite(path, vars);
    }
    if (owner != null) {
      // microbatch: the whole attempt is one staging session, committed or aborted by the runner;
      // while a frame of an attempt runs, that attempt is the runner's latest
      if (attempt == null) {
        attempt = owner.latestAttempt();
      }
      store.transform(path, vars);
      return;
    }
    if (!touched) {
      touched = true;
      task.touched(this);
    }
    // a failing write stages nothing; the event fails and endEvent aborts its earlier writes
    store.transform(path, vars);
  }

  /** Ends the event's staging session: commits its writes if {@code ok}, else discards them. */
  void endEvent(boolean ok) {
    if (touched) {
      touched = false;
      if (ok) {
        store.commit();
        if (subs != null) {
          subs.afterCommit(this::selectCommitted);
        }
      } else {
        store.abort();
        if (subs != null) {
          subs.discardWrites();
        }
      }
    }
  }

  private void checkAligned(Path path, Vars vars) {
    int n = task.numTasks();
    if (warnedMisaligned || n == 1 || decl.isGlobal() || keyPartitioner != null) {
      return;
    }
    Object key = PathKeys.firstKey(path, vars);
    if (key == PathKeys.NONE) {
      return;
    }
    int owner = KeyHash.taskFor(key, n);
    if (owner != task.id()) {
      // Rama reads and writes the current task's partition whatever the key hashes to, and its
      // helpers (TopologyScheduler) rely on that; a client select of such a key is routed to the
      // owner and misses it, so say so once per PState partition instead of failing the event.
      warnedMisaligned = true;
      LOG.warn(
          "PState {}: key {} belongs to task {} but is used on task {}; it is stored in task {}'s"
              + " partition, where client selects of that key do not look (partition with"
              + " hashPartition on the key first if that is not intended)",
          decl.getName(),
          key,
          owner,
          task.id(),
          task.id());
    }
  }

  /**
   * Module update: this partition's data under the new declaration, migrated where its schema says
   * so. The caller checked compatibility already and closes this object afterwards.
   */
  TaskPState migrateTo(PStateDeclaration next) {
    MigratableStore m = MigratableStore.of(store);
    if (m == null) {
      throw new IllegalStateException(
          "PState "
              + decl.getName()
              + ": its store ("
              + store.getClass().getSimpleName()
              + ") cannot be migrated in process");
    }
    TaskPState migrated = new TaskPState(next, task, m.migrateTo(next));
    migrated.meter = meter;
    if (subs != null) {
      // proxies follow the new instance; their values may have changed shape
      migrated.subs = subs;
      subs = null;
      migrated.subs.resyncAll(migrated::selectCommitted);
    }
    return migrated;
  }

  /**
   * This partition's proxy subscriptions, made on first use. Task thread only.
   *
   * @return the registry
   */
  PartitionSubscriptions subscriptions() {
    if (subs == null) {
      subs =
          new PartitionSubscriptions(
              decl.getName(),
              ProxyOptions.DEFAULT_PROXY_LIMIT,
              java.util.concurrent.TimeUnit.SECONDS.toNanos(60),
              System::nanoTime);
    }
    return subs;
  }

  /** A proxy's first read: what clients see now (see {@link #clientSelect}). */
  java.util.List<Object> selectForProxy(Path path) {
    ProxyPaths.check(decl.getName(), decl.getSchema(), path);
    return clientSelect(path, Vars.NONE);
  }

  private java.util.List<Object> selectCommitted(Path path) {
    return store.select(path, Vars.NONE);
  }

  void close() {
    if (subs != null) {
      subs.terminateAll();
    }
    store.close();
  }

  /** Top-level entries of the committed state (see {@link PStateStore#size()}). */
  long size() {
    return store.size();
  }
}
