package dev.deimos.impl.storage;

/** The progress store contract over the stores the memory factory opens. */
class MemoryFactoryProgressStoreTest extends ProgressStoreContract {
  private int task;

  @Override
  protected ProgressStore create() {
    return MemoryStorageFactory.INSTANCE.openProgressStore("contract", task++);
  }
}
