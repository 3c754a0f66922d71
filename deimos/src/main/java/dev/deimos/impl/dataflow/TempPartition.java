package dev.deimos.impl.dataflow;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's partition of a temporary PState of a microbatch attempt (a {@code $$} var bound by
 * {@code materialize} and never declared). It holds the tuples materialized on its task, which
 * {@code explodeMaterialized} emits there, and a plain value for paths. A runtime hands one out per
 * task and var from {@link ExecutionContext#pstate}; it is touched only on its task's thread and
 * dropped with the attempt, so a retried attempt starts empty.
 */
public final class TempPartition implements PStateAccess {
  private final String var;
  private final int task;
  final List<Object[]> rows = new ArrayList<>();
  private Object root;

  /**
   * Creates an empty partition.
   *
   * @param var the temporary PState var
   * @param task the task owning this partition
   */
  public TempPartition(String var, int task) {
    this.var = var;
    this.task = task;
  }

  @Override
  public List<Object> select(Path path, Vars vars) {
    return Paths.select(path, root, vars);
  }

  @Override
  public void transform(Path path, Vars vars) {
    root = Paths.transform(path, root, vars);
  }

  @Override
  public String toString() {
    return "temporary PState " + var + " on task " + task + " (" + rows.size() + " tuples)";
  }
}
