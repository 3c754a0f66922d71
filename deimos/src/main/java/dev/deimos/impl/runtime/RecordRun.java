package dev.deimos.impl.runtime;

import dev.deimos.impl.dataflow.ExecutionContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ack tree of one depot record in one stream topology source: counts the frames of the record
 * that are queued or running on any task. A hop counts up before its frame is queued and every
 * frame counts down when it ends, so the count reaches zero exactly when all work has finished.
 * Then the record completes, or is retried from its source if some frame failed.
 */
final class RecordRun extends FrameTracker implements Consumer<ExecutionContext>, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRun.class);
  final ModuleRuntime rt;
  final ModuleRuntime.SourceRt source;
  final byte[] record;
  // the appended value itself when it is immutable (see ValueCodec.isImmutableBuiltin), so the
  // source need not decode the record; else DECODE
  private final Object value;
  static final Object DECODE = new Object();
  private final int originTask;

  /**
   * Completes with the record's ack-return value once every frame has finished, or with its last
   * failure; null when nothing waits for that (an APPEND_ACK or NONE append outside a retryAllAfter
   * lane), which saves a future per record on the pipelined path. Every run counts in {@link
   * ModuleRuntime#recordStarted} until it finishes either way.
   */
  final CompletableFuture<Object> done;

  private volatile Object ackValue;
  private boolean ackGiven;
  private int attempt;

  RecordRun(
      ModuleRuntime rt,
      ModuleRuntime.SourceRt source,
      byte[] record,
      Object value,
      int originTask,
      boolean withDone) {
    this.value = value;
    this.done = withDone ? new CompletableFuture<>() : null;
    rt.recordStarted();
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
    rt.startRecordFrame(this, originTask, source.where, this);
  }

  /**
   * The event queued on the origin task right after the record's depot append: starts the record
   * there (in its retryAllAfter lane if the source has one).
   */
  @Override
  public void run() {
    ModuleRuntime.startRun(this, originTask);
  }

  /** The body of the record's first frame: the source's plan (this run is its own body). */
  @Override
  public void accept(ExecutionContext ctx) {
    source.plan.run(ctx);
  }

  /** Fails the record before it started, e.g. when its depot append failed. */
  void abort(Throwable f) {
    finish(null, f);
  }

  private void finish(Object result, Throwable f) {
    rt.recordFinished();
    if (done != null) {
      if (f == null) {
        done.complete(result);
      } else {
        done.completeExceptionally(f);
      }
    }
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
    return value != DECODE ? value : rt.decode(record);
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
      finish(agg == null || !ackGiven ? ackValue : agg.finish(ackValue), null);
    } else if (attempt < source.options.retries() && !rt.isClosed()) {
      attempt++;
      start();
    } else {
      finish(null, f);
    }
  }
}
