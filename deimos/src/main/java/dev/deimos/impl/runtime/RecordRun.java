package dev.deimos.impl.runtime;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ack tree of one depot record in one stream topology source: counts the frames of the record
 * that are queued or running on any task. A hop counts up before its frame is queued and every
 * frame counts down when it ends, so the count reaches zero exactly when all work has finished.
 * Then the record completes, or is retried from its source if some frame failed.
 */
final class RecordRun extends FrameTracker {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRun.class);
  final ModuleRuntime rt;
  final ModuleRuntime.SourceRt source;
  final byte[] record;
  private final int originTask;
  final CompletableFuture<Object> done = new CompletableFuture<>();
  private volatile Object ackValue;
  private boolean ackGiven;
  private int attempt;

  RecordRun(ModuleRuntime rt, ModuleRuntime.SourceRt source, byte[] record, int originTask) {
    this.rt = rt;
    this.source = source;
    this.record = record;
    this.originTask = originTask;
  }

  /** Starts (or restarts) processing at the source, on the origin task. */
  void start() {
    ackValue = null;
    ackGiven = false;
    reset(1);
    rt.startRecordFrame(this, originTask, source.where, ctx -> source.plan.run(ctx));
  }

  int attempt() {
    return attempt;
  }

  @Override
  void ackReturn(Object v) {
    dev.deimos.impl.dataflow.AckAggregator agg = source.ackAgg;
    if (agg == null) {
      ackValue = v;
      return;
    }
    // values arrive from frames on several task threads
    synchronized (this) {
      ackValue = agg.add(ackGiven ? ackValue : agg.start(), v);
      ackGiven = true;
    }
  }

  private static String nodeOf(Throwable e) {
    String n = dev.deimos.impl.dataflow.FailedNode.of(e);
    return n != null ? n : "?";
  }

  @Override
  boolean shipsAcrossWorkers() {
    return true;
  }

  @Override
  String workName() {
    return "topology " + source.topology;
  }

  @Override
  int originTask() {
    return originTask;
  }

  @Override
  Object sourceRecord() {
    return rt.decode(record);
  }

  @Override
  void logFailure(int task, String where, Throwable e) {
    LOG.warn(
        "module {}, topology {}: processing record {} from depot {} failed on task {}"
            + " at node {} in the segment starting at {} (attempt {} of {})",
        rt.moduleName(),
        source.topology,
        rt.describeRecord(record),
        source.depotVar,
        task,
        nodeOf(e),
        where,
        attempt + 1,
        source.options.retries() + 1,
        e);
  }

  @Override
  void quiet(Throwable f, String failedAt) {
    if (f == null) {
      dev.deimos.impl.dataflow.AckAggregator agg = source.ackAgg;
      done.complete(agg == null || !ackGiven ? ackValue : agg.finish(ackValue));
    } else if (attempt < source.options.retries() && !rt.isClosed()) {
      attempt++;
      start();
    } else {
      done.completeExceptionally(f);
    }
  }
}
