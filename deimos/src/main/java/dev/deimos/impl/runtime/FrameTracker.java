package dev.deimos.impl.runtime;

import dev.deimos.impl.data.TaskContext;
import dev.deimos.impl.dataflow.DistributedBatch;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.dataflow.Resume;
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

  // Timeouts (stream record, microbatch phase, query): the async waits of the current attempt and
  // its timer, so an expired attempt can end although a future it waits on never completes. Both
  // stay null on the common path (no async step); touched under `this` otherwise. A reset happens
  // only when no frame is in flight, after the frames' last writes (frameDone orders them).
  private java.util.ArrayList<Wait> waits;
  private java.util.concurrent.Future<?> timer;
  private int generation;

  /** Sets the count for a new attempt or phase (no frame of this tracker may be in flight). */
  final void reset(int frames) {
    failure = null;
    failedAt = null;
    if (waits != null || timer != null) {
      clearTimeout();
    }
    outstanding = frames;
  }

  /** The work ended: drops its timer, if any (no lock on the common path without one). */
  final void endTimeout() {
    if (waits != null || timer != null) {
      clearTimeout();
    }
  }

  /** The current attempt's generation, for {@link #expire}. */
  final synchronized int generation() {
    return generation;
  }

  /** Drops the current attempt's timer and waits; a late timer then finds a new generation. */
  final synchronized void clearTimeout() {
    generation++;
    waits = null;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /**
   * Arms the timeout of the current attempt unless it is armed: {@code timeout} is called after
   * {@code delayMillis} with the attempt's generation (pass it to {@link #expire}).
   */
  final synchronized void armTimeout(
      Scheduler scheduler, long delayMillis, java.util.function.IntConsumer timeout) {
    if (timer != null) {
      return;
    }
    int gen = generation;
    timer = scheduler.schedule(() -> timeout.accept(gen), Math.max(0, delayMillis));
  }

  /**
   * Registers a wait of a frame on {@code task} for a future (eachAsync, an ACK append from the
   * topology); the caller has counted it as an outstanding frame with {@link #hopStarted}.
   */
  final Wait newWait(int task, String where) {
    Wait w = new Wait(this, task, where);
    // registered with the outermost work: its timeout ends the waits of its batch blocks too
    FrameTracker root = waitRoot();
    synchronized (root) {
      if (root.waits == null) {
        root.waits = new java.util.ArrayList<>(2);
      }
      root.waits.add(w);
    }
    root.armWaitTimeout();
    return w;
  }

  /** The work whose timeout covers this one's waits: itself, or a batch block's outer work. */
  FrameTracker waitRoot() {
    return this;
  }

  /** Called when a frame starts waiting: work with a timeout arms it here (default: none). */
  void armWaitTimeout() {}

  /**
   * The attempt of generation {@code gen} ran out of time: fails it with {@code timeout} (unless it
   * failed already) and ends its waits, so that its frames are skipped and it ends at once instead
   * of waiting for futures that may never complete. A no-op for a later attempt.
   *
   * @return the nodes the attempt was waiting at (empty if none), or null if {@code gen} is over
   */
  final java.util.List<String> expire(int gen, ModuleRuntime rt, Throwable timeout) {
    java.util.List<Wait> ws;
    synchronized (this) {
      if (gen != generation) {
        return null;
      }
      timer = null;
      ws = waits == null ? java.util.List.of() : new java.util.ArrayList<>(waits);
    }
    fail(timeout, "(timed out)");
    java.util.List<String> at = new java.util.ArrayList<>();
    for (Wait w : ws) {
      if (w.release()) {
        at.add(w.where);
        // its frame ends on its task like any other: skipped, as the attempt has failed
        rt.submitFrame(w.owner, w.task, w.where, ctx -> {});
      }
    }
    return at;
  }

  /** Where the current attempt's pending waits are, for a timeout's message. */
  final synchronized java.util.List<String> pendingWaits() {
    java.util.List<String> at = new java.util.ArrayList<>();
    if (waits != null) {
      for (Wait w : waits) {
        if (!w.isReleased()) {
          at.add(w.where);
        }
      }
    }
    return at;
  }

  /** One frame's wait for a future: ended once, by the future or by a timeout. */
  static final class Wait extends java.util.concurrent.atomic.AtomicBoolean {
    private static final long serialVersionUID = 1L;
    final transient FrameTracker owner;
    final int task;
    final String where;

    Wait(FrameTracker owner, int task, String where) {
      this.owner = owner;
      this.task = task;
      this.where = where;
    }

    /** Returns true for the one caller that ends this wait. */
    boolean release() {
      return compareAndSet(false, true);
    }

    boolean isReleased() {
      return get();
    }
  }

  /**
   * Thrown from a hop (or an async step) of work that has already failed or timed out: stops the
   * frame at once instead of queuing more frames that would only be skipped. Never logged; carries
   * no stack trace and takes no suppressed exceptions, so one instance serves every frame.
   */
  static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Cancelled INSTANCE = new Cancelled();

    private Cancelled() {
      super("the work failed or timed out; its remaining frames are cancelled", null, false, false);
    }

    /** Whether {@code e} is, or was caused by, a cancellation (user code may wrap it). */
    static boolean is(Throwable e) {
      for (int i = 0; e != null && i < 8; i++, e = e.getCause()) {
        if (e == INSTANCE) {
          return true;
        }
      }
      return false;
    }

    /** {@code e.toString()}, or its class name if that throws too (for log lines). */
    static String safeString(Throwable e) {
      try {
        return e.toString();
      } catch (Throwable again) {
        return e.getClass().getName();
      }
    }
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
  boolean absorbHop(int here, Resume resume, Object[] frame) {
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
  TaskContext taskContext(Task task) {
    return task.context();
  }

  /** A PState that lives only as long as this work (a query's temp PState), or null. */
  PStateAccess tempPState(String var, int task) {
    return null;
  }
}
