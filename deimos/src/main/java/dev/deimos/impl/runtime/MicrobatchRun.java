package dev.deimos.impl.runtime;

import dev.deimos.impl.data.TaskContext;
import dev.deimos.impl.dataflow.DistributedBatch;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.dataflow.TempPartition;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one microbatch: runs every source's plan on task 0, each source binding its {@link
 * MicrobatchRunner.Batch}, and counts the frames on all tasks like {@link RecordRun}. Batch blocks
 * inside run through {@link BatchRun}. When all frames have ended it reports to its {@link
 * MicrobatchRunner}, which commits or rolls back.
 */
final class MicrobatchRun extends FrameTracker {
  private static final Logger LOG = LoggerFactory.getLogger(MicrobatchRun.class);

  private final ModuleRuntime rt;
  private final MicrobatchRunner runner;
  final MicrobatchRunner.Attempt attempt;
  private final int attemptNo;
  private final List<MicrobatchRunner.Batch> batches;
  final long[][] ends;
  private final AtomicReferenceArray<TaskContext> contexts;
  // temporary PStates (materialize): one partition per task, dropped with this attempt
  private final ConcurrentHashMap<String, AtomicReferenceArray<TempPartition>> temps =
      new ConcurrentHashMap<>();
  // the batch bound by the source running now (sources start one after another on task 0)
  private Object current;
  private final long timeoutMillis;
  // when the attempt was created (clock nanos), for the topology's latency
  final long startedNanos;
  // the task of the first failed frame, -1 before (for the runner's log line)
  private volatile int failedTask = -1;

  MicrobatchRun(
      ModuleRuntime rt,
      MicrobatchRunner runner,
      MicrobatchRunner.Attempt attempt,
      int attemptNo,
      List<MicrobatchRunner.Batch> batches,
      long[][] ends,
      long timeoutMillis) {
    this.rt = rt;
    this.runner = runner;
    this.attempt = attempt;
    this.attemptNo = attemptNo;
    this.batches = batches;
    this.ends = ends;
    this.timeoutMillis = timeoutMillis;
    this.startedNanos = rt.clock().nanos();
    this.contexts = new AtomicReferenceArray<>(rt.numTasks());
  }

  void start() {
    reset(1);
    armTimeout(
        rt.scheduler(), timeoutMillis, gen -> runner.phaseTimedOut(this, gen, timeoutMillis));
    rt.submitFrame(
        this,
        0,
        "microbatch topology " + runner.topology(),
        ctx -> {
          List<MicrobatchRunner.Source> sources = runner.sources();
          for (int i = 0; i < sources.size(); i++) {
            current = batches.get(i);
            sources.get(i).plan.run(ctx);
          }
          current = null;
        });
  }

  @Override
  void quiet(Throwable failure, String failedAt) {
    endTimeout();
    runner.finished(this, failure, failedAt);
  }

  @Override
  int originTask() {
    return 0;
  }

  @Override
  Object sourceRecord() {
    return current;
  }

  @Override
  void ackReturn(Object value) {
    // microbatch topologies are not part of depot acks
  }

  @Override
  void logFailure(int task, String where, Throwable e) {
    if (failedTask < 0) {
      failedTask = task;
    }
    // the runner logs the attempt's failure once it has ended; this is per frame
    LOG.debug(
        "module {}, microbatch topology {}: microbatch {} attempt {} failed on task {} in the"
            + " segment starting at {}",
        rt.moduleName(),
        runner.topology(),
        attempt.id,
        attemptNo + 1,
        task,
        where,
        e);
  }

  /**
   * Names the records the first failed frame may have been processing: the offset ranges of this
   * microbatch on its task (the frame runs some of them), or "a timeout" when no frame threw.
   */
  String failedRecords() {
    int task = failedTask;
    if (task < 0) {
      return "no task (the attempt timed out)";
    }
    StringBuilder b = new StringBuilder("task ").append(task).append(" (records");
    int n = rt.numTasks();
    List<MicrobatchRunner.Source> sources = runner.sources();
    boolean any = false;
    for (int i = 0; i < batches.size(); i++) {
      String ranges = batches.get(i).ranges(task);
      if (!ranges.isEmpty()) {
        b.append(any ? "; " : " ").append(sources.get(i).depotVar).append(' ').append(ranges);
        any = true;
      }
    }
    if (!any) {
      b.append(" none of its own, of ").append(n).append(" tasks");
    }
    return b.append(')').toString();
  }

  @Override
  boolean startBatch(Task task, DistributedBatch.Call call) {
    return new BatchRun(rt, this, call, task.numTasks()).start();
  }

  @Override
  MicrobatchRunner microbatch() {
    return runner;
  }

  @Override
  TaskContext taskContext(Task task) {
    TaskContext c = contexts.get(task.id());
    if (c == null) {
      c = TaskContext.of(task.id(), attempt.id, "microbatch", task.context().moduleInstanceInfo());
      contexts.set(task.id(), c);
    }
    return c;
  }

  /**
   * Any {@code $$} var that is neither a declared PState nor a mirror is a temporary PState of this
   * attempt; each task gets its own partition, created on first use on that task's thread.
   */
  @Override
  PStateAccess tempPState(String var, int task) {
    if (!var.startsWith("$$") || rt.mirrorPState(var) != null) {
      return null;
    }
    AtomicReferenceArray<TempPartition> parts =
        temps.computeIfAbsent(var, v -> new AtomicReferenceArray<>(rt.numTasks()));
    TempPartition p = parts.get(task);
    if (p == null) {
      p = new TempPartition(var, task);
      parts.set(task, p);
    }
    return p;
  }
}
