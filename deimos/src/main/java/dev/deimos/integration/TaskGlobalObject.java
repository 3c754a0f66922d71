package dev.deimos.integration;

import dev.deimos.DeimosSerializable;
import java.io.Closeable;

/**
 * An object declared with {@code Setup.declareObject} that specializes itself per task. The
 * declared object is copied with Java serialization for every task, and each copy is prepared with
 * {@link #prepareForTask} before the task runs any event; dataflow code reading the var sees the
 * copy of the task it runs on. {@link #close()} is called when the module stops, so release
 * connections and threads there.
 */
public interface TaskGlobalObject extends Closeable, DeimosSerializable {
  /**
   * Prepares this copy for its task.
   *
   * @param taskId the task the copy belongs to
   * @param context information about the task and module
   */
  void prepareForTask(int taskId, TaskGlobalContext context);

  /** Called when the copy's task gains leadership; in process, right after preparation. */
  default void gainedLeadership() {}
}
