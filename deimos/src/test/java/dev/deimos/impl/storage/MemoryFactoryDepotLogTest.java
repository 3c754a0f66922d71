package dev.deimos.impl.storage;

import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.DepotLogContractTest;

/**
 * The depot log contract over the logs the memory factory opens (a template for other factories).
 */
class MemoryFactoryDepotLogTest extends DepotLogContractTest {
  private int n;

  @Override
  protected DepotLog create(int partitions) {
    return MemoryStorageFactory.INSTANCE.openDepotLog("contract", "*depot" + n++, partitions);
  }
}
