package dev.deimos.impl.depot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDepotLogSharedValuesTest {
  @Test
  void sharedValuesLineUpWithOffsets_nullWhereNothingWasShared() {
    MemoryDepotLog log = new MemoryDepotLog(2);
    for (int i = 0; i < 40; i++) {
      // every third record is appended without a shared value (it must be decoded)
      log.appendNow(1, new byte[] {(byte) i}, i % 3 == 0 ? null : "v" + i, null);
    }
    log.appendNow(0, new byte[] {1}, null);
    Object[] vals = log.sharedValues(1, 10, 30);
    assertThat(vals).hasSize(20);
    for (int i = 10; i < 30; i++) {
      assertThat(vals[i - 10]).isEqualTo(i % 3 == 0 ? null : "v" + i);
    }
    List<byte[]> bytes = log.read(1, 10, 30).join();
    assertThat(bytes.get(5)[0]).isEqualTo((byte) 15);
    // a range without any shared value
    assertThat(log.sharedValues(0, 0, 1)).isNull();
    assertThat(log.sharedValues(1, 3, 4)).isNull();
  }
}
