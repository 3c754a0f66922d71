package dev.deimos.bench.reactive;

import dev.deimos.AckLevel;
import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ProxyState;
import dev.deimos.bench.server.ServerBenchmark;
import dev.deimos.diffs.Diff;
import dev.deimos.examples.WordCountModule;
import dev.deimos.server.DeimosServer;
import dev.deimos.server.ServerConfig;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Proxies on the word count module ({@code $$wordCounts}, 4 tasks, 2 threads), in process and
 * through a server over loopback, in the same run:
 *
 * <ul>
 *   <li>the module's throughput (pipelined ACK appends of one-word sentences) without proxies, with
 *       10,000 idle proxies (on words never written), and without again; the ratio divides the idle
 *       run by the mean of the two runs around it;
 *   <li>diff delivery latency, from the {@code appendAsync} call to the proxy callback showing the
 *       new count, p50 and p99, with appends paced open-loop at half the throughput measured
 *       without proxies; every 16th append goes to one of 32 proxied words.
 * </ul>
 *
 * <p>A plain main class ({@code mvn verify} never runs it): {@code benchmarks/run-proxy.sh [--runs
 * R] [--warmup W] [--records N] [--seconds S] [--idle P]}.
 */
public final class ProxyBenchmark {
  private ProxyBenchmark() {}

  private static final String WC = WordCountModule.class.getName();
  private static final int WINDOW = 1000;
  private static final int LAT_KEYS = 32;
  private static final int LAT_EVERY = 16;

  /** What one setting offers: the depot and PState of the module. */
  private interface Setting extends AutoCloseable {
    Depot depot();

    PState pstate();

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    int runs = 3;
    int warmup = 1;
    int records = 60_000;
    int seconds = 4;
    int idle = 10_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--records" -> records = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--idle" -> idle = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    java.nio.file.Path dir = Files.createTempDirectory("deimos-bench-proxy");
    java.nio.file.Path jar = ServerBenchmark.examplesJar(dir.resolve("examples.jar"));
    String[] names = {
      "throughput, no proxies, appends/s",
      "throughput, " + idle + " idle proxies, appends/s",
      "idle proxies / no proxies",
      "latency p50 us (half throughput)",
      "latency p99 us (half throughput)",
      "latency samples"
    };
    for (String where : List.of("in-process", "loopback")) {
      List<double[]> results = new ArrayList<>();
      for (int r = 0; r < warmup + runs; r++) {
        double[] x;
        try (Setting with =
                where.equals("in-process") ? inProcess() : loopback(dir.resolve("a" + r), jar);
            Setting without =
                where.equals("in-process") ? inProcess() : loopback(dir.resolve("b" + r), jar)) {
          x = oneRun(with, without, r, records, seconds, idle);
        }
        if (r >= warmup) {
          results.add(x);
        }
        System.out.printf(
            Locale.ROOT,
            "%s %s %d: %s%n",
            where,
            r < warmup ? "warm-up" : "run",
            r,
            Arrays.toString(x));
      }
      System.out.println("== " + where + " (medians of " + runs + " runs)");
      for (int i = 0; i < names.length; i++) {
        double[] col = new double[results.size()];
        for (int r = 0; r < col.length; r++) {
          col[r] = results.get(r)[i];
        }
        Arrays.sort(col);
        System.out.printf(Locale.ROOT, "%-44s %12.3f%n", names[i], col[col.length / 2]);
      }
    }
  }

  private static Setting inProcess() {
    InProcessCluster ipc = InProcessCluster.create();
    ipc.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
    return new Setting() {
      @Override
      public Depot depot() {
        return ipc.clusterDepot(WC, "*sentences");
      }

      @Override
      public PState pstate() {
        return ipc.clusterPState(WC, "$$wordCounts");
      }

      @Override
      public void close() {
        ipc.close();
      }
    };
  }

  private static Setting loopback(java.nio.file.Path data, java.nio.file.Path jar)
      throws Exception {
    DeimosServer server =
        DeimosServer.start(new ServerConfig(data, "127.0.0.1", 0, null, List.of()));
    server.launchIfAbsent(jar, WC, 4, 2);
    DeimosClusterManager m = DeimosClusterManager.open(Map.of("conductor.port", server.port()));
    return new Setting() {
      @Override
      public Depot depot() {
        return m.clusterDepot(WC, "*sentences");
      }

      @Override
      public PState pstate() {
        return m.clusterPState(WC, "$$wordCounts");
      }

      @Override
      public void close() {
        m.close();
        server.close();
      }
    };
  }

