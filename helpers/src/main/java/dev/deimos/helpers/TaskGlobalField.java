package dev.deimos.helpers;

import dev.deimos.integration.TaskGlobalContext;
import dev.deimos.integration.TaskGlobalObject;

/**
 * A task global holding one mutable value per task: declare it with {@code
 * setup.declareObject("*var", new TaskGlobalField(initial))} and every task gets its own copy,
 * whose {@link #field} topology code may read and replace. The value is in memory only: it is not
 * replicated or persisted, and starts again from the initial value when the module is launched.
 *
 * <p>Only the task thread touches its copy, so no synchronization is needed. The initial value is
 * copied with Java serialization, so it must be {@code Serializable}.
 */
public class TaskGlobalField implements TaskGlobalObject {
  private static final long serialVersionUID = 1L;

  /** The value of this task's copy. */
  public Object field;

  /**
   * Creates the field.
   *
   * @param init the initial value of every task's copy
   */
  public TaskGlobalField(Object init) {
    this.field = init;
  }

  @Override
  public void prepareForTask(int taskId, TaskGlobalContext context) {}

  @Override
  public void close() {}
}
