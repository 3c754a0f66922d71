package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.storage.DiskStorageFactory;
import dev.deimos.impl.storage.DiskStorageOptions;
import dev.deimos.impl.storage.MicrobatchCommit;
import dev.deimos.impl.storage.ProgressStore;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream and a microbatch word count run on a cluster over a {@link DiskStorageFactory} give the
 * same results as in memory; after the cluster closes, the data directory holds every depot record,
 * the microbatch counts and the progress that covers them.
 */
class DiskClusterTest {
  private static final int TASKS = 4;
  private static final String[] WORDS = {"apple", "pear", "fig", "kiwi", "plum", "lime", "date"};

  @TempDir java.nio.file.Path dir;

  /** Counts words twice: per record (stream) and per microbatch. */
  public static class WordCounts implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("st");
      s.pstate("$$streamCounts", PState.mapSchema(String.class, Long.class));
      s.source("*words")
          .out("*w")
          .compoundAgg("$$streamCounts", CompoundAgg.map("*w", Agg.count()));
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$mbCounts", PState.mapSchema(String.class, Long.class));
      mb.source("*words")
          .out("*batch")
          .explodeMicrobatch("*batch")
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$mbCounts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  private static final String M = WordCounts.class.getName();

  private static Map<String, Map<String, Long>> run(InProcessClusterImpl c, int n) {
    c.launchModule(new WordCounts(), new LaunchConfig(TASKS, 2));
    dev.deimos.Depot d = c.clusterDepot(M, "*words");
    for (int i = 0; i < n; i++) {
      d.append(WORDS[(i * 7 + i / 3) % WORDS.length]);
    }
    c.waitForMicrobatchProcessedCount(M, "mb", n);
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (String p : List.of("$$streamCounts", "$$mbCounts")) {
      Map<String, Long> m = new HashMap<>();
      dev.deimos.PState ps = c.clusterPState(M, p);
      for (String w : WORDS) {
        m.put(w, (Long) ps.selectOne(Path.key(w)));
      }
      out.put(p, m);
    }
    return out;
  }

  @Test
  void wordCounts_onDisk_equalMemory_andSurviveClose() throws Exception {
    int n = 700;
    Map<String, Map<String, Long>> memory;
    try (InProcessClusterImpl c = new InProcessClusterImpl()) {
      memory = run(c, n);
    }
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < n; i++) {
      expected.merge(WORDS[(i * 7 + i / 3) % WORDS.length], 1L, Long::sum);
    }
    assertThat(memory.get("$$mbCounts")).isEqualTo(expected);
    assertThat(memory.get("$$streamCounts")).isEqualTo(expected);

    DiskStorageFactory f = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    try (InProcessClusterImpl c = new InProcessClusterImpl(List.of(), f)) {
      assertThat(run(c, n)).isEqualTo(memory);
      // every task commits the last microbatch (state and progress together) shortly after
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (coveredByProgress(f) < n * (long) TASKS && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    f.close();

    try (DiskStorageFactory again = new DiskStorageFactory(dir, DiskStorageOptions.defaults())) {
      assertThat(again.storedModules()).containsExactly(M);
      DepotLog log = again.openDepotLog(M, "*words", TASKS);
      long records = 0;
      for (int p = 0; p < TASKS; p++) {
        records += log.endOffset(p).get();
      }
      log.close();
      assertThat(records).isEqualTo(n);
      assertThat(coveredByProgress(again)).isEqualTo(n * (long) TASKS);
      PStateDeclaration decl =
          new PStateDeclaration("$$mbCounts", PState.mapSchema(String.class, Long.class));
      Map<String, Long> stored = new HashMap<>();
      for (int t = 0; t < TASKS; t++) {
        try (PStateStore s = again.openPStateStore(M, t, decl)) {
          for (Object kv : s.select(Path.all(), Vars.NONE)) {
            List<?> e = (List<?>) kv;
            stored.merge((String) e.get(0), (Long) e.get(1), Long::sum);
          }
        }
      }
      assertThat(stored).isEqualTo(expected);
    }
  }

  /** Sum over tasks of the records their last committed microbatch says were processed. */
  private static long coveredByProgress(DiskStorageFactory f) {
    long total = 0;
    for (int t = 0; t < TASKS; t++) {
      try (ProgressStore p = f.openProgressStore(M, t)) {
        MicrobatchCommit mc = p.lastMicrobatch("mb");
        if (mc == null) {
          continue;
        }
        for (String s : mc.sources()) {
          for (long e : mc.ends(s)) {
            total += e;
          }
        }
      }
    }
    return total;
  }
}
