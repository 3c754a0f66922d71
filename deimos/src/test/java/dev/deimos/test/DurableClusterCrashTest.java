package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.AckLevel;
import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.DiskStorageFactory;
import dev.deimos.impl.storage.DiskStorageOptions;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs a durable cluster (a stream and a microbatch topology over four tasks) while
 * clients append at every ack level; the test SIGKILLs it at random moments, restarts it on the
 * same directory each time, and at the end checks the directory: every acknowledged append is in
 * its depot, in order per client, every record decodes; the microbatch sums equal exactly the sums
 * over the records the depot holds; the stream counts cover every record. {@code
 * -Ddeimos.crash.kills=N} sets the number of kills (the {@code soak} profile runs more).
 */
class DurableClusterCrashTest {
  static final String M = CrashModule.class.getName();
  static final int CLIENTS = 6;

  /** Records [key, seq]: a stream count and a microbatch sum per key. */
  public static class CrashModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.FIRST));
      StreamTopology s = topologies.stream("s");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*d")
          .out("*r")
          .each(Ops.EXPAND, "*r")
          .out("*k", "*n")
          .hashPartition("*k")
          .compoundAgg("$$counts", CompoundAgg.map("*k", Agg.count()));
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$sums", PState.mapSchema(String.class, Long.class));
      mb.source("*d")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .each(Ops.EXPAND, "*r")
          .out("*k", "*n")
          .hashPartition("*k")
          .compoundAgg("$$sums", CompoundAgg.map("*k", Agg.sum("*n")));
    }
  }

  /** The child: opens the directory, launches, and appends until killed. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
      int run = Integer.parseInt(args[1]);
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      InProcessCluster c = InProcessCluster.open(dir);
      c.launchModule(new CrashModule(), new LaunchConfig(4, 2));
      Depot d = c.clusterDepot(M, "*d");
      synchronized (out) {
        out.println("open");
        out.flush();
      }
      AckLevel[] levels = {AckLevel.ACK, AckLevel.APPEND_ACK, AckLevel.NONE};
      List<Thread> ts = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        String key = "r" + run + "c" + i;
        AckLevel level = levels[i % levels.length];
        Thread t =
            new Thread(
                () -> {
                  for (long seq = 1; ; seq++) {
                    d.append(List.of(key, seq), level);
                    if (level == AckLevel.NONE) {
                      if (seq % 4 == 0) {
                        // unacknowledged appends would otherwise outrun everything else
                        sleepQuietly(1);
                      }
                    } else {
                      synchronized (out) {
                        out.println(key + " " + seq);
                        out.flush();
                      }
                    }
                  }
                });
        t.setDaemon(true);
        t.start();
        ts.add(t);
      }
      for (Thread t : ts) {
        t.join();
      }
    }
  }

  static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void sigkillAtRandomMomentsLosesNoAcknowledgedAppendAndMicrobatchesStayExact(
      @TempDir java.nio.file.Path dir) throws Exception {
    long seed = Long.getLong("deimos.seed", System.nanoTime());
    int kills = Integer.getInteger("deimos.crash.kills", 20);
    Random rnd = new Random(seed);
    // per client key, the highest acknowledged seq
    Map<String, Long> acked = new HashMap<>();
    long started = System.nanoTime();
    for (int run = 0; run < kills; run++) {
      Process child =
          new ProcessBuilder(
                  java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Child.class.getName(),
                  dir.toString(),
                  Integer.toString(run))
              .redirectError(dir.resolveSibling(dir.getFileName() + "-child.err").toFile())
              .start();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String first = in.readLine();
      assertThat(first).as("child %d opened the directory (seed %d)", run, seed).isEqualTo("open");
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + rnd.nextInt(600));
      String line;
      while (System.nanoTime() < killAt && (line = in.readLine()) != null) {
        String[] p = line.split(" ");
        if (p.length == 2) {
          acked.merge(p[0], Long.parseLong(p[1]), Math::max);
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    long killedFor = System.nanoTime() - started;

    // the cluster recovers: microbatch sums exact, stream counts cover the depot
    Map<String, Long> depotSums = new HashMap<>();
    Map<String, Long> depotCounts = new HashMap<>();
    long recovered = 0;
    long lost = 0;
    long ackedTotal = 0;
    try (DiskStorageFactory f = new DiskStorageFactory(dir, DiskStorageOptions.defaults())) {
      DepotLog log = f.openDepotLog(M, "*d", 4);
      Map<String, Long> lastSeq = new HashMap<>();
      for (int p = 0; p < log.numPartitions(); p++) {
        long end = log.endOffset(p).join();
        for (byte[] b : log.read(p, 0, end).join()) {
          List<?> r = (List<?>) ValueCodec.PLAIN.decode(b);
          String k = (String) r.get(0);
          long seq = ((Number) r.get(1)).longValue();
          Long prev = lastSeq.put(k, seq);
          // one client appends one record at a time: its records are in order, without gaps
          assertThat(seq)
              .as("record order of %s (seed %d)", k, seed)
              .isEqualTo(prev == null ? 1 : prev + 1);
          depotSums.merge(k, seq, Long::sum);
          depotCounts.merge(k, 1L, Long::sum);
          recovered++;
        }
      }
      for (Map.Entry<String, Long> e : acked.entrySet()) {
        ackedTotal += e.getValue();
        long have = lastSeq.getOrDefault(e.getKey(), 0L);
        if (have < e.getValue()) {
          lost += e.getValue() - have;
        }
      }
      log.close();
    }
    System.out.printf(
        "DurableClusterCrashTest: %d kills in %d ms, acked %d, recovered %d records in the depot,"
            + " lost %d (seed %d)%n",
        kills, TimeUnit.NANOSECONDS.toMillis(killedFor), ackedTotal, recovered, lost, seed);
    assertThat(lost).as("acknowledged appends lost (seed %d)", seed).isZero();
    assertThat(ackedTotal).isGreaterThan(kills);

    try (InProcessCluster c = InProcessCluster.open(dir)) {
      assertThat(c.getDeployedModuleNames()).containsExactly(M);
      PState sums = c.clusterPState(M, "$$sums");
      PState counts = c.clusterPState(M, "$$counts");
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        Map<String, Long> s = read(sums, depotSums);
        boolean covered = true;
        Map<String, Long> n = read(counts, depotCounts);
        for (Map.Entry<String, Long> e : depotCounts.entrySet()) {
          covered &= n.getOrDefault(e.getKey(), 0L) >= e.getValue();
        }
        if (s.equals(depotSums) && covered) {
          break;
        }
        if (System.currentTimeMillis() > deadline) {
          assertThat(s).as("microbatch sums (seed %d)", seed).isEqualTo(depotSums);
          assertThat(covered).as("stream counts cover the depot (seed %d)", seed).isTrue();
        }
        Thread.sleep(50);
      }
      // stable: no microbatch is applied twice later
      Thread.sleep(300);
      assertThat(read(sums, depotSums)).isEqualTo(depotSums);
    }
  }

  private static Map<String, Long> read(PState p, Map<String, Long> keys) {
    Map<String, Long> out = new HashMap<>();
    for (String k : keys.keySet()) {
      Long v = (Long) p.selectOne(Path.key(k));
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }
}
