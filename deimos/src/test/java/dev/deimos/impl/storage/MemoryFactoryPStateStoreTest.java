package dev.deimos.impl.storage;

import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.PStateStoreContract;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;

/** The PState store contract over the stores the memory factory opens. */
class MemoryFactoryPStateStoreTest extends PStateStoreContract {
  private int task;

  @Override
  protected PStateStore open(PStateDeclaration d) {
    return MemoryStorageFactory.INSTANCE.openPStateStore("contract", task++, d);
  }

  @Override
  protected PStateStore reopenWith(PStateStore s, PStateDeclaration d) {
    // a memory store keeps its data only in the object, so a module update migrates it in place
    return ((MemoryPStateStore) s).migrateTo(d);
  }
}
