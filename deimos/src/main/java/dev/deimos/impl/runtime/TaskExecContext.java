package dev.deimos.impl.runtime;

import dev.deimos.impl.dataflow.ExecutionContext;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.dataflow.Resume;

/** The {@link ExecutionContext} of one frame of one record running on one task. */
final class TaskExecContext implements ExecutionContext {
  private final ModuleRuntime rt;
  private final Task task;
  private final RecordRun run;

  TaskExecContext(ModuleRuntime rt, Task task, RecordRun run) {
    this.rt = rt;
    this.task = task;
    this.run = run;
  }

  @Override
  public int numTasks() {
    return task.numTasks();
  }

  @Override
  public int taskId() {
    return task.id();
  }

  @Override
  public int originTask() {
    return run.originTask;
  }

  @Override
  public int taskForKey(String pstateVar, Object key) {
    if (pstateVar != null) {
      TaskPState p = task.pstate(pstateVar);
      if (p != null) {
        return p.taskForKey(key, task.numTasks());
      }
    }
    return ExecutionContext.super.taskForKey(pstateVar, key);
  }

  @Override
  public Object sourceRecord() {
    return rt.decode(run.record);
  }

  @Override
  public PStateAccess pstate(String pstateVar) {
    return task.pstate(pstateVar);
  }

  @Override
  public void hop(int target, Resume resume, Object[] frame) {
    run.hopStarted();
    rt.submitFrame(run, target, ctx -> resume.run(ctx, frame));
  }

  @Override
  public void ackReturn(Object value) {
    run.ackReturn(value);
  }
}
