package dev.deimos.impl.runtime;

import java.util.function.LongSupplier;

/**
 * Where the engine reports what it does, for telemetry: the server implements it over Micrometer,
 * so the engine depends on no metrics library. The engine asks for one meter per depot, topology
 * and PState when it builds them and calls the meter where the work happens; {@link #NONE} (the
 * default) hands out meters whose methods do nothing, and the engine then skips even reading the
 * clock for them.
 */
public interface EngineMetrics {
  /** Reports nothing. */
  EngineMetrics NONE = new EngineMetrics() {};

  /**
   * The meter of a depot.
   *
   * @param module the module name
   * @param depot the depot var
   * @param records the number of records the depot holds now, over all partitions
   * @return its meter
   */
  default DepotMeter depot(String module, String depot, LongSupplier records) {
    return DepotMeter.NONE;
  }

  /**
   * The meter of a topology.
   *
   * @param module the module name
   * @param topology the topology name
   * @param kind {@code stream} or {@code microbatch}
   * @return its meter
   */
  default TopologyMeter topology(String module, String topology, String kind) {
    return TopologyMeter.NONE;
  }

  /**
   * The meter of a PState (one for all its partitions).
   *
   * @param module the module name
   * @param pstate the PState var
   * @return its meter
   */
  default PStateMeter pstate(String module, String pstate) {
    return PStateMeter.NONE;
  }

  /** Counts a depot's appends. */
  interface DepotMeter {
    /** Does nothing. */
    DepotMeter NONE = new DepotMeter() {};

    /**
     * One record appended (by a client or a topology).
     *
     * @param bytes its serialized size
     */
    default void appended(int bytes) {}
  }

  /** Counts a topology's records, failures, retries and microbatch attempts. */
  interface TopologyMeter {
    /** Does nothing. */
    TopologyMeter NONE = new TopologyMeter() {};

    /**
     * A stream record finished successfully.
     *
     * @param nanos from its append (or first start) to its end, retries included
     */
    default void recordProcessed(long nanos) {}

    /** A stream record attempt failed and will be retried. */
    default void recordRetried() {}

    /** A stream record failed for good (no retry left). */
    default void recordFailed() {}

    /**
     * A microbatch attempt ended.
     *
     * @param ok whether it committed
     * @param records the depot records it processed (0 when it failed)
     * @param nanos how long it ran
     */
    default void microbatchAttempt(boolean ok, long records, long nanos) {}
  }

  /** Counts a PState's writes. */
  interface PStateMeter {
    /** Does nothing. */
    PStateMeter NONE = new PStateMeter() {};

    /** One transform (or aggregation write) applied to a partition. */
    default void written() {}
  }
}
