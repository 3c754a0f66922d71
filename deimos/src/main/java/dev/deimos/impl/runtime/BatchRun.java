package dev.deimos.impl.runtime;

import dev.deimos.impl.data.TaskContext;
import dev.deimos.impl.dataflow.DistributedBatch;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.dataflow.Resume;
import dev.deimos.impl.serial.ValueCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The runtime half of the distributed batch engine: runs one {@link DistributedBatch.Call} across
 * the tasks of a module, phase by phase, each phase finishing on every task before the next starts
 * (frames are counted as in {@link RecordRun}).
 *
 * <p>To start a batch from any other tracker (a query invocation, a microbatch), return {@code new
 * BatchRun(rt, this, call, task.numTasks()).start()} from {@link FrameTracker#startBatch}: the
 * outer tracker counts the whole block as one outstanding frame. The phases are pre-aggregation
 * (from the start task, each task feeding its own buffer), aggregation (each buffer becomes
 * shipments to the task where its group lands; two-phase partials travel as serialized plain
 * values), post-aggregation (on the landing tasks, see {@link DistributedBatch.Call#postTasks}) and
 * finally the code after the block, run once on the start task under the outer tracker. A failure
 * in any phase skips the rest and fails the outer tracker (which retries or reports it).
 */
final class BatchRun extends FrameTracker {
  private enum Phase {
    PRE,
    AGG,
    POST
  }

  private final ModuleRuntime rt;
  private final FrameTracker outer;
  private final DistributedBatch.Call call;
  private final int numTasks;
  private final AtomicReferenceArray<Object> buffers;
  private final List<List<Object>> shipments = Collections.synchronizedList(new ArrayList<>());
  private volatile Phase phase = Phase.PRE;

  BatchRun(ModuleRuntime rt, FrameTracker outer, DistributedBatch.Call call, int numTasks) {
    this.rt = rt;
    this.outer = outer;
    this.call = call;
    this.numTasks = numTasks;
    this.buffers = new AtomicReferenceArray<>(numTasks);
  }

  /** Starts the pre-aggregation phase on the start task; always returns true. */
  boolean start() {
    outer.hopStarted();
    reset(1);
    int t = call.startTask();
    rt.submitFrame(this, t, call.describe(), ctx -> call.runPre(ctx, buffer(t)));
    return true;
  }

  /** The buffer of {@code task}, created on first use (only on that task's thread). */
  private Object buffer(int task) {
    Object b = buffers.get(task);
    if (b == null) {
      b = call.newBuffer(task);
      buffers.set(task, b);
    }
    return b;
  }

  @Override
  boolean absorbHop(int here, Resume resume, Object[] frame) {
    return phase == Phase.PRE
        && call.aggregateBeforeHop(resume, frame, buffer(here), TaskThread.finishSlot());
  }

  @Override
  void enterTask(int task, Object[] frame) {
    if (phase == Phase.PRE) {
      call.bindBuffer(frame, buffer(task));
    }
    outer.enterTask(task, frame);
  }

  @Override
  boolean startBatch(Task task, DistributedBatch.Call nested) {
    // a subBatch inside this block's pre-aggregation phase: it keeps this phase open
    return new BatchRun(rt, this, nested, numTasks).start();
  }

  @Override
  void quiet(Throwable failure, String failedAt) {
    if (failure != null) {
      outer.fail(failure, failedAt);
      outer.frameDone();
      return;
    }
    if (phase == Phase.PRE && call.aggregates()) {
      phase = Phase.AGG;
      List<Integer> tasks = new ArrayList<>();
      for (int t = 0; t < numTasks; t++) {
        if (buffers.get(t) != null) {
          tasks.add(t);
        }
      }
      reset(tasks.size() + 1);
      for (int t : tasks) {
        Object b = buffers.get(t);
        rt.submitFrame(
            this, t, "aggregation of " + call.describe(), ctx -> ship(call.exportBuffer(ctx, b)));
      }
      frameDone();
    } else if (phase == Phase.AGG) {
      phase = Phase.POST;
      Map<Integer, List<List<Object>>> perTask = new TreeMap<>();
      for (int t : call.postTasks(numTasks)) {
        perTask.put(t, new ArrayList<>());
      }
      synchronized (shipments) {
        for (List<Object> sh : shipments) {
          perTask.computeIfAbsent((Integer) sh.get(0), k -> new ArrayList<>()).add(sh);
        }
        shipments.clear();
      }
      reset(perTask.size() + 1);
      for (Map.Entry<Integer, List<List<Object>>> e : perTask.entrySet()) {
        List<List<Object>> mine = e.getValue();
        rt.submitFrame(
            this,
            e.getKey(),
            "post-aggregation of " + call.describe(),
            ctx -> call.runPost(ctx, mine, f -> outer.enterTask(e.getKey(), f)));
      }
      frameDone();
    } else {
      // done: continue after the block on the start task, as a frame of the outer work
      rt.submitFrame(outer, call.startTask(), "after " + call.describe(), call::runAfter);
    }
  }

  /** Sends shipments on; two-phase partials are serialized as a real cluster would. */
  private void ship(List<List<Object>> out) {
    for (List<Object> sh : out) {
      if (call.twoPhase()) {
        List<Object> copy = new ArrayList<>(sh);
        copy.set(2, ValueCodec.PLAIN.decode(ValueCodec.PLAIN.encode(sh.get(2))));
        shipments.add(copy);
      } else {
        shipments.add(sh);
      }
    }
  }

  @Override
  boolean failed() {
    return super.failed() || outer.failed();
  }

  @Override
  FrameTracker waitRoot() {
    return outer.waitRoot();
  }

  @Override
  int originTask() {
    return outer.originTask();
  }

  @Override
  Object sourceRecord() {
    return outer.sourceRecord();
  }

  @Override
  void ackReturn(Object value) {
    outer.ackReturn(value);
  }

  @Override
  void logFailure(int task, String where, Throwable e) {
    outer.logFailure(task, where, e);
  }

  @Override
  MicrobatchRunner microbatch() {
    return outer.microbatch();
  }

  @Override
  TaskContext taskContext(Task task) {
    return outer.taskContext(task);
  }

  @Override
  PStateAccess tempPState(String var, int task) {
    return outer.tempPState(var, task);
  }
}
