package dev.deimos.integration;

import dev.deimos.ModuleInstanceInfo;
import dev.deimos.cluster.ClusterManagerBase;
import java.util.Set;

/** What {@link TaskGlobalObject#prepareForTask} learns about where its copy lives. */
public interface TaskGlobalContext {
  /**
   * Returns the replica of the task; always 0 in process.
   *
   * @return the replica id
   */
  int getReplicaId();

  /**
   * Returns facts about the module instance.
   *
   * @return the module instance info
   */
  ModuleInstanceInfo getModuleInstanceInfo();

  /**
   * Returns the ids of all tasks sharing this task's thread.
   *
   * @return task ids
   */
  Set<Integer> getTaskGroup();

  /**
   * Returns the var the object was declared under.
   *
   * @return the var, e.g. {@code *client}
   */
  String getVarName();

  /**
   * Returns a cluster client for reaching other modules (prefer mirrors where possible).
   *
   * @return the cluster
   */
  ClusterManagerBase getClusterRetriever();
}
