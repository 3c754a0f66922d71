package dev.deimos.impl.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a plan continues after a partitioner hop, as an opaque handle for the {@link
 * ExecutionContext}. Running it on a task first rebinds the {@code $$} slots to that task's
 * partitions, since the frame was copied on another task.
 */
public final class Resume {
  /** Flag in an id: the per-task emit copy of an explode step (see {@code BatchRunner}). */
  static final int EMIT_HERE = 1 << 30;

  private final int id;
  private final Step step;
  private final int[] pstateSlots;
  private final String[] pstateVars;
  private final int outSlot;
  private final Map<String, Integer> slotOf;

  private Resume(
      int id,
      Step step,
      int[] pstateSlots,
      String[] pstateVars,
      int outSlot,
      Map<String, Integer> slotOf) {
    this.id = id;
    this.step = step;
    this.slotOf = slotOf;
    this.outSlot = outSlot;
    this.pstateSlots = pstateSlots;
    this.pstateVars = pstateVars;
  }

  /** The continuation after {@code s} (built once per step; steps never change after compile). */
  static Resume of(Step s) {
    Resume r = s.resume;
    if (r == null) {
      List<String> vars = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      if (s.slotOf != null) {
        for (Map.Entry<String, Integer> e : s.slotOf.entrySet()) {
          if (Compiler.isPStateVar(e.getKey())) {
            vars.add(e.getKey());
            idx.add(e.getValue());
          }
        }
      }
      int[] slots = new int[idx.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = idx.get(i);
      }
      r =
          new Resume(
              s.id,
              s.next,
              slots,
              vars.toArray(new String[0]),
              s.outSlots.length == 1 ? s.outSlots[0] : -1,
              s.slotOf);
      s.resume = r;
    }
    return r;
  }

  /**
   * Names this continuation within its plan, stably: the same block compiles to the same ids, so a
   * frame shipped to another task or process can say where it resumes ({@link Plan#resume} turns
   * the id back into the continuation). It is the id of the step the frame continues after.
   *
   * @return the id, not negative once the plan is built
   */
  public int id() {
    return id;
  }

  /** The first step this continuation runs (null at the end of the block). */
  Step step() {
    return step;
  }

  void rebind(ExecutionContext ctx, Object[] slots) {
    for (int i = 0; i < pstateSlots.length; i++) {
      PStateAccess p = ctx.pstate(pstateVars[i]);
      if (p != null) {
        slots[pstateSlots[i]] = p;
      }
    }
    String[] globals = ctx.taskGlobalVars();
    if (globals.length > 0 && slotOf != null) {
      for (String g : globals) {
        Integer i = slotOf.get(g);
        if (i != null) {
          slots[i] = ctx.taskGlobal(g);
        }
      }
    }
  }

  /**
   * Returns a copy of a frame fit to ship to another worker: the {@code $$} and task-global slots,
   * which {@link #run} rebinds on arrival, are left empty, so only the user's values travel.
   *
   * @param slots the frame
   * @param globals the task-global vars of the module
   * @return the copy
   */
  public Object[] portable(Object[] slots, String[] globals) {
    Object[] out = slots.clone();
    for (int i : pstateSlots) {
      out[i] = null;
    }
    if (globals.length > 0 && slotOf != null) {
      for (String g : globals) {
        Integer i = slotOf.get(g);
        if (i != null) {
          out[i] = null;
        }
      }
    }
    return out;
  }

  /**
   * Runs the rest of the plan in the calling thread: rebinds {@code $$} vars through {@code ctx},
   * then executes until every branch of this frame has finished or hopped away.
   *
   * @param ctx the context of the task this runs on
   * @param slots the frame (owned by this call from now on)
   */
  public void run(ExecutionContext ctx, Object[] slots) {
    rebind(ctx, slots);
    new Executor(ctx).run(step, slots);
  }

  /**
   * Like {@link #run} after binding {@code value} to the var the step's {@code out} named (the
   * result of an eachAsync).
   *
   * @param ctx the context of the task this runs on
   * @param slots the frame
   * @param value the async result
   */
  public void runWith(ExecutionContext ctx, Object[] slots, Object value) {
    if (outSlot >= 0) {
      slots[outSlot] = value;
    }
    run(ctx, slots);
  }

  /**
   * Describes the first node this continuation runs, for logs and errors.
   *
   * @return e.g. {@code localTransform($$counts, ...)}, or "end of block"
   */
  public String describe() {
    return step == null ? "end of block" : step.node.describe();
  }
}
