package dev.deimos.impl.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ack tree of one depot record in one stream topology source: counts the frames of the record
 * that are queued or running on any task. A hop counts up before its frame is queued and every
 * frame counts down when it ends, so the count reaches zero exactly when all work has finished.
 * Then the record completes, or is retried from its source if some frame failed.
 */
final class RecordRun {
  final ModuleRuntime rt;
  final ModuleRuntime.SourceRt source;
  final byte[] record;
  final int originTask;
  final CompletableFuture<Object> done = new CompletableFuture<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private volatile Throwable failure;
  private volatile Object ackValue;
  private int attempt;

  RecordRun(ModuleRuntime rt, ModuleRuntime.SourceRt source, byte[] record, int originTask) {
    this.rt = rt;
    this.source = source;
    this.record = record;
    this.originTask = originTask;
  }

  /** Starts (or restarts) processing at the source, on the origin task. */
  void start() {
    failure = null;
    ackValue = null;
    outstanding.set(1);
    rt.submitFrame(
        this, originTask, "source(" + source.depotVar + ")", ctx -> source.plan.run(ctx));
  }

  int attempt() {
    return attempt;
  }

  boolean failed() {
    return failure != null;
  }

  void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
  }

  void ackReturn(Object v) {
    ackValue = v;
  }

  void hopStarted() {
    outstanding.incrementAndGet();
  }

  void frameDone() {
    if (outstanding.decrementAndGet() == 0) {
      Throwable f = failure;
      if (f == null) {
        done.complete(ackValue);
      } else if (attempt < source.options.retries() && !rt.isClosed()) {
        attempt++;
        start();
      } else {
        done.completeExceptionally(f);
      }
    }
  }
}
