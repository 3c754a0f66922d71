package dev.deimos.impl.storage;

import org.junit.jupiter.api.io.TempDir;

/** The factory contract on disk; a restart closes the factory and opens the directory again. */
class DiskStorageFactoryContractTest extends StorageFactoryContract {
  @TempDir java.nio.file.Path dir;
  private int made;

  @Override
  protected StorageFactory create() {
    return new DiskStorageFactory(dir.resolve("data-" + made++), DiskStorageOptions.defaults());
  }

  @Override
  protected StorageFactory restart(StorageFactory factory) {
    DiskStorageFactory f = (DiskStorageFactory) factory;
    f.close();
    return new DiskStorageFactory(f.directory(), DiskStorageOptions.defaults());
  }

  @Override
  protected void release(StorageFactory factory) {
    factory.close();
  }
}
