package dev.deimos.impl.storage;

/** The progress contract on the memory store; it keeps nothing past close, so reopen is skipped. */
class MemoryProgressStoreTest extends ProgressStoreContract {
  @Override
  protected ProgressStore create() {
    return new MemoryProgressStore();
  }
}
