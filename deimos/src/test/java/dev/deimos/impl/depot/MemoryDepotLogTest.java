package dev.deimos.impl.depot;

class MemoryDepotLogTest extends DepotLogContractTest {
  @Override
  protected DepotLog create(int partitions) {
    return new MemoryDepotLog(partitions);
  }
}
