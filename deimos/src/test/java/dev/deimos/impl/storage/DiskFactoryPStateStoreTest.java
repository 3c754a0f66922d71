package dev.deimos.impl.storage;

import dev.deimos.impl.pstate.MigratableStore;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.PStateStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PState store contract over the stores the disk factory opens: column families of task
 * databases, commits held in memory until a progress commit.
 */
class DiskFactoryPStateStoreTest extends PStateStoreContract {
  @TempDir java.nio.file.Path dir;
  private DiskStorageFactory factory;
  private int task;

  @Override
  protected PStateStore open(PStateDeclaration d) {
    if (factory == null) {
      factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    }
    return factory.openPStateStore("contract", task++, d);
  }

  @Override
  protected PStateStore reopenWith(PStateStore s, PStateDeclaration d) {
    // a module update migrates the partition over the same column family
    PStateStore next = MigratableStore.of(s).migrateTo(d);
    s.close();
    return next;
  }

  @AfterEach
  void closeFactory() {
    if (factory != null) {
      factory.close();
    }
  }
}
