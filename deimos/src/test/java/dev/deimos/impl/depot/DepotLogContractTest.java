package dev.deimos.impl.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DepotLog} shares; each implementation's test extends this, and a
 * storage factory's test may run it over the logs the factory opens.
 */
public abstract class DepotLogContractTest {
  private final List<DepotLog> opened = new ArrayList<>();

  /** A new, empty log with {@code partitions} partitions. */
  protected abstract DepotLog create(int partitions) throws Exception;

  protected final DepotLog newLog(int partitions) throws Exception {
    DepotLog l = create(partitions);
    opened.add(l);
    return l;
  }

  @AfterEach
  void closeLogs() {
    for (DepotLog l : opened) {
      l.close();
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void append_givesContiguousOffsetsPerPartition_fromZero() throws Exception {
    DepotLog log = newLog(2);
    assertThat(log.numPartitions()).isEqualTo(2);
    assertThat(log.append(0, bytes("a")).join()).isZero();
    assertThat(log.append(0, bytes("b")).join()).isEqualTo(1);
    assertThat(log.append(1, bytes("c")).join()).isZero();
    assertThat(log.endOffset(0).join()).isEqualTo(2);
    assertThat(log.endOffset(1).join()).isEqualTo(1);
    assertThat(log.firstOffset(0).join()).isZero();
  }

  @Test
  void read_returnsAppendedBytes_andRangeInOrder() throws Exception {
    DepotLog log = newLog(1);
    for (int i = 0; i < 50; i++) {
      log.append(0, bytes("r" + i)).join();
    }
    assertThat(new String(log.read(0, 7).join(), StandardCharsets.UTF_8)).isEqualTo("r7");
    List<byte[]> range = log.read(0, 10, 20).join();
    assertThat(range).hasSize(10);
    for (int i = 0; i < 10; i++) {
      assertThat(new String(range.get(i), StandardCharsets.UTF_8)).isEqualTo("r" + (10 + i));
    }
    assertThat(log.read(0, 50, 50).join()).isEmpty();
    assertThat(log.append(0, new byte[0]).join()).isEqualTo(50);
    assertThat(log.read(0, 50).join()).isEmpty();
  }

  @Test
  void read_pastEnd_failsNamingTheOffset() throws Exception {
    DepotLog log = newLog(1);
    log.append(0, bytes("x")).join();
    assertThatThrownBy(() -> log.read(0, 1).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("offset 1");
    assertThatThrownBy(() -> log.read(0, 0, 2).join())
        .hasCauseInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> log.read(0, -1).join())
        .hasCauseInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void offsetAfterTimestamp_findsFirstRecordAtOrAfterTime() throws Exception {
    DepotLog log = newLog(1);
    assertThat(log.offsetAfterTimestamp(0, 0).join()).isZero();
    for (int i = 0; i < 5; i++) {
      log.append(0, bytes("a" + i)).join();
    }
    long t = System.currentTimeMillis();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long next = t;
    // bounded busy-wait for the clock to tick so the next records are strictly later
    while (next <= t && System.nanoTime() < deadline) {
      next = System.currentTimeMillis();
    }
    assertThat(next).isGreaterThan(t);
    for (int i = 0; i < 5; i++) {
      log.append(0, bytes("b" + i)).join();
    }
    assertThat(log.offsetAfterTimestamp(0, next).join()).isEqualTo(5);
    assertThat(log.offsetAfterTimestamp(0, 0).join()).isZero();
    assertThat(log.offsetAfterTimestamp(0, Long.MAX_VALUE).join()).isEqualTo(10);
  }

  @Test
  void concurrentAppends_fromManyThreads_getDistinctContiguousOffsets() throws Exception {
    int partitions = 3;
    int threads = 8;
    int perThread = 300;
    DepotLog log = newLog(partitions);
    ConcurrentMap<String, Long> offsets = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  List<CompletableFuture<Long>> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    String rec = tt + "-" + i;
                    int p = (tt + i) % partitions;
                    // half synchronous, half pipelined
                    CompletableFuture<Long> f =
                        log.append(p, bytes(rec)).thenApply(o -> record(offsets, p, rec, o));
                    if (i % 2 == 0) {
                      f.join();
                    } else {
                      mine.add(f);
                    }
                  }
                  mine.forEach(CompletableFuture::join);
                },
                pool));
      }
      CompletableFuture.allOf(done.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(offsets).hasSize(threads * perThread);
    long total = 0;
    for (int p = 0; p < partitions; p++) {
      long end = log.endOffset(p).join();
      total += end;
      Set<Long> seen = new HashSet<>();
      for (var e : offsets.entrySet()) {
        if (e.getKey().startsWith(p + "|")) {
          assertThat(seen.add(e.getValue())).isTrue();
          String rec = e.getKey().substring(e.getKey().indexOf('|') + 1);
          assertThat(new String(log.read(p, e.getValue()).join(), StandardCharsets.UTF_8))
              .isEqualTo(rec);
        }
      }
      assertThat(seen).hasSize((int) end);
      for (long o = 0; o < end; o++) {
        assertThat(seen).contains(o);
      }
      assertThat(log.read(p, 0, end).join()).hasSize((int) end);
    }
    assertThat(total).isEqualTo(threads * perThread);
  }

  private static long record(ConcurrentMap<String, Long> m, int p, String rec, long o) {
    m.put(p + "|" + rec, o);
    return o;
  }

  @Test
  void close_isIdempotent_afterAcknowledgedAppends() throws Exception {
    DepotLog log = create(1);
    log.append(0, bytes("a")).join();
    log.close();
    log.close();
  }
}
