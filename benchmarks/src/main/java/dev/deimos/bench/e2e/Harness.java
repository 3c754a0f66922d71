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
 * --warmup W} (default 1), {@code --runs R} (default 3), {@code --only name,...} (kafka, kafka-eos,
 * flink, flink-cp, deimos, deimos-async (the APPEND_ACK row alone), deimos-mb; default all), {@code
 * --deimos-tasks T} (default 4), {@code --deimos-threads H} (default 2), {@code --deimos-clients C}
 * (default 8, the ACK clients), {@code --latency-seconds S} (default 3, the open-loop latency run
 * length), {@code --deimos-records N} (default: as {@code --records}; the records of the Deimos
 * rows, when the peers' count would take too long).
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
    final long records;

    Row(Contestant c, long records, List<Contestant.RunResult> runs, String note) {
      this.records = records;
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
    List<String> only = List.of("kafka", "kafka-eos", "flink", "flink-cp", "deimos", "deimos-mb");
    int tasks = 4;
    int threads = 2;
    int clients = 8;
    double latencySeconds = 3;
    long deimosRecords = -1;
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
        case "--deimos-tasks":
          tasks = Integer.parseInt(v);
          i++;
          break;
        case "--deimos-threads":
          threads = Integer.parseInt(v);
          i++;
          break;
        case "--deimos-clients":
          clients = Integer.parseInt(v);
          i++;
          break;
        case "--deimos-records":
          deimosRecords = Long.parseLong(v);
          i++;
          break;
        case "--latency-seconds":
          latencySeconds = Double.parseDouble(v);
          i++;
          break;
        default:
          throw new IllegalArgumentException(
              "unknown option "
                  + a
                  + " (use --records --vocab --warmup --runs --only --deimos-tasks"
                  + " --deimos-threads --deimos-clients --deimos-records --latency-seconds)");
      }
    }
    Workload workload = new Workload(records, vocab);
    workload.expected();
    Workload deimosWorkload =
        deimosRecords > 0 && deimosRecords != records
            ? new Workload(deimosRecords, vocab)
            : workload;
    List<Contestant> contestants = new ArrayList<>();
    if (only.contains("deimos")) {
      contestants.add(
          new DeimosWordCount(DeimosWordCount.Mode.ACK_CLIENTS, tasks, threads, clients));
      contestants.add(
          new DeimosWordCount(DeimosWordCount.Mode.ASYNC_APPEND_ACK, tasks, threads, clients));
    }
    if (only.contains("deimos-async") && !only.contains("deimos")) {
      // the pipelined APPEND_ACK row alone, for quick iterations on the stream hot path
      contestants.add(
          new DeimosWordCount(DeimosWordCount.Mode.ASYNC_APPEND_ACK, tasks, threads, clients));
    }
    if (only.contains("deimos-mb")) {
      contestants.add(
          new DeimosWordCount(DeimosWordCount.Mode.MICROBATCH, tasks, threads, clients));
    }
    if (only.contains("kafka")) {
      contestants.add(new KafkaStreamsWordCount(false));
    }
    if (only.contains("kafka-eos")) {
      contestants.add(new KafkaStreamsWordCount(true));
    }
    if (only.contains("flink")) {
      contestants.add(new FlinkWordCount(false));
    }
    if (only.contains("flink-cp")) {
      contestants.add(new FlinkWordCount(true));
    }
    List<Row> rows = new ArrayList<>();
    for (Contestant c : contestants) {
      rows.add(runOne(c, c instanceof DeimosWordCount ? deimosWorkload : workload, warmup, runs));
    }
    List<String[]> extras = new ArrayList<>();
    Row ackRow = null;
    Row mbRow = null;
    for (int i = 0; i < contestants.size(); i++) {
      Contestant c = contestants.get(i);
      if (c instanceof DeimosWordCount) {
        DeimosWordCount.Mode m = ((DeimosWordCount) c).mode();
        if (m == DeimosWordCount.Mode.ACK_CLIENTS) {
          ackRow = rows.get(i);
        } else if (m == DeimosWordCount.Mode.MICROBATCH) {
          mbRow = rows.get(i);
        }
      }
    }
    if (ackRow != null || mbRow != null) {
      extras = deimosExtras(ackRow, mbRow, deimosWorkload, tasks, threads, latencySeconds, runs);
    }
    print(System.out, workload, warmup, runs, rows, extras);
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
        return new Row(c, workload.records, results, "skipped: " + e.getMessage());
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
      return new Row(c, workload.records, results, null);
    } catch (Exception e) {
      LOG.error("{} failed", c.name(), e);
      return new Row(c, workload.records, results, "failed: " + e);
    } finally {
      try {
        c.tearDown();
      } catch (Exception e) {
        LOG.warn("{} tear-down failed", c.name(), e);
      }
    }
  }

  /**
   * Latency and start-up figures of Deimos: open-loop latency at half the ACK row's median rate,
   * query-topology latency over every task, and start-up time; each row is {figure, p50, p99,
   * target, note}.
   */
  static List<String[]> deimosExtras(
      Row ack, Row mb, Workload workload, int tasks, int threads, double latencySeconds, int runs) {
    List<String[]> out = new ArrayList<>();
    try {
      if (ack != null && !ack.runs.isEmpty()) {
        double half =
            median(ack.runs.stream().mapToDouble(Contestant.RunResult::recordsPerSecond).toArray())
                / 2;
        DeimosWordCount.Latency l =
            DeimosWordCount.openLoop(workload, tasks, threads, half, latencySeconds, runs);
        System.out.printf(
            Locale.ROOT, "open-loop latency: p50 %.3f ms, p99 %.3f ms%n", l.p50, l.p99);
        out.add(
            new String[] {
              "Deimos append-to-visible latency, half the ACK rate",
              ms(l.p50),
              ms(l.p99),
              "p99 < 5 ms " + (l.p99 < 5 ? "MET" : "NOT MET"),
              l.note
            });
      }
      if (mb != null && !mb.runs.isEmpty()) {
        double half =
            median(mb.runs.stream().mapToDouble(Contestant.RunResult::recordsPerSecond).toArray())
                / 2;
        DeimosWordCount.Latency l =
            DeimosWordCount.microbatchLatency(workload, tasks, threads, half, latencySeconds, runs);
        System.out.printf(
            Locale.ROOT, "microbatch latency: p50 %.3f ms, p99 %.3f ms%n", l.p50, l.p99);
        out.add(
            new String[] {
              "Deimos microbatch append-to-visible, half its rate",
              ms(l.p50),
              ms(l.p99),
              "-",
              l.note
            });
      }
      DeimosWordCount.Latency q = DeimosWordCount.queryLatency(workload, tasks, threads, 2000);
      System.out.printf(Locale.ROOT, "query latency: p50 %.3f ms, p99 %.3f ms%n", q.p50, q.p99);
      out.add(
          new String[] {
            "Deimos query topology over every task", ms(q.p50), ms(q.p99), "-", q.note
          });
      double startUp = DeimosWordCount.startUpMillis(tasks, threads, 7);
      out.add(
          new String[] {
            "Deimos InProcessCluster.create() + launchModule",
            ms(startUp),
            "-",
            "< 1 s " + (startUp < 1000 ? "MET" : "NOT MET"),
            "median of 7 in this JVM (word-count module)"
          });
    } catch (Exception e) {
      LOG.error("Deimos latency figures failed", e);
      out.add(new String[] {"Deimos latency figures", "-", "-", "-", "failed: " + e});
    }
    return out;
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.3f ms", v);
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double medianRate(List<Row> rows, String prefix) {
    for (Row r : rows) {
      // the baselines: Kafka Streams at_least_once, Flink without checkpoints
      if (r.name.startsWith(prefix) && !r.name.contains("exactly") && !r.runs.isEmpty()) {
        return median(
            r.runs.stream().mapToDouble(Contestant.RunResult::recordsPerSecond).toArray());
      }
    }
    return Double.NaN;
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
  }

  static void print(
      PrintStream out, Workload w, int warmup, int runs, List<Row> rows, List<String[]> extras) {
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
    double kafka = medianRate(rows, "Kafka");
    double flink = medianRate(rows, "Flink");
    String fmt = "%-76s | %12s | %8s | %9s | %8s | %s%n";
    out.printf(
        Locale.ROOT, fmt, "contestant", "records/s", "CPU-s/1M", "vs KStream", "vs Flink", "note");
    out.println(
        "-".repeat(76)
            + "-+-"
            + "-".repeat(12)
            + "-+-"
            + "-".repeat(8)
            + "-+-"
            + "-".repeat(9)
            + "-+-"
            + "-".repeat(8)
            + "-+-----");
    for (Row r : rows) {
      if (r.runs.isEmpty()) {
        out.printf(Locale.ROOT, fmt, r.name, "-", "-", "-", "-", r.note);
        continue;
      }
      double[] rate = r.runs.stream().mapToDouble(Contestant.RunResult::recordsPerSecond).toArray();
      double[] cpu =
          r.runs.stream().mapToDouble(Contestant.RunResult::cpuSecondsPerMillion).toArray();
      double m = median(rate);
      out.printf(
          Locale.ROOT,
          fmt,
          r.name,
          String.format(Locale.ROOT, "%,.0f", m),
          String.format(Locale.ROOT, "%.2f", median(cpu)),
          ratio(m, kafka),
          ratio(m, flink),
          (r.records != w.records ? String.format(Locale.ROOT, "%,d records, ", r.records) : "")
              + (r.note == null ? r.runs.size() + " runs" : r.note));
    }
    if (!extras.isEmpty()) {
      out.println();
      String xf = "%-52s | %10s | %10s | %16s | %s%n";
      out.printf(Locale.ROOT, xf, "figure", "p50/median", "p99", "target", "note");
      out.println(
          "-".repeat(52)
              + "-+-"
              + "-".repeat(10)
              + "-+-"
              + "-".repeat(10)
              + "-+-"
              + "-".repeat(16)
              + "-+-----");
      for (String[] x : extras) {
        out.printf(Locale.ROOT, xf, (Object[]) x);
      }
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Targets: Deimos >= 3x Kafka Streams throughput, >= 0.5x Flink; machine load before the"
            + " table: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.println();
    out.println("What each row measures:");
    for (Row r : rows) {
      out.println("  " + r.name + ": " + r.measures);
    }
  }
}
