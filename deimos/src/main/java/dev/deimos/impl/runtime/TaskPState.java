package dev.deimos.impl.runtime;

import dev.deimos.Path;
import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.impl.data.KeyHash;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import dev.deimos.ops.DeimosFunction2;

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
 * #abortMicrobatch}). Snapshots taken when attempts start ({@link #beginMicrobatch}) serve reads
 * pinned to an earlier microbatch.
 */
final class TaskPState implements PStateAccess {
  private final PStateDeclaration decl;
  private final PStateStore store;
  private final Task task;
  private final DeimosFunction2<Integer, Object, Integer> keyPartitioner;
  private boolean touched;

  // microbatch mode; all used on the task thread except Attempt.committed, flipped by the runner
  private MicrobatchRunner owner;
  private MicrobatchRunner.Attempt attempt;
  private Object external;
  // the snapshots before the last few microbatch ids, for reads pinned to one (clientSelectAt)
  static final int KEPT = 4;
  private Object[] before;
  private long[] beforeIds;
  private final PStateAccess externalAccess =
      new PStateAccess() {
        @Override
        public java.util.List<Object> select(Path path, Vars vars) {
          checkAligned(path, vars);
          return clientSelect(path, vars);
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

  TaskPState(PStateDeclaration decl, Task task) {
    this(decl, task, new MemoryPStateStore(decl));
  }

  @SuppressWarnings("unchecked")
  private TaskPState(PStateDeclaration decl, Task task, PStateStore store) {
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

  /** Before the first frame of a microbatch attempt on this task: snapshot the committed state. */
  void beginMicrobatch(MicrobatchRunner.Attempt a) {
    external = store.snapshot();
    attempt = a;
    if (before == null) {
      before = new Object[KEPT];
      beforeIds = new long[KEPT];
      java.util.Arrays.fill(beforeIds, -1);
    }
    int i = (int) (a.id % KEPT);
    before[i] = external;
    beforeIds[i] = a.id;
  }

  /** After a failed attempt: back to the state before it. */
  void abortMicrobatch() {
    store.abort();
  }

  /** After a committed attempt, before the next one is primed: the store commits its writes. */
  void commitMicrobatch() {
    store.commit();
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
   * when the whole read started), so every part sees the same microbatches. Attempts are primed on
   * every task before they run and commit only after, so here the current attempt's id is at least
   * {@code target - 1}. The snapshots before the last {@link #KEPT} ids are kept, and the runner
   * starts no attempt that would drop the one a pinned read in flight needs ({@link
   * MicrobatchRunner#pinRead}).
   */
  java.util.List<Object> clientSelectAt(long target, Path path, Vars vars) {
    MicrobatchRunner.Attempt a = attempt;
    if (a == null || target > a.id) {
      return clientSelect(path, vars);
    }
    Object snap = external;
    long oldest = a.id;
    for (int i = 0; i < KEPT; i++) {
      if (beforeIds[i] == target) {
        snap = before[i];
        break;
      }
      if (beforeIds[i] >= 0 && beforeIds[i] < oldest) {
        oldest = beforeIds[i];
        snap = before[i];
      }
    }
    return store.selectAt(snap, path, vars);
  }

  java.util.List<Object> selectRaw(Path path) {
    return clientSelect(path, Vars.NONE);
  }

  @Override
  public void transform(Path path, Vars vars) {
    checkAligned(path, vars);
    if (owner != null) {
      // microbatch: the whole attempt is one staging session, committed or aborted by the runner
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
      } else {
        store.abort();
      }
    }
  }

  private void checkAligned(Path path, Vars vars) {
    int n = task.numTasks();
    if (n == 1 || decl.isGlobal() || keyPartitioner != null) {
      return;
    }
    Object key = PathKeys.firstKey(path, vars);
    if (key == PathKeys.NONE) {
      return;
    }
    int owner = KeyHash.taskFor(key, n);
    if (owner != task.id()) {
      throw new IllegalStateException(
          "PState "
              + decl.getName()
              + ": key "
              + key
              + " belongs to task "
              + owner
              + " but the current task is "
              + task.id()
              + " (partition with hashPartition on that key before reading or writing it)");
    }
  }

  /**
   * Module update: this partition's data under the new declaration, migrated where its schema says
   * so. The caller checked compatibility already and closes this object afterwards.
   */
  TaskPState migrateTo(PStateDeclaration next) {
    if (!(store instanceof MemoryPStateStore)) {
      throw new IllegalStateException(
          "PState " + decl.getName() + ": its store cannot be migrated in process");
    }
    return new TaskPState(next, task, ((MemoryPStateStore) store).migrateTo(next));
  }

  void close() {
    store.close();
  }
}
