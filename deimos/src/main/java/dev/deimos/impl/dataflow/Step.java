package dev.deimos.impl.dataflow;

/** One compiled node; {@code next} links are fixed once compilation finishes. */
final class Step {
  final Node node;
  final Arg[] args;
  final int[] outSlots;

  /** For localSelect/localTransform: the block's var-to-slot map, else null. */
  java.util.Map<String, Integer> slotOf;

  /** Continuation after this step, built on first use by {@link Resume#of}. */
  volatile Resume resume;

  Step next;
  Step then;
  Step otherwise;

  Step(Node node, Arg[] args, int[] outSlots) {
    this.node = node;
    this.args = args;
    this.outSlots = outSlots;
  }
}
