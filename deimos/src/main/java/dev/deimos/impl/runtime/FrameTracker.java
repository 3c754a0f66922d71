package dev.deimos.impl.runtime;

import dev.deimos.impl.dataflow.DistributedBatch;
import dev.deimos.impl.dataflow.PStateAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts the frames of one unit of work (a depot record, a query invocation, one phase of a batch
 * block) that are queued or running on any task. A hop counts up before its frame is queued and
 * every frame counts down when it ends, so the count reaches zero exactly when the work is quiet;
 * then {@link #quiet} decides what happens next.
 */
abstract class FrameTracker {
  // a field updated through a VarHandle rather than an AtomicInteger: one object less per record
  private static final VarHandle OUTSTANDING;

  static {
    try {
      OUTSTANDING =
          MethodHandles.lookup().findVarHandle(FrameTracker.class, "outstanding", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // through OUTSTANDING
  private volatile int outstanding;

  private volatile Throwable failure;
  private volatile String failedAt;

  /** Sets the count for a new attempt or phase (no frame of this tracker may be in flight). */
  final void reset(int frames) {
    failure = null;
    failedAt = null;
    outstanding = frames;
  }

  final void hopStarted() {
    OUTSTANDING.getAndAdd(this, 1);
  }

  final void frameDone() {
    if ((int) OUTSTANDING.getAndAdd(this, -1) == 1) {
      quiet(failure, failedAt);
    }
  }

  /** Every frame has ended; {@code failure} is the first failure of this attempt or null. */
  abstract void quiet(Throwable failure, String failedAt);

  /** Whether the frames still queued should be skipped. */
  boolean failed() {
    return failure != null;
  }

  final void fail(Throwable t) {
    fail(t, null);
  }

  void fail(Throwable t, String where) {
    if (failure == null) {
      failure = t;
      failedAt = where;
    }
  }

  abstract int originTask();

  /**
   * Whether frames of this work are serialized when they cross (simulated) workers. Only stream
   * records are: batch frames carry the batch engine's own per-task buffers.
   */
  boolean shipsAcrossWorkers() {
    return false;
  }

  /** Names the work in error messages, e.g. "topology counter". */
  String workName() {
    return "a query topology";
  }

  abstract Object sourceRecord();

  abstract void ackReturn(Object value);

  /** Logs a frame's failure on {@code task} in the segment starting at {@code where}. */
  abstract void logFailure(int task, String where, Throwable e);

  /** Lets a batch aggregate a frame on the sending task instead of hopping; true if it did. */
  boolean absorbHop(int here, dev.deimos.impl.dataflow.Resume resume, Object[] frame) {
    return false;
  }

  /** Called before a hopped frame runs on {@code task}. */
  void enterTask(int task, Object[] frame) {}

  /** Takes a batch block over (see {@link DistributedBatch}); false runs it in place. */
  boolean startBatch(Task task, DistributedBatch.Call call) {
    return false;
  }

  /** The microbatch topology this work is an attempt of, or null (stream record, query). */
  MicrobatchRunner microbatch() {
    return null;
  }

  /** The task context entered around this work's frames on {@code task}. */
  dev.deimos.impl.data.TaskContext taskContext(Task task) {
    return task.context();
  }

  /** A PState that lives only as long as this work (a query's temp PState), or null. */
  PStateAccess tempPState(String var, int task) {
    return null;
  }
}
