package dev.deimos;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Facts about one running instance of a module, as seen from code running on its tasks ({@code
 * Ops.MODULE_INSTANCE_INFO}) or from a task global's preparation. Immutable.
 */
public final class ModuleInstanceInfo implements DeimosSerializable {
  private static final long serialVersionUID = 1L;

  private final String moduleName;
  private final String moduleInstanceId;
  private final int numTasks;
  private final int replicationFactor;
  private final String supervisorId;
  private final int port;
  private final Set<Integer> taskThreadIds;

  /**
   * Creates the info.
   *
   * @param moduleName the module name
   * @param moduleInstanceId the id of this launch of the module
   * @param numTasks the number of tasks
   * @param replicationFactor copies of each task (1 in process)
   * @param supervisorId the machine process hosting the tasks
   * @param port the worker port (0 in process)
   * @param taskThreadIds ids of the module's task threads
   */
  public ModuleInstanceInfo(
      String moduleName,
      String moduleInstanceId,
      int numTasks,
      int replicationFactor,
      String supervisorId,
      int port,
      Set<Integer> taskThreadIds) {
    this.moduleName = moduleName;
    this.moduleInstanceId = moduleInstanceId;
    this.numTasks = numTasks;
    this.replicationFactor = replicationFactor;
    this.supervisorId = supervisorId;
    this.port = port;
    this.taskThreadIds = Collections.unmodifiableSet(new LinkedHashSet<>(taskThreadIds));
  }

  /**
   * Returns the module name.
   *
   * @return the name
   */
  public String getModuleName() {
    return moduleName;
  }

  /**
   * Returns the id of this launch.
   *
   * @return the instance id
   */
  public String getModuleInstanceId() {
    return moduleInstanceId;
  }

  /**
   * Returns the number of tasks.
   *
   * @return tasks
   */
  public int getNumTasks() {
    return numTasks;
  }

  /**
   * Returns the replication factor.
   *
   * @return copies per task
   */
  public int getReplicationFactor() {
    return replicationFactor;
  }

  /**
   * Returns the supervisor id.
   *
   * @return the id
   */
  public String getSupervisorId() {
    return supervisorId;
  }

  /**
   * Returns the worker port.
   *
   * @return the port
   */
  public int getPort() {
    return port;
  }

  /**
   * Returns the ids of the task threads.
   *
   * @return thread ids
   */
  public Set<Integer> getTaskThreadIds() {
    return taskThreadIds;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModuleInstanceInfo)) {
      return false;
    }
    ModuleInstanceInfo m = (ModuleInstanceInfo) o;
    return moduleName.equals(m.moduleName)
        && moduleInstanceId.equals(m.moduleInstanceId)
        && numTasks == m.numTasks
        && replicationFactor == m.replicationFactor
        && Objects.equals(supervisorId, m.supervisorId)
        && port == m.port
        && taskThreadIds.equals(m.taskThreadIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(moduleName, moduleInstanceId, numTasks);
  }

  @Override
  public String toString() {
    return "ModuleInstanceInfo[" + moduleName + ", " + moduleInstanceId + ", " + numTasks + "]";
  }
}
