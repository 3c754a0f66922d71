package dev.deimos.impl.dataflow;

/** One compiled node; {@code next} links are fixed once compilation finishes. */
final class Step {
  final Node node;
  final Arg[] args;
  final int[] outSlots;

  /** Copies of {@code node.kind} and {@code node.fn}, read on every run by the executor. */
  final Node.Kind kind;

  final Object fn;

  /**
   * For each argument compiled to a var slot, its slot index, else -1: the executor reads such
   * arguments straight from the slot array instead of through a megamorphic {@link Arg#eval}.
   */
  final int[] argSlot;

  /** The single out slot of the step, or -1 when it binds no var or several. */
  final int out1;

  /** For localSelect/localTransform: the block's var-to-slot map, else null. */
  java.util.Map<String, Integer> slotOf;

  /**
   * The step's number in its plan, the same for every compile of the same block (see {@link Plan});
   * -1 until the plan numbers it. A frame can name its resume point by it.
   */
  int id = -1;

  /** Continuation after this step, built on first use by {@link Resume#of}. */
  volatile Resume resume;

  /** For explodeMaterialized over a temporary PState: the per-task hop target, built lazily. */
  volatile Step emitHere;

  Step next;
  Step then;
  Step otherwise;

  /*
   * How many times the step ran, for the console's live dataflow graph. One counter per counter
   * slot (a task thread owns one, see ExecutionContext#counterSlot), each on a cache line of its
   * own, so the executor bumps it with a plain write to a line its thread owns: no atomic
   * instruction and no sharing on the record path. Readers sum the slots; a read racing a write
   * sees the value before or after it, which is all a live count needs.
   */
  static final int COUNTER_SLOTS = 8;
  private static final int LINE = 8;
  final long[] counts = new long[(COUNTER_SLOTS + 1) * LINE];

  /** The counts index of a counter slot (slots beyond the last share it). */
  static int countIndex(int slot) {
    return LINE + LINE * Math.min(Math.max(slot, 0), COUNTER_SLOTS - 1);
  }

  /** Runs of this step so far, summed over the counter slots. */
  long count() {
    long n = 0;
    for (int s = 0; s < COUNTER_SLOTS; s++) {
      n += counts[LINE + LINE * s];
    }
    return n;
  }

  Step(Node node, Arg[] args, int[] outSlots) {
    this.node = node;
    this.args = args;
    this.outSlots = outSlots;
    this.kind = node.kind;
    this.fn = node.fn;
    this.out1 = outSlots.length == 1 ? outSlots[0] : -1;
    this.argSlot = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      argSlot[i] = args[i] instanceof Arg.Slot ? ((Arg.Slot) args[i]).index : -1;
    }
  }
}
