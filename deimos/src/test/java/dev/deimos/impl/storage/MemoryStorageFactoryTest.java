package dev.deimos.impl.storage;

/** The storage contract over memory. */
class MemoryStorageFactoryTest extends StorageFactoryContract {
  @Override
  protected StorageFactory factory() {
    return MemoryStorageFactory.INSTANCE;
  }

  @Override
  protected boolean expectDurable() {
    return false;
  }
}
