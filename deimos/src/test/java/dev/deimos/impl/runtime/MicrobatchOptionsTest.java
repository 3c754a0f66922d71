package dev.deimos.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.impl.depot.MemoryDepotLog;
import dev.deimos.module.MicrobatchSourceOptions;
import dev.deimos.module.OffsetAgo;
import org.junit.jupiter.api.Test;

/** Where a new microbatch subscription starts on a depot partition that already holds records. */
class MicrobatchOptionsTest {
  private static MicrobatchOptions opts(MicrobatchSourceOptions o) {
    return (MicrobatchOptions) o;
  }

  @Test
  void startPositions() throws Exception {
    MemoryDepotLog log = new MemoryDepotLog(2);
    for (int i = 0; i < 10; i++) {
      log.append(0, new byte[] {(byte) i});
    }
    Thread.sleep(20);
    long mid = System.currentTimeMillis();
    Thread.sleep(20);
    for (int i = 0; i < 5; i++) {
      log.append(0, new byte[] {(byte) i});
    }
    long now = System.currentTimeMillis();
    assertThat(opts(MicrobatchSourceOptions.create()).startOffset(log, 0, now)).isEqualTo(15);
    assertThat(opts(MicrobatchSourceOptions.startFromBeginning()).startOffset(log, 0, now))
        .isZero();
    assertThat(
            opts(MicrobatchSourceOptions.startFromOffsetAgo(4, OffsetAgo.RECORDS))
                .startOffset(log, 0, now))
        .isEqualTo(11);
    assertThat(
            opts(MicrobatchSourceOptions.startFromOffsetAgo(100, OffsetAgo.RECORDS))
                .startOffset(log, 0, now))
        .isZero();
    assertThat(
            opts(MicrobatchSourceOptions.startFromOffsetAfterTimestamp(mid))
                .startOffset(log, 0, now))
        .isEqualTo(10);
    assertThat(
            opts(MicrobatchSourceOptions.startFromOffsetAgo(1, OffsetAgo.DAYS))
                .startOffset(log, 0, now))
        .isZero();
    assertThat(
            opts(MicrobatchSourceOptions.startFromOffsetAgo(1, OffsetAgo.HOURS))
                .startOffset(log, 0, now + 7_200_000L))
        .isEqualTo(15);
    // an empty partition starts at 0 whatever the option
    assertThat(
            opts(MicrobatchSourceOptions.startFromOffsetAgo(3, OffsetAgo.RECORDS))
                .startOffset(log, 1, now))
        .isZero();
    assertThatThrownBy(() -> MicrobatchSourceOptions.startFromOffsetAgo(-1, OffsetAgo.RECORDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.read(0, 9, 11).join()).hasSize(2);
    assertThatThrownBy(() -> log.read(0, 9, 16).join()).hasMessageContaining("end offset is 15");
  }
}
