package dev.deimos.impl.storage;

import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The progress store contract over the RocksDB stores the disk factory opens, one per task. */
class DiskFactoryProgressStoreTest extends ProgressStoreContract {
  @TempDir java.nio.file.Path dir;
  private DiskStorageFactory factory;
  private final Map<ProgressStore, Integer> tasks = new IdentityHashMap<>();
  private int task;

  private DiskStorageFactory factory() {
    if (factory == null) {
      factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    }
    return factory;
  }

  @Override
  protected ProgressStore create() {
    int t = task++;
    ProgressStore s = factory().openProgressStore("contract", t);
    tasks.put(s, t);
    return s;
  }

  @Override
  protected ProgressStore reopen(ProgressStore store) {
    int t = tasks.get(store);
    store.close();
    factory.close();
    factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    ProgressStore s = factory.openProgressStore("contract", t);
    tasks.put(s, t);
    return s;
  }

  @Override
  protected int concurrentRounds() {
    // each batch is one synced RocksDB write
    return 300;
  }

  @AfterEach
  void closeFactory() {
    if (factory != null) {
      factory.close();
    }
  }
}
