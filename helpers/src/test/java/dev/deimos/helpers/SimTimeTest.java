package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimTimeTest {

  @Test
  void currentTimeMillis_noSimTime_isRealTime() {
    long before = System.currentTimeMillis();
    long t = TopologyUtils.currentTimeMillis();
    assertThat(t).isBetween(before, System.currentTimeMillis());
  }

  @Test
  void startSimTime_advance_movesOnlyWhenAdvanced() throws Exception {
    try (Closeable c = TopologyUtils.startSimTime()) {
      assertThat(TopologyUtils.currentTimeMillis()).isZero();
      TopologyUtils.advanceSimTime(1500);
      TopologyUtils.advanceSimTime(20);
      assertThat(TopologyUtils.currentTimeMillis()).isEqualTo(1520L);
    }
    assertThat(TopologyUtils.currentTimeMillis()).isGreaterThan(1_000_000_000_000L);
  }

  @Test
  void advanceSimTime_notStarted_throws() {
    assertThatThrownBy(() -> TopologyUtils.advanceSimTime(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("startSimTime");
  }

  @Test
  void close_twice_secondCloseDoesNotEndNewerSimTime() throws Exception {
    Closeable first = TopologyUtils.startSimTime();
    first.close();
    try (Closeable second = TopologyUtils.startSimTime()) {
      first.close();
      TopologyUtils.advanceSimTime(3);
      assertThat(TopologyUtils.currentTimeMillis()).isEqualTo(3L);
    }
  }

  @Test
  void advanceSimTime_concurrentThreads_noUpdateLost() throws Exception {
    try (Closeable c = TopologyUtils.startSimTime()) {
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread t =
            new Thread(
                () -> {
                  for (int j = 0; j < 10_000; j++) {
                    TopologyUtils.advanceSimTime(1);
                  }
                });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(TopologyUtils.currentTimeMillis()).isEqualTo(40_000L);
    }
  }
}
