package dev.deimos.impl.dataflow;

/** A compiled block: the first step and how many var slots one run needs. */
public final class Plan {
  private final Step head;
  private final int slotCount;

  Plan(Step head, int slotCount) {
    this.head = head;
    this.slotCount = slotCount;
  }

  /**
   * Returns how many distinct vars the block binds.
   *
   * @return the slot count
   */
  public int slotCount() {
    return slotCount;
  }

  /** Runs the plan once in the calling thread with no vars bound. */
  public void run() {
    Executor.run(head, new Object[slotCount]);
  }
}
