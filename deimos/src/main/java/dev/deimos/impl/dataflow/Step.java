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
