package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Microbatches of many records (a task explodes them over several frames) and reads pinned to one
 * microbatch across tasks while microbatches commit and fail.
 */
class MicrobatchLargeBatchTest {
  private static final DeimosFunction2<Long, Long, Long> ADD = (a, b) -> a + b;
  private static final DeimosFunction2<Long, Long, Long> SUB = (a, b) -> a - b;

  /**
   * Per key, the sequence numbers in the order they were processed, the microbatch of each record,
   * and (exploding the microbatch twice) a global record count from a batch block.
   */
  static class Sequences implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*events", Depot.hashBy(Ops.FIRST));
      MicrobatchTopology mb = topologies.microbatch("seq");
      mb.pstate("$$seqs", PState.mapSchema(String.class, PState.listSchema(Long.class)));
      mb.pstate("$$batchOf", PState.mapSchema(Long.class, Long.class));
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.source("*events")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*e")
                  .globalPartition()
                  .agg("$$total", Agg.count()))
          .explodeMicrobatch("*mb")
          .out("*e")
          .each(Ops.EXPAND, "*e")
          .out("*k", "*seq")
          .each(Ops.CURRENT_MICROBATCH_ID)
          .out("*id")
          .localTransform("$$seqs", Path.key("*k").afterElem().termVal("*seq"))
          .hashPartition("*seq")
          .localTransform("$$batchOf", Path.key("*seq").termVal("*id"));
    }
  }

  @Test
  void aMicrobatchTakesEverythingAppendedAndKeepsAppendOrderAcrossFrames() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Sequences(), new LaunchConfig(4, 2));
      String m = Sequences.class.getName();
      Depot d = ipc.clusterDepot(m, "*events");
      ipc.pauseMicrobatchTopology(m, "seq");
      // "hot" alone has 6,000 records on its partition: several frames' worth
      int n = 8000;
      List<Long> hot = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        String k = i % 4 == 3 ? "cold" + (i % 7) : "hot";
        if (k.equals("hot")) {
          hot.add(i);
        }
        d.append(Arrays.asList(k, i));
      }
      ipc.resumeMicrobatchTopology(m, "seq");
      ipc.waitForMicrobatchProcessedCount(m, "seq", n);
      PState seqs = ipc.clusterPState(m, "$$seqs");
      assertThat((List<Long>) seqs.selectOne(Path.key("hot"))).isEqualTo(hot);
      // one microbatch took all of them (the default cap is far above 8,000 per partition)
      List<Long> ids = ipc.clusterPState(m, "$$batchOf").select(Path.mapVals());
      assertThat(ids).hasSize(n);
      assertThat(new java.util.HashSet<>(ids)).hasSize(1);
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo((long) n);
    }
  }

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Fails the first attempts of microbatches holding a multiple of 7, while failures are left. */
  static Long failSome(Long v) {
    if (v % 7 == 0 && FAILURES_LEFT.getAndDecrement() > 0) {
      throw new IllegalStateException("injected failure at " + v);
    }
    return v;
  }

  /** Each record moves v between two keys on (usually) two tasks: all values always sum to 0. */
  static class Transfers implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("depot.microbatch.max.records", 2);
      setup.declareDepot("*moves", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("moves");
      mb.pstate("$$balances", PState.mapSchema(Long.class, Long.class));
      mb.source("*moves")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*v")
          .each((Long v) -> v % 16, "*v")
          .out("*from")
          .each((Long v) -> (v + 5) % 16, "*v")
          .out("*to")
          .hashPartition("*from")
          .localTransform("$$balances", Path.key("*from").nullToVal(0L).term(SUB, "*v"))
          .hashPartition("*to")
          .each(MicrobatchLargeBatchTest::failSome, "*v")
          .out("*v2")
          .localTransform("$$balances", Path.key("*to").nullToVal(0L).term(ADD, "*v2"));
    }
  }

  @Test
  void readsAcrossTasksSeeWholeCommittedMicrobatchesWhileOthersCommitAndFail() throws Exception {
    FAILURES_LEFT.set(40);
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Transfers(), new LaunchConfig(4, 2));
      String m = Transfers.class.getName();
      Depot d = ipc.clusterDepot(m, "*moves");
      PState balances = ipc.clusterPState(m, "$$balances");
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<String> violation = new AtomicReference<>();
      AtomicInteger reads = new AtomicInteger();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        Thread reader =
            new Thread(
                () -> {
                  while (!done.get() && violation.get() == null) {
                    // no leading key: every task answers, pinned to the same microbatch
                    List<Long> vals =
                        reads.get() % 2 == 0
                            ? balances.select(Path.mapVals())
                            : balances.select(Path.all().last());
                    long sum = vals.stream().mapToLong(Long::longValue).sum();
                    if (sum != 0) {
                      violation.set("values " + vals + " sum to " + sum);
                    }
                    reads.incrementAndGet();
                  }
                });
        readers.add(reader);
        reader.start();
      }
      int n = 1200;
      for (long v = 1; v <= n; v++) {
        d.appendAsync(v);
      }
      ipc.waitForMicrobatchProcessedCount(m, "moves", n);
      done.set(true);
      for (Thread t : readers) {
        t.join(10_000);
      }
      assertThat(violation.get()).isNull();
      assertThat(reads.get()).isPositive();
      assertThat(FAILURES_LEFT.get()).isNegative();
      // exactly once: the expected balance of every key
      long[] expected = new long[16];
      for (long v = 1; v <= n; v++) {
        expected[(int) (v % 16)] -= v;
        expected[(int) ((v + 5) % 16)] += v;
      }
      for (long k = 0; k < 16; k++) {
        assertThat((Long) balances.selectOne(Path.key(k)))
            .as("key %s", k)
            .isEqualTo(expected[(int) k]);
      }
    }
  }

  /** Word count exploded in frames, with a compound aggregation: exact counts. */
  static class WordCount implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
      MicrobatchTopology mb = topologies.microbatch("wc");
      mb.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      mb.source("*words")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*w")
          .compoundAgg("$$counts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  @Test
  void wordCountOverManyLargeMicrobatchesIsExact() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new WordCount(), new LaunchConfig(4, 2));
      String m = WordCount.class.getName();
      Depot d = ipc.clusterDepot(m, "*words");
      int n = 30_000;
      for (int i = 0; i < n; i++) {
        d.appendAsync("w" + (i % 1000));
      }
      ipc.waitForMicrobatchProcessedCount(m, "wc", n);
      PState counts = ipc.clusterPState(m, "$$counts");
      for (int w = 0; w < 1000; w++) {
        assertThat((Long) counts.selectOne(Path.key("w" + w))).isEqualTo(30L);
      }
      assertThat(counts.select(Path.mapVals())).hasSize(1000);
    }
  }
}