  private static final int SEGMENTS = 5;

  private static double[] oneRun(
      Setting with, Setting without, int run, int records, int seconds, int idle) throws Exception {
    PState p = with.pstate();
    List<CompletableFuture<ProxyState<Long>>> opening = new ArrayList<>(idle);
    for (int i = 0; i < idle; i++) {
      opening.add(p.proxyAsync(Path.key("idle" + i)));
    }
    List<ProxyState<Long>> idles = new ArrayList<>(idle);
    for (CompletableFuture<ProxyState<Long>> f : opening) {
      idles.add(f.get(60, TimeUnit.SECONDS));
    }
    Depot a = with.depot();
    Depot b = without.depot();
    double[] ta = new double[SEGMENTS];
    double[] tb = new double[SEGMENTS];
    int per = records / SEGMENTS;
    for (int i = 0; i < SEGMENTS; i++) {
      // alternate which goes first, so neither always follows the other's tail
      if (i % 2 == 0) {
        tb[i] = throughput(b, per);
        ta[i] = throughput(a, per);
      } else {
        ta[i] = throughput(a, per);
        tb[i] = throughput(b, per);
      }
    }
    for (ProxyState<Long> x : idles) {
      x.close();
    }
    Arrays.sort(ta);
    Arrays.sort(tb);
    double none = tb[SEGMENTS / 2];
    double withIdle = ta[SEGMENTS / 2];
    double[] lat = latency(b, without.pstate(), run, none / 2, seconds);
    return new double[] {none, withIdle, withIdle / none, lat[0], lat[1], lat[2]};
  }

  /** Pipelined ACK appends (at most {@link #WINDOW} in flight): appends per second. */
  private static double throughput(Depot d, int n) throws Exception {
    Semaphore window = new Semaphore(WINDOW);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      window.acquire();
      d.appendAsync("w" + (i & 4095), AckLevel.ACK).whenComplete((x, e) -> window.release());
    }
    window.acquire(WINDOW);
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** Open-loop appends at {@code rate}/s for {@code seconds}: latency p50, p99 (us), samples. */
  private static double[] latency(Depot d, PState p, int run, double rate, int seconds)
      throws Exception {
    long total = (long) (rate * seconds);
    int perKey = (int) (total / LAT_EVERY / LAT_KEYS) + 2;
    long[][] sent = new long[LAT_KEYS][perKey + 1];
    long[] lat = new long[(int) (total / LAT_EVERY) + LAT_KEYS + 1];
    int[] nLat = {0};
    List<ProxyState<Long>> proxies = new ArrayList<>();
    for (int j = 0; j < LAT_KEYS; j++) {
      int key = j;
      proxies.add(
          p.proxy(
              Path.key("r" + run + "lat" + j),
              (Long n, Diff diff, Long old) -> {
                long now = System.nanoTime();
                if (n != null && n <= perKey) {
                  long t = sent[key][n.intValue()];
                  if (t != 0) {
                    synchronized (lat) {
                      lat[nLat[0]++] = now - t;
                    }
                  }
                }
              }));
    }
    int[] counts = new int[LAT_KEYS];
    Semaphore window = new Semaphore(20_000);
    double interval = 1e9 / rate;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * interval);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      window.acquire();
      String word;
      if (i % LAT_EVERY == 0) {
        int j = (int) ((i / LAT_EVERY) % LAT_KEYS);
        int c = ++counts[j];
        word = "r" + run + "lat" + j;
        if (c <= perKey) {
          sent[j][c] = System.nanoTime();
        }
      } else {
        word = "w" + (i & 4095);
      }
      d.appendAsync(word, AckLevel.APPEND_ACK).whenComplete((x, e) -> window.release());
    }
    window.acquire(20_000);
    // APPEND_ACK returns before the topology ran: wait for the last counts to reach the proxies
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int j = 0; j < LAT_KEYS; j++) {
      while (counts[j] > 0
          && !Long.valueOf(counts[j]).equals(proxies.get(j).get())
          && System.nanoTime() < end) {
        Thread.sleep(5);
      }
    }
    for (ProxyState<Long> x : proxies) {
      x.close();
    }
    long[] got;
    synchronized (lat) {
      got = Arrays.copyOf(lat, nLat[0]);
    }
    Arrays.sort(got);
    if (got.length == 0) {
      return new double[] {Double.NaN, Double.NaN, 0};
    }
    return new double[] {
      got[got.length / 2] / 1000.0,
      got[Math.min(got.length - 1, (int) (got.length * 0.99))] / 1000.0,
      got.length
    };
  }
}
