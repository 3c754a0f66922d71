package dev.deimos.bench.server;

import dev.deimos.AckLevel;
import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.examples.WordCountModule;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.runtime.EngineMetrics;
import dev.deimos.impl.storage.MemoryStorageFactory;
import dev.deimos.server.DeimosServer;
import dev.deimos.server.ServerConfig;
import dev.deimos.server.metrics.ServerMetrics;
import dev.deimos.test.LaunchConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST API against the binary client in the same run, over loopback to one in-process server
 * with the word-count module: one client's append (appendAck) and selectOne round trips (p50, p99),
 * then {@code C} client threads each doing appends and selects as fast as their answers come back
 * (ops/s). Then the cost of telemetry: ACK word-count appends from {@code C} threads on an
 * in-process cluster without metrics and with the server's Micrometer metrics, alternated run by
 * run. Warm-up runs first; medians of the measured runs are printed.
 *
 * <p>A plain main class ({@code mvn verify} never runs it): {@code benchmarks/run-rest.sh [--runs
 * R] [--warmup W] [--ops N] [--clients C]}.
 */
public final class RestBenchmark {
  private RestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    int warmup = 1;
    int ops = 3_000;
    int clients = 8;
    boolean telemetryOnly = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--ops" -> ops = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--only" -> telemetryOnly = args[i + 1].equals("telemetry");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (telemetryOnly) {
      // alternate the two, several rounds, and print each pair
      double[] none = new double[warmup + runs];
      double[] with = new double[warmup + runs];
      for (int r = 0; r < warmup + runs; r++) {
        none[r] = wordCount(EngineMetrics.NONE, ops * 4, clients);
        with[r] = wordCount(new ServerMetrics(), ops * 4, clients);
        System.out.printf(
            Locale.ROOT,
            "%s %d: none %.0f/s, metrics %.0f/s%n",
            r < warmup ? "warm-up" : "run",
            r,
            none[r],
            with[r]);
      }
      double[] n = Arrays.copyOfRange(none, warmup, none.length);
      double[] w = Arrays.copyOfRange(with, warmup, with.length);
      Arrays.sort(n);
      Arrays.sort(w);
      System.out.printf(
          Locale.ROOT,
          "telemetry: word count with metrics / without = %.3f (medians %.0f, %.0f)%n",
          w[w.length / 2] / n[n.length / 2],
          w[w.length / 2],
          n[n.length / 2]);
      return;
    }
    java.nio.file.Path dir = Files.createTempDirectory("deimos-bench-rest");
    java.nio.file.Path jar = ServerBenchmark.examplesJar(dir.resolve("examples.jar"));
    ServerConfig cfg =
        new ServerConfig(
            dir.resolve("data"),
            "127.0.0.1",
            0,
            null,
            List.of(),
            "127.0.0.1",
            0,
            ServerConfig.DEFAULT_REST_MAX_BODY);
    String[] names = {
      "binary append p50 us",
      "binary append p99 us",
      "REST append p50 us",
      "REST append p99 us",
      "binary selectOne p50 us",
      "binary selectOne p99 us",
      "REST selectOne p50 us",
      "REST selectOne p99 us",
      "binary appends/s, C clients",
      "REST appends/s, C clients",
      "binary selects/s, C clients",
      "REST selects/s, C clients",
      "word count ACK appends/s, no metrics",
      "word count ACK appends/s, Micrometer metrics"
    };
    List<double[]> results = new ArrayList<>();
    DeimosServer s = DeimosServer.start(cfg);
    try {
      s.launchIfAbsent(jar, WordCountModule.class.getName(), 4, 2);
      for (int r = 0; r < warmup + runs; r++) {
        double[] x = oneRun(s, ops, clients);
        if (r >= warmup) {
          results.add(x);
        }
        System.out.printf(
            Locale.ROOT, "%s %d: %s%n", r < warmup ? "warm-up" : "run", r, Arrays.toString(x));
      }
    } finally {
      s.close();
    }
    double[] med = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      double[] col = new double[results.size()];
      for (int r = 0; r < col.length; r++) {
        col[r] = results.get(r)[i];
      }
      Arrays.sort(col);
      med[i] = col[col.length / 2];
      System.out.printf(
          Locale.ROOT,
          "%-46s %12.1f%n",
          names[i].replace("C clients", clients + " clients"),
          med[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "ratios REST / binary (same run): append p50 %.2f, p99 %.2f; selectOne p50 %.2f, p99 %.2f;"
            + " appends/s %.2f, selects/s %.2f%n",
        med[2] / med[0],
        med[3] / med[1],
        med[6] / med[4],
        med[7] / med[5],
        med[9] / med[8],
        med[11] / med[10]);
    System.out.printf(
        Locale.ROOT, "telemetry: word count with metrics / without = %.3f%n", med[13] / med[12]);
  }

