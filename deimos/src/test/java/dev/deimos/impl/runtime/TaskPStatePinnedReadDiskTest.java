package dev.deimos.impl.runtime;

import dev.deimos.impl.storage.DiskStorageFactory;
import dev.deimos.impl.storage.DiskStorageOptions;
import dev.deimos.impl.storage.StorageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;

/**
 * The pinned-read protocol of a microbatch task on RocksDB-backed PStates: staged attempt, commit
 * keeping previous values, reads behind them, and the progress commit after each microbatch.
 */
class TaskPStatePinnedReadDiskTest extends TaskPStatePinnedReadTest {
  // made before the fields of the superclass use it (storage() runs in its constructor)
  private DiskStorageFactory disk;

  @Override
  StorageFactory storage() {
    if (disk == null) {
      try {
        disk =
            new DiskStorageFactory(
                Files.createTempDirectory("pinned-read"), DiskStorageOptions.defaults());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return disk;
  }

  @AfterEach
  void closeDisk() throws IOException {
    disk.close();
    try (java.util.stream.Stream<java.nio.file.Path> s = Files.walk(disk.directory())) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
