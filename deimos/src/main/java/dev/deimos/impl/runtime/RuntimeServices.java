package dev.deimos.impl.runtime;

import dev.deimos.impl.storage.StorageFactory;

/**
 * What a cluster injects into every module runtime: where data lives, what time it is and who runs
 * delayed work. The runtime creates none of these itself.
 */
public final class RuntimeServices {
  private final StorageFactory storage;
  private final Clock clock;
  private final Scheduler scheduler;
  private final EngineMetrics metrics;

  /**
   * Bundles the services.
   *
   * @param storage the storage factory
   * @param clock the clock
   * @param scheduler the scheduler, owned (and closed) by the caller
   */
  public RuntimeServices(StorageFactory storage, Clock clock, Scheduler scheduler) {
    this(storage, clock, scheduler, EngineMetrics.NONE);
  }

  /**
   * Bundles the services with a telemetry sink.
   *
   * @param storage the storage factory
   * @param clock the clock
   * @param scheduler the scheduler, owned (and closed) by the caller
   * @param metrics where the engine reports its work ({@link EngineMetrics#NONE} for nowhere)
   */
  public RuntimeServices(
      StorageFactory storage, Clock clock, Scheduler scheduler, EngineMetrics metrics) {
    this.metrics = metrics == null ? EngineMetrics.NONE : metrics;
    if (storage == null || clock == null || scheduler == null) {
      throw new IllegalArgumentException("runtime services need a storage, clock and scheduler");
    }
    this.storage = storage;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /** Returns the storage factory. */
  public StorageFactory storage() {
    return storage;
  }

  /**
   * Returns whether the storage outlives the cluster ({@link StorageFactory#durable()}): then the
   * runtime checkpoints stream progress and recovers at launch.
   */
  public boolean durable() {
    return storage.durable();
  }

  /** Returns the clock. */
  public Clock clock() {
    return clock;
  }

  /** Returns where the engine reports its work. */
  public EngineMetrics metrics() {
    return metrics;
  }

  /** Returns the scheduler. */
  public Scheduler scheduler() {
    return scheduler;
  }
}
