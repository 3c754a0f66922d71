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
    /**
     * Declares a tick depot: it cannot be appended to, and every {@code frequencyMillis} it emits
     * one record (null) on task 0 to the stream topologies that source it. Use {@code
     * allPartition()} after the source to run work on every task.
     *
     * @param var the depot var, starting with {@code *}
     * @param frequencyMillis the period, positive
     */
    void declareTickDepot(String var, long frequencyMillis);

    void declareObject(String var, Object obj);

    /**
     * Declares a mirror of another deployed module's depot: topologies of this module may append to
     * it with {@code depotPartitionAppend(var, data)} (partitioned as a client append would be),
     * and stream and microbatch topologies may read it with {@code source(var)} like a depot of
     * their own (the records stay in the other module; its appends never wait for this module).
     * While this module depends on the other one, the other one cannot be destroyed.
     *
     * @param var the local var, starting with {@code *}
     * @param moduleName the other module
     * @param depotName its depot var
     */
    void clusterDepot(String var, String moduleName, String depotName);

    /**
     * Declares a mirror of another deployed module's PState: topologies of this module read it with
     * {@code select(var, path)} (or {@code localSelect}); it cannot be written.
     *
     * @param var the local var, starting with {@code $$}
     * @param moduleName the other module
     * @param pstateName its PState var
     */
    void clusterPState(String var, String moduleName, String pstateName);

    /**
     * Declares a mirror of another deployed module's query topology, invoked with {@code
     * invokeQuery(var, args...)}.
     *
     * @param var the local var, starting with {@code *}
     * @param moduleName the other module
     * @param queryTopologyName its query topology
     */
    void clusterQuery(String var, String moduleName, String queryTopologyName);

    /**
     * Sets a module option at launch. Deimos uses {@code topology.query.timeout.millis} (how long a
     * query invocation may run before it fails with a timeout; 30000 by default) and {@code
     * depot.microbatch.max.records} (the most records a microbatch takes from one depot partition;
     * 100000 by default), and accepts other names without effect.
     *
     * @param option the option name
     * @param value its value
     */
    void setLaunchModuleDynamicOption(String option, Object value);
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

    /**
     * Declares a microbatch topology: records accumulated on its depots are processed in rounds,
     * each an exactly-once transaction over all tasks. Bind the source's microbatch with {@code
     * source("*depot").out("*mb")} and emit its records with {@code explodeMicrobatch("*mb")}.
     *
     * @param name the topology name, unique in the module
     * @return the topology builder
     */
    dev.deimos.module.MicrobatchTopology microbatch(String name);

    /**
     * Declares a query topology: an on-demand computation taking the given input vars and returning
     * one value. Bind the result var at once with {@code .out("*result")}, then build the body: it
     * is implicitly one batch block, starts on a task chosen for the invocation and must return
     * with {@code originPartition()} (its last partitioner) before the result is bound. The body
     * may use the temporary PState {@code $$<name>$$}, private to each invocation.
     *
     * @param name the topology name, unique in the module
     * @param inputVars the input vars, each starting with {@code *}
     * @return a chain whose {@code out} binds the result var and returns the body to build on
     */
    Block.Out query(String name, String... inputVars);
  }
}
