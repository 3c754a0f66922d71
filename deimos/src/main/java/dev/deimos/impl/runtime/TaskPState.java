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
 * Client reads ({@link #selectOne}, {@link #selectRaw}) see committed data only.
 */
final class TaskPState implements PStateAccess {
  private final PStateDeclaration decl;
  private final PStateStore store;
  private final Task task;
  private final DeimosFunction2<Integer, Object, Integer> keyPartitioner;
  private boolean touched;

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
    return touched ? store.selectStaged(path, vars) : store.select(path, vars);
  }

  Object selectOne(Path path) {
    return store.selectOne(path, Vars.NONE);
  }

  java.util.List<Object> selectRaw(Path path) {
    return store.select(path, Vars.NONE);
  }

  @Override
  public void transform(Path path, Vars vars) {
    checkAligned(path, vars);
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

  void close() {
    store.close();
  }
}
