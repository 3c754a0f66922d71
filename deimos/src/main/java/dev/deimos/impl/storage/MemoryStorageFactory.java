package dev.deimos.impl.storage;

import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.MemoryDepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;

/**
 * Keeps everything in memory: each open call returns a new, empty store, whose data lives as long
 * as the module runtime holding it. The default of the in-process cluster.
 */
public final class MemoryStorageFactory implements StorageFactory {
  /** The shared instance: it holds no state. */
  public static final MemoryStorageFactory INSTANCE = new MemoryStorageFactory();

  private MemoryStorageFactory() {}

  @Override
  public DepotLog openDepotLog(String module, String depotVar, int partitions) {
    return new MemoryDepotLog(partitions);
  }

  @Override
  public PStateStore openPStateStore(String module, int task, PStateDeclaration declaration) {
    return new MemoryPStateStore(declaration);
  }

  @Override
  public ProgressStore openProgressStore(String module, int task) {
    return new MemoryProgressStore();
  }

  @Override
  public void closeModule(String module) {
    // nothing is held beyond the runtime's own objects
  }

  @Override
  public void destroyModule(String module) {
    // the data goes with the runtime's objects
  }
}
