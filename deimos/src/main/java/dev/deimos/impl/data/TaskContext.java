package dev.deimos.impl.data;

/**
 * What the event running on the current thread knows about where it runs: its task, microbatch,
 * topology type and module instance.
 *
 * <p>The dataflow executor {@link #enter enters} a context around each event it runs; {@code
 * Ops.CURRENT_TASK_ID} and its siblings read it through {@link #current()}. Outside any entered
 * context (locally executed blocks, unit tests) {@link #LOCAL} applies: task 0, no microbatch, no
 * topology. Contexts are per thread and nest: closing a scope restores the previous one.
 */
public interface TaskContext {
  /** The context of code that runs outside a module: task 0, no microbatch, no topology. */
  TaskContext LOCAL = of(0, null, null, null);

  /**
   * Returns the id of the task the current event runs on.
   *
   * @return the task id, 0 outside a module
   */
  int taskId();

  /**
   * Returns the id of the current microbatch attempt.
   *
   * @return the microbatch id, the same across retries of one microbatch
   * @throws IllegalStateException if the current event is not part of a microbatch
   */
  long microbatchId();

  /**
   * Returns the kind of topology running the current event.
   *
   * @return "stream", "microbatch" or "query", or null outside a topology
   */
  String topologyType();

  /**
   * Returns the description of the running module instance.
   *
   * @return the module instance info object, or null outside a module
   */
  Object moduleInstanceInfo();

  /**
   * Creates a context with fixed values.
   *
   * @param taskId the task id
   * @param microbatchId the microbatch id, or null when not in a microbatch
   * @param topologyType "stream", "microbatch", "query" or null
   * @param moduleInstanceInfo module instance info, or null
   * @return an immutable context
   */
  static TaskContext of(
      int taskId, Long microbatchId, String topologyType, Object moduleInstanceInfo) {
    return new FixedTaskContext(taskId, microbatchId, topologyType, moduleInstanceInfo);
  }

  /**
   * Returns the context of the current thread.
   *
   * @return the innermost entered context, or {@link #LOCAL}
   */
  static TaskContext current() {
    TaskContext c = FixedTaskContext.CURRENT.get();
    return c == null ? LOCAL : c;
  }

  /**
   * Makes {@code context} the current thread's context until the returned scope is closed.
   *
   * @param context the context to enter
   * @return a scope whose {@code close()} restores the context that was current before
   */
  static Scope enter(TaskContext context) {
    if (context == null) {
      throw new IllegalArgumentException("cannot enter a null TaskContext");
    }
    TaskContext previous = FixedTaskContext.CURRENT.get();
    FixedTaskContext.CURRENT.set(context);
    return previous == null ? FixedTaskContext.CLEAR : () -> FixedTaskContext.CURRENT.set(previous);
  }

  /** An entered context; closing it restores the previous one. Close it on the same thread. */
  @FunctionalInterface
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
