package dev.deimos.impl.dataflow;

/** A compiled block: the first step and how many var slots one run needs. */
public final class Plan {
  /** The executor holds no per-run state, so local runs share one. */
  private static final Executor LOCAL = new Executor(ExecutionContext.LOCAL);

  private final Step head;
  private final int slotCount;

  Plan(Step head, int slotCount) {
    this.head = head;
    this.slotCount = slotCount;
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
