package dev.deimos.impl.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SPI's default methods never wait in the caller for reads that complete later. */
class DepotLogDefaultsTest {
  /** A log whose single reads stay pending until {@link #release} completes them. */
  private static final class SlowLog implements DepotLog {
    final List<CompletableFuture<byte[]>> pending = new ArrayList<>();

    @Override
    public int numPartitions() {
      return 1;
    }

    @Override
    public CompletableFuture<Long> append(int partition, byte[] record) {
      throw new UnsupportedOperationException();
    }

    @Override
    public synchronized CompletableFuture<byte[]> read(int partition, long offset) {
      CompletableFuture<byte[]> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }

    @Override
    public CompletableFuture<Long> endOffset(int partition) {
      return CompletableFuture.completedFuture(3L);
    }

    @Override
    public void close() {}

    synchronized void release() {
      for (int i = 0; i < pending.size(); i++) {
        pending.get(i).complete(("r" + i).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void rangeRead_returnsAtOnce_andCompletesInOrderWhenTheReadsDo() throws Exception {
    SlowLog log = new SlowLog();
    CompletableFuture<List<byte[]>> f = log.read(0, 0, 3);
    assertThat(f).isNotDone();
    assertThat(log.pending).hasSize(3);
    log.release();
    List<byte[]> got = f.get(10, TimeUnit.SECONDS);
    assertThat(got).hasSize(3);
    assertThat(new String(got.get(2), StandardCharsets.UTF_8)).isEqualTo("r2");
  }

  @Test
  void rangeRead_oneFailedRead_failsTheRange() {
    SlowLog log = new SlowLog();
    CompletableFuture<List<byte[]>> f = log.read(0, 0, 2);
    log.pending.get(1).completeExceptionally(new IllegalStateException("offset 1 is gone"));
    log.pending.get(0).complete(new byte[0]);
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("offset 1 is gone");
  }

  @Test
  void rangeRead_empty_isCompleteEmptyList() {
    assertThat(new SlowLog().read(0, 2, 2).join()).isEmpty();
  }
}
