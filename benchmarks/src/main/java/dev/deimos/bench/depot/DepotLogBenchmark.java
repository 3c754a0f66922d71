package dev.deimos.bench.depot;

import dev.deimos.impl.depot.FileDepotLog;
import dev.deimos.impl.depot.FileDepotLogOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * The durable depot log against the disk it runs on, in one process and one run:
 *
 * <ol>
 *   <li><b>latency</b>: one client appends 100-byte records one at a time (each waits for its
 *       fsync); p50/p99 against a bare {@code FileChannel.write + force} loop on the same
 *       directory, runs interleaved;
 *   <li><b>throughput</b>: one client pipelines 100-byte appends (at most 20,000 in flight), so
 *       group commit shares each fsync among many records; records per second;
 *   <li><b>heap</b>: used heap after GC once the log holds 1M and then 10M small records, to show
 *       it does not grow with the log.
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.deimos.bench.depot.DepotLogBenchmark
 * [dir] [latencyOps] [throughputRecords] [heapRecords]} (defaults: a temp dir, 2000, 500000,
 * 10000000). The first run of each part is a warm-up; the medians of the next three are printed.
 */
public final class DepotLogBenchmark {
  private DepotLogBenchmark() {}

  private static final int RUNS = 4;

  /**
   * Runs the three parts and prints their figures.
   *
   * @param args optional directory and counts
   * @throws Exception if the disk fails
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path base =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory("dl");
    int latencyOps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int records = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
    int heapRecords = args.length > 3 ? Integer.parseInt(args[3]) : 10_000_000;
    byte[] rec = new byte[100];
    Arrays.fill(rec, (byte) 'r');

    double[] logP50 = new double[RUNS];
    double[] logP99 = new double[RUNS];
    double[] rawP50 = new double[RUNS];
    double[] rawP99 = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long[] raw = rawLatency(base.resolve("raw" + r), rec, latencyOps);
      long[] log = logLatency(base.resolve("lat" + r), rec, latencyOps);
      rawP50[r] = pct(raw, 50);
      rawP99[r] = pct(raw, 99);
      logP50[r] = pct(log, 50);
      logP99[r] = pct(log, 99);
      delete(base.resolve("raw" + r));
      delete(base.resolve("lat" + r));
    }
    double l50 = median(logP50);
    double l99 = median(logP99);
    double r50 = median(rawP50);
    double r99 = median(rawP99);
    out.printf(
        "latency, one client, 100 B, %d appends: log p50 %.1f us p99 %.1f us; "
            + "bare write+force p50 %.1f us p99 %.1f us; ratio p50 %.2fx p99 %.2fx%n",
        latencyOps, l50, l99, r50, r99, l50 / r50, l99 / r99);

    double[] rate = new double[RUNS];
    double[] rawRate = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      rate[r] = pipelined(base.resolve("tp" + r), rec, records);
      rawRate[r] = 1e6 / pct(rawLatency(base.resolve("tpraw" + r), rec, 200), 50);
      delete(base.resolve("tp" + r));
      delete(base.resolve("tpraw" + r));
    }
    out.printf(
        "throughput, pipelined 100 B appends, %d records: %.0f records/s "
            + "(bare write+force, one record per fsync: %.0f/s; ratio %.0fx)%n",
        records, median(rate), median(rawRate), median(rate) / median(rawRate));

    heap(base.resolve("heap"), heapRecords, out);
    delete(base.resolve("heap"));
  }

  private static long[] rawLatency(Path dir, byte[] rec, int ops) throws IOException {
    Files.createDirectories(dir);
    long[] lat = new long[ops];
    ByteBuffer buf = ByteBuffer.allocateDirect(rec.length + 20);
    try (FileChannel ch =
        FileChannel.open(dir.resolve("raw"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int i = 0; i < ops; i++) {
        long t = System.nanoTime();
        buf.clear();
        buf.putInt(rec.length).putLong(t).putInt(0).putInt(0).put(rec).flip();
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
        lat[i] = System.nanoTime() - t;
      }
    }
    return lat;
  }

  private static long[] logLatency(Path dir, byte[] rec, int ops) throws IOException {
    long[] lat = new long[ops];
    try (FileDepotLog log = FileDepotLog.open("bench", dir, 1, FileDepotLogOptions.defaults())) {
      for (int i = 0; i < ops; i++) {
        long t = System.nanoTime();
        log.append(0, rec).join();
        lat[i] = System.nanoTime() - t;
      }
    }
    return lat;
  }

  private static double pipelined(Path dir, byte[] rec, int n) throws Exception {
    Semaphore window = new Semaphore(20_000);
    try (FileDepotLog log = FileDepotLog.open("bench", dir, 1, FileDepotLogOptions.defaults())) {
      long t = System.nanoTime();
      CompletableFuture<Long> last = null;
      for (int i = 0; i < n; i++) {
        window.acquire();
        last = log.append(0, rec);
        last.whenComplete((o, e) -> window.release());
      }
      last.join();
      return n / ((System.nanoTime() - t) / 1e9);
    }
  }

  private static void heap(Path dir, int n, PrintStream out) throws Exception {
    byte[] rec = new byte[16];
    Semaphore window = new Semaphore(50_000);
    FileDepotLogOptions o = FileDepotLogOptions.defaults().withSegmentBytes(256L << 20);
    try (FileDepotLog log = FileDepotLog.open("bench", dir, 1, o)) {
      long mark = Math.min(1_000_000, n);
      CompletableFuture<Long> last = null;
      for (int i = 0; i < n; i++) {
        window.acquire();
        last = log.append(0, rec);
        last.whenComplete((x, e) -> window.release());
        if (i + 1 == mark || i + 1 == n) {
          last.join();
          out.printf(
              "heap: log holds %,d records of 16 B, used heap after GC %.1f MB%n",
              i + 1, usedAfterGc() / 1e6);
        }
      }
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, (long) s.length * p / 100)] / 1000.0;
  }

  private static double median(double[] runs) {
    // the first run is the warm-up
    double[] s = Arrays.copyOfRange(runs, 1, runs.length);
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> w = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) w.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
