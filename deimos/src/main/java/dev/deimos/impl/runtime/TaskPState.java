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
 * <p>Per-event atomicity: the store keeps reads to committed data, yet an event must read its own
 * writes. So the first write of an event snapshots the partition, every write is committed at once,
 * and a failed event restores the snapshot. Nothing else reads the store in between, since client
 * reads also run on the task thread, between events.
 *
 * <p>Microbatch mode (the PState belongs to a microbatch topology, see {@link #ownedBy}): a
 * microbatch's writes are committed to the store as they happen, so its later frames read them, but
 * everyone else (clients, other topologies) reads the snapshot taken when the microbatch started on
 * this task ({@link #beginMicrobatch}) until the microbatch's {@link MicrobatchRunner.Attempt}
 * commits. A failed microbatch restores that snapshot ({@link #abortMicrobatch}).
 */
final class TaskPState implements PStateAccess {
  private final PStateDeclaration decl;
  private final PStateStore store;
  private final Task task;
  private final DeimosFunction2<Integer, Object, Integer> keyPartitioner;
  private boolean touched;
  private Object undo;

  // microbatch mode; all used on the task thread except Attempt.committed, flipped by the runner
  private MicrobatchRunner owner;
  private MicrobatchRunner.Attempt attempt;
  private Object external;
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

  @SuppressWarnings("unchecked")
  TaskPState(PStateDeclaration decl, Task task) {
    this.decl = decl;
    this.task = task;
    this.store = new MemoryPStateStore(decl);
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
    return store.select(path, vars);
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
  }

  /** After a failed attempt: back to the state before it. */
  void abortMicrobatch() {
    if (external != null) {
      store.restore(external);
    }
  }

  /** A read by a client or another topology: never sees an uncommitted microbatch. */
  java.util.List<Object> clientSelect(Path path, Vars vars) {
    MicrobatchRunner.Attempt a = attempt;
    if (a != null && !a.committed) {
      return store.selectAt(external, path, vars);
    }
    return store.select(path, vars);
  }

  java.util.List<Object> selectRaw(Path path) {
    return clientSelect(path, Vars.NONE);
  }

  @Override
  public void transform(Path path, Vars vars) {
    checkAligned(path, vars);
    if (owner != null) {
      // microbatch: no per-event undo, a failed attempt restores its starting snapshot instead
      try {
        store.transform(path, vars);
      } catch (RuntimeException e) {
        store.abort();
        throw e;
      }
      store.commit();
      return;
    }
    if (!touched) {
      undo = store.selectOne(Path.stay(), Vars.NONE);
      touched = true;
      task.touched(this);
    }
    try {
      store.transform(path, vars);
    } catch (RuntimeException e) {
      store.abort();
      throw e;
    }
    store.commit();
  }

  void endEvent(boolean ok) {
    if (touched && !ok) {
      store.transform(Path.termVal(undo), Vars.NONE);
      store.commit();
    }
    touched = false;
    undo = null;
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

  void close() {
    store.close();
  }
}
