package dev.deimos.impl.dataflow;

/**
 * What a running plan needs from the place it runs in. {@link #LOCAL} is {@code Block.execute()}:
 * one thread, partitioners continue in place. The task runtime supplies its own context so that
 * partitioner hops become messages to other tasks and {@code $$} vars resolve to the partition
 * owned by the current task.
 */
public interface ExecutionContext {
  /** Local execution in the calling thread. */
  ExecutionContext LOCAL = new ExecutionContext() {};
}
