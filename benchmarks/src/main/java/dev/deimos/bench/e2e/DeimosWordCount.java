package dev.deimos.bench.e2e;

import dev.deimos.AckLevel;
import dev.deimos.Agg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The Deimos contestant: a word-count module on an {@link InProcessCluster} (depot partitioned by
 * the word, stream topology incrementing a map PState on the task owning the word). One instance
 * measures one append mode:
 *
 * <ul>
 *   <li>{@link Mode#ACK_CLIENTS}: {@code clients} threads each doing blocking {@code append} at
 *       {@link AckLevel#ACK}, so every append waits until the topology has counted the word;
 *   <li>{@link Mode#ASYNC_APPEND_ACK}: one thread pipelining {@code appendAsync} at {@link
 *       AckLevel#APPEND_ACK} (at most {@link #WINDOW} in flight), then polling a query topology
 *       until the counts add up to the number of records.
 * </ul>
 *
 * <p>Each run launches a fresh module (outside the clock), appends every record and stops the clock
 * once every count is visible through a query; the counts are then checked word by word through a
 * PState client. The static helpers measure start-up, open-loop latency and query latency.
 */
public final class DeimosWordCount implements Contestant {
  static final String MODULE = WordCountModule.class.getName();
  static final String MB_MODULE = MicrobatchWordCountModule.class.getName();

  /** In-flight appends of the pipelined mode. */
  static final int WINDOW = 20_000;

  /** How records are appended. */
  enum Mode {
    ACK_CLIENTS,
    ASYNC_APPEND_ACK,
    /** pipelined APPEND_ACK appends counted by a microbatch topology */
    MICROBATCH
  }

  /**
   * The benchmark module: {@code *words} partitioned by the word, {@code $$counts} per word, and
   * two query topologies over every task: the sum of all counts and the number of distinct words.
   */
  public static final class WordCountModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("counter");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*words")
          .out("*word")
          .localTransform("$$counts", Path.key("*word").nullToVal(0L).term(Ops.INC_LONG));
      declareQueries(topologies);
    }
  }

  /** The same word count as {@link WordCountModule}, by a microbatch topology. */
  public static final class MicrobatchWordCountModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
      MicrobatchTopology mb = topologies.microbatch("counter");
      mb.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      mb.source("*words")
          .out("*microbatch")
          .explodeMicrobatch("*microbatch")
          .out("*word")
          .localTransform("$$counts", Path.key("*word").nullToVal(0L).term(Ops.INC_LONG));
      declareQueries(topologies);
    }
  }

  /** Two query topologies over every task: the sum of all counts, the number of words. */
  static void declareQueries(DeimosModule.Topologies topologies) {
    topologies
        .query("total")
        .out("*total")
        .allPartition()
        .localSelect("$$counts", Path.mapVals())
        .out("*c")
        .originPartition()
        .agg(Agg.sum("*c"))
        .out("*total");
    topologies
        .query("distinct")
        .out("*n")
        .allPartition()
        .localSelect("$$counts", Path.view(Ops.SIZE))
        .out("*size")
        .originPartition()
        .agg(Agg.sum("*size"))
        .out("*n");
  }

  private final Mode mode;
  private final int tasks;
  private final int threads;
  private final int clients;
  private String[] words;
  private InProcessCluster cluster;

  DeimosWordCount(Mode mode, int tasks, int threads, int clients) {
    this.mode = mode;
    this.tasks = tasks;
    this.threads = threads;
    this.clients = clients;
  }

  Mode mode() {
    return mode;
  }

  @Override
  public String name() {
    return String.format(
        Locale.ROOT,
        "Deimos %s (%d tasks/%d threads)",
        mode == Mode.ACK_CLIENTS
            ? "ACK, " + clients + " blocking clients"
            : mode == Mode.ASYNC_APPEND_ACK
                ? "APPEND_ACK pipelined"
                : "microbatch topology, APPEND_ACK pipelined",
        tasks,
        threads);
  }

  @Override
  public String measures() {
    return mode == Mode.ACK_CLIENTS
        ? "first append until every blocking ACK append returned (ACK = counted, so visible);"
            + " CPU = harness JVM"
        : mode == Mode.ASYNC_APPEND_ACK
            ? "first appendAsync until a query topology over every task sums the counts to N;"
                + " CPU = harness JVM"
            : "first appendAsync until waitForMicrobatchProcessedCount(N) returns (committed, so"
                + " visible); CPU = harness JVM";
  }

  static String[] vocabulary(Workload w) {
    String[] out = new String[w.vocabulary];
    for (int i = 0; i < out.length; i++) {
      out[i] = Workload.word(i);
    }
    return out;
  }

  @Override
  public void setUp(Workload workload) {
    words = vocabulary(workload);
    cluster = InProcessCluster.create();
  }

  @Override
  public RunResult run(Workload workload, int runIndex) throws Exception {
    String module = mode == Mode.MICROBATCH ? MB_MODULE : MODULE;
    cluster.launchModule(
        mode == Mode.MICROBATCH ? new MicrobatchWordCountModule() : new WordCountModule(),
        new LaunchConfig(tasks, threads));
    try {
      Depot depot = cluster.clusterDepot(module, "*words");
      QueryTopologyClient<Long> total = cluster.clusterQuery(module, "total");
      CpuMeter cpu = CpuMeter.start(List.of());
      Map<String, Long> threadCpu0 = DIAG ? threadCpu() : null;
      long t0 = System.nanoTime();
      if (mode == Mode.ACK_CLIENTS) {
        appendWithClients(depot, workload);
      } else if (mode == Mode.MICROBATCH) {
        appendPipelined(depot, workload, words);
        cluster.waitForMicrobatchProcessedCount(
            module, "counter", Math.toIntExact(workload.records), 600_000);
      } else {
        appendPipelined(depot, workload, words);
        tAppended = System.nanoTime();
        awaitTotal(total, workload.records);
      }
      long t1 = System.nanoTime();
      double cpuSeconds = cpu.elapsedCpuSeconds();
      if (DIAG) {
        diagnose(name(), runIndex, t0, t1, threadCpu0, threadCpu());
      }
      String bad = workload.mismatch(readAll(cluster, module, workload));
      if (bad != null) {
        throw new IllegalStateException("Deimos counts wrong: " + bad);
      }
      return new RunResult((t1 - t0) / 1e9, cpuSeconds, workload.records);
    } finally {
      cluster.destroyModule(module);
    }
  }

  private void appendWithClients(Depot depot, Workload workload) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> ts = new ArrayList<>();
    long n = workload.records;
    int vocab = workload.vocabulary;
    for (int c = 0; c < clients; c++) {
      final int first = c;
      Thread t =
          new Thread(
              () -> {
                try {
                  for (long i = first; i < n; i += clients) {
                    depot.append(words[Workload.wordIndex(i, vocab)], AckLevel.ACK);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-client-" + c);
      ts.add(t);
      t.start();
    }
    for (Thread t : ts) {
      t.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("append failed", failure.get());
    }
  }

  private static void appendPipelined(Depot depot, Workload workload, String[] words)
      throws InterruptedException {
    Semaphore window = new Semaphore(WINDOW);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int vocab = workload.vocabulary;
    for (long i = 0; i < workload.records; i++) {
      window.acquire();
      depot
          .appendAsync(words[Workload.wordIndex(i, vocab)], AckLevel.APPEND_ACK)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                }
                window.release();
              });
    }
    window.acquire(WINDOW);
    if (failure.get() != null) {
      throw new IllegalStateException("append failed", failure.get());
    }
  }

  /**
   * Opt-in diagnostics ({@code -Dbench.threads=true}, see {@code HARNESS_JVM_OPTS} in run-e2e.sh):
   * per run, the CPU each thread used while the clock ran, the time until the last append returned,
   * and the time of the last {@code total} poll (the one that saw every count).
   */
  private static final boolean DIAG = Boolean.getBoolean("bench.threads");

  private static volatile long tAppended;
  private static volatile long lastPollNanos;

  private static Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (ti != null) {
        long t = mx.getThreadCpuTime(ti.getThreadId());
        if (t > 0) {
          out.merge(ti.getThreadName() + "#" + ti.getThreadId(), t, Long::sum);
        }
      }
    }
    return out;
  }

  private static void diagnose(
      String name, int run, long t0, long t1, Map<String, Long> before, Map<String, Long> after) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "[diag] %s run %d: wall %.3f s, appends done at %.3f s, last poll %.1f ms;"
                + " thread CPU-s:",
            name,
            run,
            (t1 - t0) / 1e9,
            (tAppended - t0) / 1e9,
            lastPollNanos / 1e6));
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 20_000_000L)
        .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
        .forEach(
            e -> b.append(String.format(Locale.ROOT, " %s=%.3f", e.getKey(), e.getValue() / 1e9)));
    System.err.println(b);
  }

  private static void awaitTotal(QueryTopologyClient<Long> total, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (true) {
      long p0 = System.nanoTime();
      Long got = total.invoke();
      lastPollNanos = System.nanoTime() - p0;
      if (got != null && got == expected) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("counts sum to " + got + ", expected " + expected);
      }
      Thread.sleep(2);
    }
  }

  static Map<String, Long> readAll(InProcessCluster cluster, String module, Workload workload) {
    PState counts = cluster.clusterPState(module, "$$counts");
    // pipelined point reads: one per vocabulary word, on the task owning it
    List<CompletableFuture<Long>> reads = new ArrayList<>(workload.vocabulary);
    for (int w = 0; w < workload.vocabulary; w++) {
      reads.add(counts.selectOneAsync(Path.key(Workload.word(w))));
    }
    Map<String, Long> out = new HashMap<>();
    for (int w = 0; w < workload.vocabulary; w++) {
      Long c = reads.get(w).join();
      if (c != null) {
        out.put(Workload.word(w), c);
      }
    }
    return out;
  }

  @Override
  public void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  // ---- figures besides throughput ----

  /** Latency percentiles in milliseconds, and what was measured. */
  static final class Latency {
    final double p50;
    final double p99;
    final String note;

    Latency(double p50, double p99, String note) {
      this.p50 = p50;
      this.p99 = p99;
      this.note = note;
    }
  }

  /**
   * Open-loop append-to-visible latency: appends at ACK scheduled at a fixed {@code rate} for
   * {@code seconds}; each latency runs from the append's scheduled time until its ACK (the word's
   * count is then visible), so a stalled generator counts against the engine too.
   */
  static Latency openLoop(
      Workload workload, int tasks, int threads, double rate, double seconds, int runs)
      throws Exception {
    String[] words = vocabulary(workload);
    int n = (int) Math.max(1, rate * seconds);
    double[] p50s = new double[runs];
    double[] p99s = new double[runs];
    try (InProcessCluster cluster = InProcessCluster.create()) {
      for (int r = -1; r < runs; r++) {
        cluster.launchModule(new WordCountModule(), new LaunchConfig(tasks, threads));
        Depot depot = cluster.clusterDepot(MODULE, "*words");
        long[] lat = new long[n];
        CompletableFuture<?>[] acks = new CompletableFuture<?>[n];
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < n; i++) {
          long scheduled = start + (long) (i * periodNanos);
          long wait = scheduled - System.nanoTime();
          if (wait > 20_000) {
            LockSupport.parkNanos(wait);
          }
          final int k = i;
          acks[i] =
              depot
                  .appendAsync(words[Workload.wordIndex(i, workload.vocabulary)], AckLevel.ACK)
                  .whenComplete((v, e) -> lat[k] = System.nanoTime() - scheduled);
        }
        CompletableFuture.allOf(acks).get(120, TimeUnit.SECONDS);
        cluster.destroyModule(MODULE);
        if (r >= 0) {
          long[] s = lat.clone();
          java.util.Arrays.sort(s);
          p50s[r] = s[(int) (0.50 * (n - 1))] / 1e6;
          p99s[r] = s[(int) (0.99 * (n - 1))] / 1e6;
        }
      }
    }
    return new Latency(
        Harness.median(p50s),
        Harness.median(p99s),
        String.format(
            Locale.ROOT,
            "open loop at %,.0f appends/s for %.0f s, ACK; median of %d runs",
            rate,
            seconds,
            runs));
  }

  /**
   * Open-loop append-to-visible latency of the microbatch word count: appends at APPEND_ACK
   * scheduled at a fixed {@code rate}; for every {@code k}-th record a checker thread polls the
   * word's count until it reaches the value this append makes it, in append order (a microbatch
   * commits a prefix of every partition, so records become visible in about that order). Latency
   * runs from the scheduled time to the poll that saw the count; polls are ~0.1 ms apart.
   */
  static Latency microbatchLatency(
      Workload workload, int tasks, int threads, double rate, double seconds, int runs)
      throws Exception {
    String[] words = vocabulary(workload);
    int n = (int) Math.max(1, rate * seconds);
    int every = Math.max(1, n / 2000);
    double[] p50s = new double[runs];
    double[] p99s = new double[runs];
    try (InProcessCluster cluster = InProcessCluster.create()) {
      for (int r = -1; r < runs; r++) {
        cluster.launchModule(new MicrobatchWordCountModule(), new LaunchConfig(tasks, threads));
        Depot depot = cluster.clusterDepot(MB_MODULE, "*words");
        PState counts = cluster.clusterPState(MB_MODULE, "$$counts");
        int[] appended = new int[workload.vocabulary];
        java.util.concurrent.ConcurrentLinkedQueue<long[]> samples =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Long> lat = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean generating =
            new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread checker =
            new Thread(
                () -> {
                  try {
                    while (true) {
                      long[] smp = samples.peek();
                      if (smp == null) {
                        if (!generating.get() && samples.isEmpty()) {
                          return;
                        }
                        LockSupport.parkNanos(100_000);
                        continue;
                      }
                      Long c = counts.selectOne(Path.key(words[(int) smp[0]]));
                      if (c != null && c >= smp[1]) {
                        lat.add(System.nanoTime() - smp[2]);
                        samples.poll();
                      } else {
                        LockSupport.parkNanos(100_000);
                      }
                    }
                  } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                  }
                },
                "bench-microbatch-checker");
        checker.start();
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < n; i++) {
          long scheduled = start + (long) (i * periodNanos);
          long wait = scheduled - System.nanoTime();
          if (wait > 20_000) {
            LockSupport.parkNanos(wait);
          }
          int w = Workload.wordIndex(i, workload.vocabulary);
          int expected = ++appended[w];
          depot.appendAsync(words[w], AckLevel.APPEND_ACK);
          if (i % every == 0) {
            samples.add(new long[] {w, expected, scheduled});
          }
        }
        generating.set(false);
        checker.join(120_000);
        cluster.destroyModule(MB_MODULE);
        if (failure.get() != null) {
          throw new IllegalStateException("microbatch latency checker failed", failure.get());
        }
        if (r >= 0) {
          long[] s = lat.stream().mapToLong(Long::longValue).sorted().toArray();
          p50s[r] = s[(int) (0.50 * (s.length - 1))] / 1e6;
          p99s[r] = s[(int) (0.99 * (s.length - 1))] / 1e6;
        }
      }
    }
    return new Latency(
        Harness.median(p50s),
        Harness.median(p99s),
        String.format(
            Locale.ROOT,
            "open loop at %,.0f appends/s for %.0f s, APPEND_ACK, 1 in %d records polled;"
                + " median of %d runs",
            rate,
            seconds,
            every,
            runs));
  }

  /**
   * Latency of a query topology that visits every task (the number of distinct words), invoked one
   * at a time on a module holding the workload's counts.
   */
  static Latency queryLatency(Workload workload, int tasks, int threads, int invocations)
      throws Exception {
    String[] words = vocabulary(workload);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(tasks, threads));
      Depot depot = cluster.clusterDepot(MODULE, "*words");
      int loaded = (int) Math.min(workload.records, 1_000_000);
      CompletableFuture<?> last = null;
      for (int i = 0; i < loaded; i++) {
        last = depot.appendAsync(words[Workload.wordIndex(i, workload.vocabulary)], AckLevel.ACK);
        if (i % 10_000 == 0) {
          last.get();
        }
      }
      last.get();
      QueryTopologyClient<Long> distinct = cluster.clusterQuery(MODULE, "distinct");
      for (int i = 0; i < invocations / 4; i++) {
        distinct.invoke();
      }
      long[] lat = new long[invocations];
      Long result = null;
      for (int i = 0; i < invocations; i++) {
        long t0 = System.nanoTime();
        result = distinct.invoke();
        lat[i] = System.nanoTime() - t0;
      }
      java.util.Arrays.sort(lat);
      return new Latency(
          lat[(int) (0.50 * (invocations - 1))] / 1e6,
          lat[(int) (0.99 * (invocations - 1))] / 1e6,
          String.format(
              Locale.ROOT,
              "%,d sequential invocations over %d tasks holding %,d words",
              invocations,
              tasks,
              result));
    }
  }

  /** Median milliseconds of {@code InProcessCluster.create()} plus {@code launchModule}. */
  static double startUpMillis(int tasks, int threads, int runs) {
    double[] ms = new double[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      InProcessCluster cluster = InProcessCluster.create();
      cluster.launchModule(new WordCountModule(), new LaunchConfig(tasks, threads));
      ms[r] = (System.nanoTime() - t0) / 1e6;
      cluster.close();
    }
    return Harness.median(ms);
  }
}
