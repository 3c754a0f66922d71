package dev.deimos.impl.data;

/** Immutable {@link TaskContext}; also holds the per-thread current context. */
final class FixedTaskContext implements TaskContext {
  static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();
  // set(null) rather than remove(): task threads enter a context per event, and after remove() the
  // next set() allocates a new thread-local entry (TaskContext.current() reads null as LOCAL)
  static final TaskContext.Scope CLEAR = () -> CURRENT.set(null);

  private final int taskId;
  private final Long microbatchId;
  private final String topologyType;
  private final Object moduleInstanceInfo;

  FixedTaskContext(int taskId, Long microbatchId, String topologyType, Object moduleInstanceInfo) {
    this.taskId = taskId;
    this.microbatchId = microbatchId;
    this.topologyType = topologyType;
    this.moduleInstanceInfo = moduleInstanceInfo;
  }

  @Override
  public int taskId() {
    return taskId;
  }

  @Override
  public long microbatchId() {
    if (microbatchId == null) {
      throw new IllegalStateException(
          "Ops.CURRENT_MICROBATCH_ID was called outside a microbatch (task "
              + taskId
              + ", topology type "
              + topologyType
              + ")");
    }
    return microbatchId;
  }

  @Override
  public String topologyType() {
    return topologyType;
  }

  @Override
  public Object moduleInstanceInfo() {
    return moduleInstanceInfo;
  }

  @Override
  public String toString() {
    return "TaskContext[task "
        + taskId
        + ", microbatch "
        + microbatchId
        + ", topology "
        + topologyType
        + "]";
  }
}
