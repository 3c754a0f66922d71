package dev.deimos.impl.storage;

/** The commit group cases over memory. */
class MemoryCommitGroupTest extends CommitGroupContract {
  @Override
  protected StorageFactory factory() {
    return MemoryStorageFactory.INSTANCE;
  }

  @Override
  protected boolean expectDurable() {
    return false;
  }
}
