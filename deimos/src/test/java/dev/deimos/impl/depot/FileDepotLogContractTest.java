package dev.deimos.impl.depot;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on small segments, a small index interval and a tiny cache, so disk paths run. */
class FileDepotLogContractTest extends DepotLogContractTest {
  @TempDir Path dir;
  private int n;

  @Override
  protected DepotLog create(int partitions) throws Exception {
    return FileDepotLog.open(
        "contract",
        dir.resolve("log" + n++),
        partitions,
        FileDepotLogOptions.defaults()
            .withSegmentBytes(2048)
            .withIndexIntervalBytes(100)
            .withCache(4, 1 << 20)
            .withWriteBufferBytes(256));
  }
}
