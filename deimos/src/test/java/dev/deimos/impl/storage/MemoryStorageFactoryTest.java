package dev.deimos.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The factory contract on the memory factory; it keeps nothing, so the restart cases skip. */
class MemoryStorageFactoryTest extends StorageFactoryContract {
  @Override
  protected StorageFactory create() {
    return MemoryStorageFactory.INSTANCE;
  }

  @Test
  void reopen_afterCloseModule_isEmpty() {
    StorageFactory f = MemoryStorageFactory.INSTANCE;
    depot(f, "m", "*d", 1).append(0, bytes("x")).join();
    put(pstate(f, "m", 0, "$$p"), "k", 1L);
    f.closeModule("m");
    assertThat(depot(f, "m", "*d", 1).endOffset(0).join()).isZero();
    assertThat(get(pstate(f, "m", 0, "$$p"), "k")).isNull();
  }
}