  private static double[] oneRun(DeimosServer s, int ops, int clients) throws Exception {
    double[] r = new double[14];
    String wc = WordCountModule.class.getName();
    String base =
        "http://127.0.0.1:"
            + s.restPort()
            + "/rest/"
            + URLEncoder.encode(wc, StandardCharsets.UTF_8);
    URI appendUri = URI.create(base + "/depot/*sentences/append");
    URI selectUri = URI.create(base + "/pstate/$$wordCounts/selectOne");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (DeimosClusterManager m = DeimosClusterManager.open(Map.of("conductor.port", s.port()))) {
      Depot d = m.clusterDepot(wc, "*sentences");
      PState counts = m.clusterPState(wc, "$$wordCounts");
      d.append("the quick brown fox");
      Path fox = Path.key("fox");
      long[] t = new long[ops];
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        d.append("sentence number " + (i & 1023), AckLevel.APPEND_ACK);
        t[i] = System.nanoTime() - t0;
      }
      r[0] = pct(t, 50);
      r[1] = pct(t, 99);
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        post(http, appendUri, appendBody(i));
        t[i] = System.nanoTime() - t0;
      }
      r[2] = pct(t, 50);
      r[3] = pct(t, 99);
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        counts.selectOne(fox);
        t[i] = System.nanoTime() - t0;
      }
      r[4] = pct(t, 50);
      r[5] = pct(t, 99);
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        post(http, selectUri, "[\"fox\"]");
        t[i] = System.nanoTime() - t0;
      }
      r[6] = pct(t, 50);
      r[7] = pct(t, 99);
      int each = Math.max(1, ops / clients);
      r[8] =
          parallel(
              clients, each, i -> d.append("sentence number " + (i & 1023), AckLevel.APPEND_ACK));
      r[9] = parallel(clients, each, i -> post(http, appendUri, appendBody(i)));
      r[10] = parallel(clients, each, i -> counts.selectOne(fox));
      r[11] = parallel(clients, each, i -> post(http, selectUri, "[\"fox\"]"));
    }
    // telemetry overhead, alternating so load drifts hit both
    r[12] = wordCount(EngineMetrics.NONE, ops * 4, clients);
    r[13] = wordCount(new ServerMetrics(), ops * 4, clients);
    return r;
  }

  private static String appendBody(int i) {
    return "{\"data\": \"sentence number " + (i & 1023) + "\", \"ackLevel\": \"appendAck\"}";
  }

  private static void post(HttpClient http, URI uri, String body) throws Exception {
    HttpResponse<String> a =
        http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (a.statusCode() != 200) {
      throw new IllegalStateException("REST answered " + a.statusCode() + ": " + a.body());
    }
  }

  /** One operation of a client thread. */
  private interface Op {
    void run(int i) throws Exception;
  }

  /** {@code clients} threads each run {@code each} operations; returns operations per second. */
  private static double parallel(int clients, int each, Op op) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(clients);
    AtomicLong failures = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      int base = c * each;
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    op.run(base + i);
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  e.printStackTrace();
                } finally {
                  done.countDown();
                }
              });
      th.start();
    }
    long t0 = System.nanoTime();
    start.countDown();
    done.await();
    double secs = (System.nanoTime() - t0) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " client threads failed");
    }
    return clients * (double) each / secs;
  }

  /** ACK appends of sentences from {@code clients} threads on an in-process word count. */
  private static double wordCount(EngineMetrics metrics, int records, int clients)
      throws Exception {
    try (InProcessClusterImpl c =
        new InProcessClusterImpl(List.of(), MemoryStorageFactory.INSTANCE, metrics)) {
      c.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
      Depot d = c.clusterDepot(WordCountModule.class.getName(), "*sentences");
      return parallel(
          clients, records / clients, i -> d.append("word" + (i & 4095) + " other words"));
    } finally {
      if (metrics instanceof ServerMetrics) {
        ((ServerMetrics) metrics).close();
      }
    }
  }

  private static double pct(long[] nanos, int p) {
    long[] c = nanos.clone();
    Arrays.sort(c);
    return c[Math.min(c.length - 1, (int) ((long) c.length * p / 100))] / 1000.0;
  }
}
