package dev.deimos.impl.runtime;

import dev.deimos.impl.pstate.PStateDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One task: its partition of every PState, pinned to one task thread. */
final class Task {
  private final int id;
  private final int numTasks;
  final TaskThread thread;
  private final Map<String, TaskPState> pstates = new HashMap<>();
  private final List<TaskPState> touched = new ArrayList<>();

  Task(int id, int numTasks, TaskThread thread, Iterable<PStateDeclaration> decls) {
    this.id = id;
    this.numTasks = numTasks;
    this.thread = thread;
    for (PStateDeclaration d : decls) {
      pstates.put(d.getName(), new TaskPState(d, this));
    }
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

  /** Ends the current event: keeps its writes if {@code ok}, else rolls them back. */
  void endEvent(boolean ok) {
    for (int i = 0; i < touched.size(); i++) {
      touched.get(i).endEvent(ok);
    }
    touched.clear();
  }

  void close() {
    for (TaskPState p : pstates.values()) {
      p.close();
    }
  }
}
