package dev.deimos.impl.storage;

import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;

/**
 * Where a module's data lives: the cluster's configuration picks one factory, and every module
 * runtime asks it for its depot logs, PState stores and progress stores instead of building
 * concrete stores itself. Implementations: {@link MemoryStorageFactory} (the default of the
 * in-process cluster) and {@link DiskStorageFactory} (a data directory: depot logs on disk, PStates
 * and progress in RocksDB).
 *
 * <p>Calls come from the thread launching, updating or destroying a module, never from a task
 * thread, so an implementation may block while opening files. Every method names its module, so one
 * factory serves the whole cluster.
 */
public interface StorageFactory extends AutoCloseable {
  /**
   * Whether the data outlives the process (a reopened factory over the same place finds it), so the
   * runtime resumes modules from their progress; false for memory.
   *
   * @return whether the storage is durable
   */
  default boolean durable() {
    return false;
  }

  /** Releases what the factory holds (files, locks) after its modules closed. Idempotent. */
  @Override
  default void close() {}

  /**
   * Opens (creating if absent) the log of one depot of a module.
   *
   * @param module the module's name
   * @param depotVar the depot's var, such as {@code "*depot"}
   * @param partitions its number of partitions (1 for global and tick depots)
   * @return the log; the runtime closes it through {@link #closeModule} or {@link DepotLog#close}
   */
  DepotLog openDepotLog(String module, String depotVar, int partitions);

  /**
   * Opens (creating if absent) one task's partition of one PState.
   *
   * @param module the module's name
   * @param task the task id
   * @param declaration the PState's declaration (name, schema, options)
   * @return the store, used only by that task's thread and client reads
   */
  PStateStore openPStateStore(String module, int task, PStateDeclaration declaration);

  /**
   * Opens (creating if absent) the progress store of one task. PState commits of that task become
   * durable together with the next {@link ProgressStore.Batch#commit} of this store (see {@link
   * ProgressStore}).
   *
   * @param module the module's name
   * @param task the task id
   * @return the task's progress store
   */
  ProgressStore openProgressStore(String module, int task);

  /**
   * The module stopped (cluster close): releases what the factory holds for it, keeping its data
   * where the factory is durable.
   *
   * @param module the module's name
   */
  void closeModule(String module);

  /**
   * The module was destroyed: drops all of its data.
   *
   * @param module the module's name
   */
  void destroyModule(String module);
}
