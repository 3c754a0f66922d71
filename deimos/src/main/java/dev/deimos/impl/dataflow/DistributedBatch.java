package dev.deimos.impl.dataflow;

import dev.deimos.impl.dataflow.BatchPlan.AggPhase;
import dev.deimos.impl.dataflow.BatchRunner.Group;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch block run across the tasks of a module: the dataflow half of the distributed batch engine
 * (the runtime half, which counts frames and moves data between tasks, is {@code
 * impl.runtime.BatchRun}).
 *
 * <p>How a runtime starts a batch: when the executor reaches a {@code batchBlock} it calls {@link
 * ExecutionContext#startBatch} with a {@link Call}. A context that returns true owns the block from
 * then on and drives these steps, each phase finishing on every task before the next starts:
 *
 * <ol>
 *   <li>pre-aggregation: {@link Call#runPre} on the start task with a buffer from {@link
 *       Call#newBuffer}; every hop of the phase must first put the target task's buffer into the
 *       frame with {@link Call#bindBuffer}. Frames ending the phase feed that buffer.
 *   <li>aggregation: on every task that got a buffer, {@link Call#exportBuffer} turns it into
 *       shipments {@code [targetTask, payload]}; two-phase (combiner) partials are plain values,
 *       otherwise the payload carries the input frames. Shipments go to their target task.
 *   <li>post-aggregation: {@link Call#runPost} on every task of {@link Call#postTasks} plus every
 *       task that received a shipment, with the shipments for that task. It merges the partials (or
 *       feeds the raw inputs in arrival order), applies PState aggregations to that task's
 *       partitions and runs the post-aggregation code once per group (once without groupBy, also
 *       when no data arrived).
 *   <li>afterwards {@link Call#runAfter} continues with the code after the block, once, on the
 *       start task, with the vars bound before the block.
 * </ol>
 *
 * <p>Where the aggregation lands follows the last partitioner of the pre-aggregation code (Rama's
 * rule): none keeps it on the start task, {@code globalPartition} on task 0, {@code
 * originPartition} on the origin task, any other partitioner on every task (each aggregating what
 * reached it). A {@code groupBy} sends each group to the task owning its key.
 */
public final class DistributedBatch {
  private DistributedBatch() {}

  /** Offers the block at step {@code s} to the context; true if the context took it over. */
  static boolean handOff(Executor ex, Step s, BatchPlan plan, Object[] slots) {
    ExecutionContext ctx = ex.context();
    if (ctx == ExecutionContext.LOCAL) {
      return false;
    }
    return ctx.startBatch(new Call(plan, s, slots.clone(), ctx.taskId(), ctx.originTask()));
  }

  /** Where the aggregation and post-aggregation phase run. */
  private enum Landing {
    START,
    TASK0,
    ORIGIN,
    EVERY
  }

  /** One run of one batch block, handed to the runtime. */
  public static final class Call {
    private final BatchPlan plan;
    private final Step owner;
    private final Object[] base;
    private final int startTask;
    private final int originTask;
    private final Landing landing;

    Call(BatchPlan plan, Step owner, Object[] base, int startTask, int originTask) {
      this.plan = plan;
      this.owner = owner;
      this.base = base;
      this.startTask = startTask;
      this.originTask = originTask;
      this.landing = landing(plan.pre);
    }

    private static Landing landing(Step head) {
      Landing l = Landing.START;
      Set<Step> seen = new HashSet<>();
      for (Step s = head; s != null && seen.add(s); s = s.next) {
        if (s.node.kind == Node.Kind.PARTITION) {
          switch (((PartitionSpec) s.node.fn).type) {
            case GLOBAL:
              l = Landing.TASK0;
              break;
            case ORIGIN:
              l = Landing.ORIGIN;
              break;
            default:
              l = Landing.EVERY;
          }
        }
      }
      return l;
    }

    /**
     * Returns the task the block started on; {@link #runPre} and {@link #runAfter} run there.
     *
     * @return a task id
     */
    public int startTask() {
      return startTask;
    }

    /**
     * Returns whether the block aggregates (else only the pre-aggregation phase runs).
     *
     * @return true with an aggregation phase
     */
    public boolean aggregates() {
      return plan.agg != null;
    }

    /**
     * Returns whether shipments carry partial aggregations (plain values) rather than input frames.
     *
     * @return true when every aggregator is a combiner
     */
    public boolean twoPhase() {
      return plan.agg != null && plan.agg.twoPhase;
    }

    /**
     * Describes the block for logs and errors.
     *
     * @return e.g. {@code batchBlock}
     */
    public String describe() {
      return owner.node.describe();
    }

    /**
     * Returns a new, empty aggregation buffer for {@code task}; used only on that task's thread.
     *
     * @param task the task id
     * @return an opaque buffer
     */
    public Object newBuffer(int task) {
      return new TaskBuffer(this, task);
    }

    /**
     * Puts {@code buffer} into a frame about to run on the buffer's task.
     *
     * @param frame a frame of the pre-aggregation phase
     * @param buffer the buffer of the task the frame runs on
     */
    public void bindBuffer(Object[] frame, Object buffer) {
      frame[plan.stateSlot] = buffer;
    }

    /**
     * Two-phase shortcut for a partitioner that leads straight to the aggregators: returns true and
     * feeds {@code buffer} (the sending task's) when the hop to {@code resume} may be skipped,
     * because every aggregator is a combiner and the partial lands on the same task whichever task
     * built it (one landing task, or a groupBy whose group decides the task).
     *
     * @param resume where the hop would continue
     * @param frame the hop's frame
     * @param buffer the buffer of the task making the hop
     * @param counterSlot the calling thread's counter slot (see {@link
     *     ExecutionContext#counterSlot}): the skipped sink still counts the input
     * @return true if the frame was aggregated here and the hop is not needed
     */
    public boolean aggregateBeforeHop(
        Resume resume, Object[] frame, Object buffer, int counterSlot) {
      AggPhase ph = plan.agg;
      if (ph == null || !ph.twoPhase || (ph.groupKeys == null && landing == Landing.EVERY)) {
        return false;
      }
      Step next = resume.step();
      if (next == null
          || next.node.kind != Node.Kind.BATCH_SINK
          || next.args[next.args.length - 1] != plan) {
        return false;
      }
      ((TaskBuffer) buffer).feed(frame);
      next.counts[Step.countIndex(counterSlot)]++;
      return true;
    }

    /**
     * Runs the pre-aggregation phase from its start, on the start task.
     *
     * @param ctx the context of the start task (its hops must bind buffers)
     * @param buffer the start task's buffer
     */
    public void runPre(ExecutionContext ctx, Object buffer) {
      Object[] frame = base.clone();
      frame[plan.stateSlot] = buffer;
      new Executor(ctx).run(plan.pre, frame);
    }

    /**
     * Returns the tasks that run post-aggregation whether or not data reached them.
     *
     * @param numTasks tasks of the module
     * @return task ids (empty with groupBy or without aggregation)
     */
    public Set<Integer> postTasks(int numTasks) {
      if (plan.agg == null || plan.agg.groupKeys != null) {
        return Collections.emptySet();
      }
      switch (landing) {
        case START:
          return Collections.singleton(startTask);
        case TASK0:
          return Collections.singleton(0);
        case ORIGIN:
          return Collections.singleton(originTask);
        default:
          Set<Integer> all = new HashSet<>();
          for (int t = 0; t < numTasks; t++) {
            all.add(t);
          }
          return all;
      }
    }

    /**
     * Empties a task's buffer into shipments {@code [Integer targetTask, List key, payload]}.
     *
     * @param ctx the context of the buffer's task (used to find group owners)
     * @param buffer the buffer
     * @return the shipments
     */
    public List<List<Object>> exportBuffer(ExecutionContext ctx, Object buffer) {
      TaskBuffer b = (TaskBuffer) buffer;
      AggPhase ph = plan.agg;
      List<List<Object>> out = new ArrayList<>();
      if (ph == null) {
        return out;
      }
      for (Map.Entry<List<Object>, Object> e : b.data.entrySet()) {
        List<Object> key = e.getKey();
        int target;
        if (ph.groupKeys != null) {
          target = ctx.taskForKey(null, key.size() == 1 ? key.get(0) : key);
        } else if (landing == Landing.EVERY) {
          target = b.task;
        } else {
          target = postTasks(0).iterator().next();
        }
        Object payload =
            ph.twoPhase ? ((Group) e.getValue()).export() : new ArrayList<>((List<?>) e.getValue());
        out.add(new ArrayList<>(Arrays.asList(target, new ArrayList<>(key), payload)));
      }
      b.data.clear();
      return out;
    }

    /**
     * Merges the shipments sent to the current task and runs post-aggregation for every group.
     *
     * @param ctx the context of the current task
     * @param shipments {@code [target, key, payload]} entries from {@link #exportBuffer}
     * @param prepare called on each post-aggregation frame before it runs (an enclosing batch binds
     *     its buffer of the current task there)
     */
    public void runPost(
        ExecutionContext ctx,
        List<List<Object>> shipments,
        java.util.function.Consumer<Object[]> prepare) {
      AggPhase ph = plan.agg;
      if (ph == null) {
        return;
      }
      Map<List<Object>, Group> groups = new LinkedHashMap<>();
      if (ph.groupKeys == null) {
        groups.put(Collections.emptyList(), new Group(ph));
      }
      for (List<Object> sh : shipments) {
        @SuppressWarnings("unchecked")
        List<Object> key = (List<Object>) sh.get(1);
        Group g = groups.computeIfAbsent(key, k -> new Group(ph));
        if (ph.twoPhase) {
          g.mergeExported(sh.get(2));
        } else {
          for (Object f : (List<?>) sh.get(2)) {
            g.add((Object[]) f);
          }
        }
      }
      Executor ex = new Executor(ctx);
      Resume r = Resume.of(owner);
      for (Map.Entry<List<Object>, Group> e : groups.entrySet()) {
        Object[] frame = base.clone();
        r.rebind(ctx, frame);
        prepare.accept(frame);
        if (ph.groupKeys != null) {
          for (int i = 0; i < ph.groupKeySlots.length; i++) {
            frame[ph.groupKeySlots[i]] = e.getKey().get(i);
          }
        }
        e.getValue().emit(ex, plan.post, frame);
      }
    }

    /**
     * Continues after the block, once, with the vars bound before it. A subBatch has nothing to do
     * here: its post-aggregation phase already continued the enclosing block.
     *
     * @param ctx the context of the start task
     */
    public void runAfter(ExecutionContext ctx) {
      if (owner.node.kind != Node.Kind.SUB_BATCH) {
        Resume.of(owner).run(ctx, base.clone());
      }
    }
  }

  /** The inputs that reached one task in the pre-aggregation phase, per group key. */
  static final class TaskBuffer {
    private final Call call;
    private final int task;

    /** Per group key: a partial {@link Group} when two-phase, else the list of input frames. */
    private final Map<List<Object>, Object> data = new LinkedHashMap<>();

    TaskBuffer(Call call, int task) {
      this.call = call;
      this.task = task;
    }

    @SuppressWarnings("unchecked")
    void feed(Object[] slots) {
      AggPhase ph = call.plan.agg;
      if (ph == null) {
        return;
      }
      List<Object> key =
          ph.groupKeys == null
              ? Collections.emptyList()
              : Arrays.asList(Arg.evalAll(ph.groupKeys, slots));
      if (ph.twoPhase) {
        ((Group) data.computeIfAbsent(key, k -> new Group(ph))).add(slots);
      } else {
        ((List<Object[]>) data.computeIfAbsent(key, k -> new ArrayList<Object[]>()))
            .add(slots.clone());
      }
    }

    @Override
    public String toString() {
      return "batch buffer of task " + task;
    }
  }
}
