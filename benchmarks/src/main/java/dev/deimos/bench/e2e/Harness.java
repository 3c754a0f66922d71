package dev.deimos.bench.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end word-count comparison: runs each contestant on the same workload (warm-up runs, then
 * measured runs) and prints one table of medians. Run it with {@code benchmarks/run-e2e.sh}; it is
 * a plain main class, so {@code mvn verify} never runs it.
 *
 * <p>Options: {@code --records N} (default 1000000), {@code --vocab V} (default 100000), {@code
 * --warmup W} (default 1), {@code --runs R} (default 3), {@code --only name,...} (kafka, flink,
 * deimos).
 */
public final class Harness {
  private static final Logger LOG = LoggerFactory.getLogger(Harness.class);

  private Harness() {}

  /** One contestant's outcome: medians, or why it was skipped. */
  static final class Row {
    final String name;
    final List<Contestant.RunResult> runs;
    final String note;

    final String measures;

    Row(Contestant c, List<Contestant.RunResult> runs, String note) {
      this.name = c.name();
      this.measures = c.measures();
      this.runs = runs;
      this.note = note;
    }
  }

  public static void main(String[] args) throws Exception {
    long records = 1_000_000;
    int vocab = 100_000;
    int warmup = 1;
    int runs = 3;
    List<String> only = List.of("kafka", "flink", "deimos");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--records":
          records = Long.parseLong(v);
          i++;
          break;
        case "--vocab":
          vocab = Integer.parseInt(v);
          i++;
          break;
        case "--warmup":
          warmup = Integer.parseInt(v);
          i++;
          break;
        case "--runs":
          runs = Integer.parseInt(v);
          i++;
          break;
        case "--only":
          only = Arrays.asList(v.toLowerCase(Locale.ROOT).split(","));
          i++;
          break;
        default:
          throw new IllegalArgumentException(
              "unknown option " + a + " (use --records --vocab --warmup --runs --only)");
      }
    }
    Workload workload = new Workload(records, vocab);
    workload.expected();
    List<Contestant> contestants = new ArrayList<>();
    if (only.contains("deimos")) {
      contestants.add(new DeimosWordCount());
    }
    if (only.contains("kafka")) {
      contestants.add(new KafkaStreamsWordCount());
    }
    if (only.contains("flink")) {
      contestants.add(new FlinkWordCount());
    }
    List<Row> rows = new ArrayList<>();
    for (Contestant c : contestants) {
      rows.add(runOne(c, workload, warmup, runs));
    }
    print(System.out, workload, warmup, runs, rows);
    boolean failed = rows.stream().anyMatch(r -> r.note != null && r.note.startsWith("failed"));
    // Kafka and Flink leave non-daemon threads behind; the table is out, so end the JVM.
    System.exit(failed ? 1 : 0);
  }

  static Row runOne(Contestant c, Workload workload, int warmup, int runs) {
    List<Contestant.RunResult> results = new ArrayList<>();
    try {
      try {
        c.setUp(workload);
      } catch (UnsupportedOperationException e) {
        System.out.println("NOTE: skipping " + c.name() + ": " + e.getMessage());
        return new Row(c, results, "skipped: " + e.getMessage());
      }
      for (int i = 0; i < warmup + runs; i++) {
        Contestant.RunResult r = c.run(workload, i);
        boolean measured = i >= warmup;
        System.out.printf(
            Locale.ROOT,
            "%s %s run %d: %.2f s, %,.0f records/s, %.2f CPU-s/M%n",
            c.name(),
            measured ? "measured" : "warm-up",
            i,
            r.seconds,
            r.recordsPerSecond(),
            r.cpuSecondsPerMillion());
        if (measured) {
          results.add(r);
        }
      }
      return new Row(c, results, null);
    } catch (Exception e) {
      LOG.error("{} failed", c.name(), e);
      return new Row(c, results, "failed: " + e);
    } finally {
      try {
        c.tearDown();
      } catch (Exception e) {
        LOG.warn("{} tear-down failed", c.name(), e);
      }
    }
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static void print(PrintStream out, Workload w, int warmup, int runs, List<Row> rows) {
    out.println();
    out.printf(
        Locale.ROOT,
        "Word count, %,d records over a %,d-word vocabulary; median of %d runs after %d warm-up;"
            + " %d cores%n",
        w.records,
        w.vocabulary,
        runs,
        warmup,
        Runtime.getRuntime().availableProcessors());
    String fmt = "%-66s | %14s | %12s | %s%n";
    out.printf(Locale.ROOT, fmt, "contestant", "records/s", "CPU-s per 1M", "note");
    out.println("-".repeat(66) + "-+-" + "-".repeat(14) + "-+-" + "-".repeat(12) + "-+-----");
    for (Row r : rows) {
      if (r.runs.isEmpty()) {
        out.printf(Locale.ROOT, fmt, r.name, "-", "-", r.note);
        continue;
      }
      double[] rate = r.runs.stream().mapToDouble(Contestant.RunResult::recordsPerSecond).toArray();
      double[] cpu =
          r.runs.stream().mapToDouble(Contestant.RunResult::cpuSecondsPerMillion).toArray();
      out.printf(
          Locale.ROOT,
          fmt,
          r.name,
          String.format(Locale.ROOT, "%,.0f", median(rate)),
          String.format(Locale.ROOT, "%.2f", median(cpu)),
          r.note == null ? r.runs.size() + " runs" : r.note);
    }
    out.println();
    out.println("What each row measures:");
    for (Row r : rows) {
      out.println("  " + r.name + ": " + r.measures);
    }
  }
}
