package dev.deimos.impl.dataflow;

import dev.deimos.ops.OutputCollector;

/**
 * The value a microbatch topology's source binds: the records of one depot in the running
 * microbatch, per task. {@code explodeMicrobatch} hops to every task that {@link #hasRecords has
 * records} and there {@link #emit emits} them in append order. Implemented by the runtime.
 */
public interface MicrobatchRecords {
  /**
   * Returns whether the depot partition on {@code task} has records in this microbatch.
   *
   * @param task a task id
   * @return true if {@link #emit} would emit something there
   */
  boolean hasRecords(int task);

  /**
   * Emits, one by one and in append order, the records of the depot partition on {@code task}.
   *
   * @param task the current task
   * @param out receives each record as one value
   */
  void emit(int task, OutputCollector out);
}
