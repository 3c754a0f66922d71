package dev.deimos.impl.runtime;

import dev.deimos.impl.dataflow.AckAggregator;
import dev.deimos.impl.dataflow.ExecutionContext;
import dev.deimos.impl.dataflow.FailedNode;
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
  // telemetry: when the record was appended (0 when no meter listens, so no clock is read)
  private final long startNanos;

  /**
   * Completes with the record's ack-return value once every frame has finished, or with its last
   * failure; null when nothing waits for that (an APPEND_ACK or NONE append outside a retryAllAfter
   * lane), which saves a future per record on the pipelined path. Every run counts in {@link
   * ModuleRuntime#recordStarted} until it finishes either way.
   */
  final CompletableFuture<Object> done;

  /** Rama's option for how long one attempt of a record may take (seconds). */
  static final String TIMEOUT_OPTION = "topology.stream.timeout.seconds";

  static final long DEFAULT_TIMEOUT_SECONDS = 180;

  /**
   * The first retry waits this long; each further one twice as long, up to {@link
   * #MAX_BACKOFF_MILLIS}.
   */
  static final long FIRST_BACKOFF_MILLIS = 10;

  static final long MAX_BACKOFF_MILLIS = 2_000;

  // durable clusters: the source partition's completion tracker and this record's offset there,
  // set before the record starts; null on memory-only clusters (nothing to checkpoint)
  private OffsetTracker tracker;
  private long offset;

  private volatile Object ackValue;
  private boolean ackGiven;
  private int attempt;
  // when the first attempt failed (clock nanos), for the retry budget; 0 before
  private long firstFailure;
  // when the record was appended (clock nanos), for the topology's latency
  private final long createdNanos;

  RecordRun(
      ModuleRuntime rt,
      ModuleRuntime.SourceRt source,
      byte[] record,
      Object value,
      int originTask,
      boolean withDone) {
    this.value = value;
    this.startNanos = source.meter == EngineMetrics.TopologyMeter.NONE ? 0 : System.nanoTime();
    this.done = withDone ? new CompletableFuture<>() : null;
    rt.recordStarted();
    this.createdNanos = rt.clock().nanos();
    this.rt = rt;
    this.source = source;
    this.record = record;
    this.originTask = originTask;
  }

  /** Makes the record count towards its source partition's checkpoint once it finishes. */
  void trackAt(OffsetTracker t, long off) {
    this.tracker = t;
    this.offset = off;
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
    endTimeout();
    if (tracker != null) {
      // finished either way: a record given up on is not replayed (as without a restart)
      tracker.done(offset);
    }
    rt.recordFinished();
    EngineMetrics.TopologyMeter m = source.meter;
    if (m != EngineMetrics.TopologyMeter.NONE) {
      if (f == null) {
        m.recordProcessed(System.nanoTime() - startNanos);
      } else {
        m.recordFailed();
      }
    }
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
    AckAggregator agg = source.ackAgg;
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
    String n = FailedNode.of(e);
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
    String node = nodeOf(e);
    // a deterministic failure shows its stack trace once (per record and per source for a
    // while), then one line per retry
    if (attempt == 0 && source.failures.firstOf(e, node, rt.clock())) {
      LOG.warn(
          "module {}, topology {}: processing record {} from depot {} failed on task {}"
              + " at node {} in the segment starting at {} (attempt 1, {})",
          rt.moduleName(),
          source.topology,
          rt.describeRecord(record),
          source.depotVar,
          task,
          node,
          where,
          retryPlan(),
          e);
    } else {
      LOG.warn(
          "module {}, topology {}: processing record {} from depot {} failed on task {}"
              + " at node {} (attempt {}): {}",
          rt.moduleName(),
          source.topology,
          rt.describeRecord(record),
          source.depotVar,
          task,
          node,
          attempt + 1,
          FrameTracker.Cancelled.safeString(e));
    }
  }

  private String retryPlan() {
    return !source.options.retried()
        ? "retryNone: not retried"
        : "retried with backoff for up to " + rt.streamTimeoutMillis() / 1000 + " s";
  }

  /**
   * A frame of this attempt waits on a future: the attempt must end within {@value #TIMEOUT_OPTION}
   * of that, else it fails (and is retried per the source options).
   */
  @Override
  void armWaitTimeout() {
    long millis = rt.streamTimeoutMillis();
    armTimeout(rt.scheduler(), millis, gen -> timedOut(gen, millis));
  }

  private void timedOut(int gen, long millis) {
    java.util.List<String> at = pendingWaits();
    expire(
        gen,
        rt,
        new java.util.concurrent.TimeoutException(
            "module "
                + rt.moduleName()
                + ", topology "
                + source.topology
                + ": record "
                + rt.describeRecord(record)
                + " from depot "
                + source.depotVar
                + " did not complete within "
                + millis
                + " ms ("
                + TIMEOUT_OPTION
                + "); still waiting at "
                + at));
  }

  @Override
  void quiet(Throwable f, String failedAt) {
    if (f == null) {
      AckAggregator agg = source.ackAgg;
      Object result;
      try {
        result = agg == null || !ackGiven ? ackValue : agg.finish(ackValue);
      } catch (RuntimeException e) {
        // a failing ack-return aggregator fails the record: its append must not succeed
        source.stats.failed();
        finish(null, e);
        return;
      }
      source.stats.succeeded(1, rt.clock().nanos() - createdNanos);
      finish(result, null);
      return;
    }
    source.stats.failed();
    long now = rt.clock().nanos();
    if (attempt == 0) {
      firstFailure = now;
    }
    long budget = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(rt.streamTimeoutMillis());
    if (source.options.retried() && now - firstFailure < budget && !rt.isClosed()) {
      attempt++;
      source.meter.recordRetried();
      source.stats.retried();
      long delay = backoffMillis(attempt);
      rt.scheduler()
          .schedule(
              () -> {
                if (rt.isClosed()) {
                  finish(null, f);
                } else {
                  start();
                }
              },
              delay);
    } else {
      if (source.options.retried()) {
        LOG.error(
            "module {}, topology {}: giving up on record {} from depot {} after {} attempts"
                + " failing for {} ms ({}); last failure: {}",
            rt.moduleName(),
            source.topology,
            rt.describeRecord(record),
            source.depotVar,
            attempt + 1,
            java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(now - firstFailure),
            TIMEOUT_OPTION,
            FrameTracker.Cancelled.safeString(f));
      }
      finish(null, f);
    }
  }

  /** The pause before retry number {@code n} (from 1): exponential, capped. */
  static long backoffMillis(int n) {
    return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(n - 1, 20));
  }

  /**
   * Reads {@value #TIMEOUT_OPTION} from a module's options, in milliseconds.
   *
   * @throws IllegalArgumentException if it is not a positive number
   */
  static long timeoutMillis(java.util.Map<String, Object> moduleOptions) {
    Object o = moduleOptions.get(TIMEOUT_OPTION);
    if (o == null) {
      return DEFAULT_TIMEOUT_SECONDS * 1000;
    }
    if (!(o instanceof Number) || !(((Number) o).doubleValue() > 0)) {
      throw new IllegalArgumentException(
          TIMEOUT_OPTION + " must be a positive number of seconds, got " + o);
    }
    return Math.max(1, (long) (((Number) o).doubleValue() * 1000));
  }
}
