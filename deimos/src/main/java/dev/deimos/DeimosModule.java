package dev.deimos;

import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.module.StreamTopology;

/**
 * A module: depots, topologies and PStates deployed together. The cluster calls {@link #define} on
 * the very instance given to {@code launchModule}, so fields set before launching are visible.
 */
public interface DeimosModule {

  /**
   * Declares the module's depots, objects and topologies.
   *
   * @param setup declares depots and task globals
   * @param topologies declares topologies
   */
  void define(Setup setup, Topologies topologies);

  /**
   * Returns the module's name; clients find the module under it.
   *
   * @return the class name by default
   */
  default String getModuleName() {
    return getClass().getName();
  }

  /** Declarations that are not topologies. Used only during {@link #define}. */
  interface Setup {
    /**
     * Declares a depot.
     *
     * @param var the depot var, starting with {@code *}
     * @param partitioning a scheme from {@link Depot#hashBy}, {@link Depot#random()} or {@link
     *     Depot#disallow()}
     * @return options of the depot
     */
    Depot.Declaration declareDepot(String var, NativeDepotPartitioning partitioning);

    /**
     * Declares a depot partitioned by a custom {@link Depot.Partitioning} class.
     *
     * @param var the depot var
     * @param partitioner the partitioner class, with a no-argument constructor
     * @param <T> the partitioner type
     * @return options of the depot
     */
    <T extends Depot.Partitioning<?>> Depot.Declaration declareDepot(
        String var, Class<T> partitioner);

    /**
     * Declares a task global: {@code obj} is copied (Java serialization) for every task and bound
     * to {@code var} in every topology, each task seeing its own copy. A {@link
     * dev.deimos.integration.TaskGlobalObject} is also prepared per task and closed when the module
     * stops.
     *
     * @param var the var, starting with {@code *}
     * @param obj a serializable object
     * @throws IllegalArgumentException if {@code obj} cannot be serialized
     */
    void declareObject(String var, Object obj);
  }

  /** Declares the module's topologies. Used only during {@link #define}. */
  interface Topologies {
    /**
     * Declares a stream topology: each depot record is processed soon after it is appended.
     *
     * @param name the topology name, unique in the module
     * @return the topology builder
     */
    StreamTopology stream(String name);
  }
}
