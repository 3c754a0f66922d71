package dev.deimos.impl.dataflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** A compiled block: the first step and how many var slots one run needs. */
public final class Plan {
  /** The executor holds no per-run state, so local runs share one. */
  private static final Executor LOCAL = new Executor(ExecutionContext.LOCAL);

  private final Step head;
  private final int slotCount;

  /** Every step of the plan by its id (see {@link #resume}). */
  private final Step[] steps;

  Plan(Step head, int slotCount) {
    this.head = head;
    this.slotCount = slotCount;
    this.steps = number(head);
  }

  /**
   * Numbers the steps in one fixed walk of the compiled graph (successor, then-branch, else-branch,
   * then the pre- and post-aggregation heads of batch and subBatch arguments, depth first), so the
   * same block compiles to the same ids in every process: a frame sent elsewhere can name where it
   * resumes by a number.
   */
  private static Step[] number(Step head) {
    List<Step> out = new ArrayList<>();
    Set<Step> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Step> stack = new ArrayDeque<>();
    if (head != null) {
      stack.push(head);
    }
    while (!stack.isEmpty()) {
      Step s = stack.pop();
      if (!seen.add(s)) {
        continue;
      }
      s.id = out.size();
      s.resume = null;
      out.add(s);
      List<Step> children = new ArrayList<>(4);
      children.add(s.next);
      children.add(s.then);
      children.add(s.otherwise);
      for (Arg a : s.args) {
        if (a instanceof BatchPlan) {
          children.add(((BatchPlan) a).pre);
          children.add(((BatchPlan) a).post);
        } else if (a instanceof BatchPlan.SubBatchPlan) {
          children.add(((BatchPlan.SubBatchPlan) a).batch.pre);
          children.add(((BatchPlan.SubBatchPlan) a).batch.post);
        }
      }
      // pushed in reverse so the walk visits them in the order listed
      for (int i = children.size() - 1; i >= 0; i--) {
        Step c = children.get(i);
        if (c != null && !seen.contains(c)) {
          stack.push(c);
        }
      }
    }
    return out.toArray(new Step[0]);
  }

  /**
   * Returns the continuation a frame names by {@link Resume#id()}.
   *
   * @param id an id from a {@link Resume} of this plan
   * @return the continuation
   * @throws IllegalArgumentException if no step of this plan has that id
   */
  public Resume resume(int id) {
    int step = id & ~Resume.EMIT_HERE;
    if (id < 0 || step >= steps.length) {
      throw new IllegalArgumentException(
          "no resume point " + id + " in a plan of " + steps.length + " steps");
    }
    Step s = steps[step];
    return Resume.of((id & Resume.EMIT_HERE) != 0 ? BatchRunner.emitHereStep(s) : s);
  }

  /**
   * Returns how many steps the plan has (ids run from 0 to this, exclusive).
   *
   * @return the step count
   */
  public int stepCount() {
    return steps.length;
  }

  /** The first step, for {@link PlanGraph}. */
  Step head() {
    return head;
  }

  /**
   * Returns how many distinct vars the block binds.
   *
   * @return the slot count
   */
  public int slotCount() {
    return slotCount;
  }

  /** Runs the plan once in the calling thread with no vars bound, partitioners as no-ops. */
  public void run() {
    run(ExecutionContext.LOCAL);
  }

  /**
   * Runs the plan once in the calling thread with no vars bound.
   *
   * @param ctx what the plan needs from where it runs
   */
  public void run(ExecutionContext ctx) {
    (ctx == ExecutionContext.LOCAL ? LOCAL : new Executor(ctx)).run(head, new Object[slotCount]);
  }
}
