package dev.deimos.impl.runtime;

import dev.deimos.AckLevel;
import dev.deimos.impl.dataflow.DistributedBatch;
import dev.deimos.impl.dataflow.ExecutionContext;
import dev.deimos.impl.dataflow.MicrobatchRecords;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.dataflow.Resume;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The {@link ExecutionContext} of one frame of one record running on one task. */
final class TaskExecContext implements ExecutionContext {
  private final ModuleRuntime rt;
  private final Task task;
  private final FrameTracker run;

  TaskExecContext(ModuleRuntime rt, Task task, FrameTracker run) {
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
  public int counterSlot() {
    return TaskThread.finishSlot();
  }

  @Override
  public int originTask() {
    return run.originTask();
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
    return run.sourceRecord();
  }

  @Override
  public PStateAccess pstate(String pstateVar) {
    TaskPState tp = task.pstate(pstateVar);
    if (tp != null) {
      // a microbatch topology's PState reads as committed from any other work
      return tp.owner() == null ? tp : tp.viewFor(run.microbatch());
    }
    PStateAccess p = run.tempPState(pstateVar, task.id());
    return p != null ? p : rt.mirrorPState(pstateVar);
  }

  @Override
  public void hop(int target, Resume resume, Object[] frame) {
    if (run.failed()) {
      // failed or timed out meanwhile (e.g. a query past its timeout): stop this frame here
      throw FrameTracker.Cancelled.INSTANCE;
    }
    if (run.absorbHop(task.id(), resume, frame)) {
      // combiners: this frame joined the sending task's partial aggregation instead
      return;
    }
    // a frame going to another (simulated) worker is shipped as bytes, as on a real cluster
    Object[] sent =
        run.shipsAcrossWorkers() && rt.crossesWorkers(task.id(), target)
            ? rt.shipFrame(
                run.workName(),
                resume.describe(),
                task.id(),
                target,
                resume.portable(frame, rt.globalVars()))
            : frame;
    run.hopStarted();
    rt.submitFrame(
        run,
        target,
        resume.describe(),
        ctx -> {
          run.enterTask(target, sent);
          resume.run(ctx, sent);
        });
  }

  /**
   * A microbatch's records on {@code target} run in frames of at most {@link
   * MicrobatchRunner#SLICE} records, each queued when the previous one has run: appends and reads
   * queued on the task meanwhile run between them instead of waiting for the whole microbatch.
   */
  @Override
  public void explodeOn(
      int target, Resume resume, Object[] frame, MicrobatchRecords records, int slot) {
    if (run.failed()) {
      throw FrameTracker.Cancelled.INSTANCE;
    }
    if (slot < 0
        || !(records instanceof MicrobatchRunner.Batch)
        || (run.shipsAcrossWorkers() && rt.crossesWorkers(task.id(), target))) {
      hop(target, resume, frame);
      return;
    }
    MicrobatchRunner.Slice first =
        ((MicrobatchRunner.Batch) records).firstSlice(target, MicrobatchRunner.SLICE);
    if (first == null) {
      return;
    }
    run.hopStarted();
    slice(rt, run, target, resume, resume.describe(), frame, slot, first);
  }

  private static void slice(
      ModuleRuntime rt,
      FrameTracker run,
      int target,
      Resume resume,
      String where,
      Object[] frame,
      int slot,
      MicrobatchRunner.Slice slice) {
    rt.submitFrame(
        run,
        target,
        where,
        ctx -> {
          MicrobatchRunner.Slice next = slice.next();
          // the executor writes into its frame: later slices start from an untouched copy
          Object[] f = next != null ? frame.clone() : frame;
          f[slot] = slice;
          run.enterTask(target, f);
          resume.run(ctx, f);
          if (next != null) {
            run.hopStarted();
            slice(rt, run, target, resume, where, frame, slot, next);
          }
        });
  }

  @Override
  public void ackReturn(Object value) {
    run.ackReturn(value);
  }

  @Override
  public boolean isGlobal(String pstateVar) {
    TaskPState p = task.pstate(pstateVar);
    return p != null ? p.isGlobal() : rt.isGlobalDepot(pstateVar);
  }

  @Override
  public void awaitAsync(CompletableFuture<?> result, Resume resume, Object[] frame) {
    if (run.failed()) {
      throw FrameTracker.Cancelled.INSTANCE;
    }
    run.hopStarted();
    int here = task.id();
    String where = "eachAsync continuation " + resume.describe();
    // ended once: by the future, or by the work's timeout if the future never completes
    FrameTracker.Wait wait = run.newWait(here, where);
    result.whenComplete(
        (v, e) -> {
          if (!wait.release()) {
            return;
          }
          rt.submitFrame(
              run,
              here,
              where,
              ctx -> {
                if (e != null) {
                  Throwable c =
                      e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                  throw c instanceof RuntimeException
                      ? (RuntimeException) c
                      : new IllegalStateException("eachAsync failed", c);
                }
                resume.runWith(ctx, frame, v);
              });
        });
  }

  @Override
  public void depotAppend(String depotVar, Object data, Object ackLevel) {
    if (run.failed()) {
      throw FrameTracker.Cancelled.INSTANCE;
    }
    AckLevel level = (AckLevel) ackLevel;
    CompletableFuture<?> f = rt.appendFromTask(depotVar, task.id(), data, level);
    if (level != AckLevel.NONE) {
      run.hopStarted();
      FrameTracker.Wait wait = run.newWait(task.id(), "depotPartitionAppend(" + depotVar + ")");
      f.whenComplete(
          (v, e) -> {
            if (!wait.release()) {
              return;
            }
            if (e != null) {
              run.fail(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
            run.frameDone();
          });
    }
  }

  @Override
  public String[] taskGlobalVars() {
    return rt.globalVars();
  }

  @Override
  public Object taskGlobal(String var) {
    return task.global(var);
  }

  @Override
  public boolean startBatch(DistributedBatch.Call call) {
    return run.startBatch(task, call);
  }

  @Override
  public CompletableFuture<Object> invokeQuery(String query, Object[] args) {
    return rt.invokeQuery(query, args);
  }

  @Override
  public boolean isMirror(String var) {
    return rt.isMirror(var);
  }
}
