package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchSourceOptions;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MicrobatchTopologyTest {
  private static final DeimosFunction2<Long, Long, Long> ADD = (a, b) -> a + b;
  private static final DeimosFunction2<Long, Long, Long> SUB = (a, b) -> a - b;

  static class WordCount implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("wc");
      mb.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      mb.source("*words")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$counts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  @Test
  void wordCountHasExactCounts() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new WordCount(), new LaunchConfig(4, 2));
      String m = WordCount.class.getName();
      Depot d = ipc.clusterDepot(m, "*words");
      Map<String, Long> expected = new HashMap<>();
      String[] words = {"apple", "pear", "fig", "kiwi", "plum", "lime", "date"};
      for (int i = 0; i < 500; i++) {
        String w = words[(i * 7 + i / 3) % words.length];
        expected.merge(w, 1L, Long::sum);
        d.append(w);
      }
      ipc.waitForMicrobatchProcessedCount(m, "wc", 500);
      PState counts = ipc.clusterPState(m, "$$counts");
      for (Map.Entry<String, Long> e : expected.entrySet()) {
        assertThat((Long) counts.selectOne(Path.key(e.getKey()))).isEqualTo(e.getValue());
      }
    }
  }

  /** Batch blocks: a two-phase global sum and count, and a groupBy per key. */
  static class Totals implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*pairs", Depot.hashBy(Ops.FIRST));
      MicrobatchTopology mb = topologies.microbatch("totals");
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.pstate("$$n", Long.class).global().initialValue(0L);
      mb.pstate("$$perKey", PState.mapSchema(String.class, Long.class));
      mb.pstate("$$groups", Long.class).global().initialValue(0L);
      mb.source("*pairs")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*p")
                  .each(Ops.EXPAND, "*p")
                  .out("*k", "*v")
                  .globalPartition()
                  .agg("$$total", Agg.sum("*v"))
                  .agg("$$n", Agg.count()))
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*p")
                  .each(Ops.EXPAND, "*p")
                  .out("*k", "*v")
                  .groupBy("*k", Block.agg(Agg.sum("*v")).out("*s"))
                  .localTransform("$$perKey", Path.key("*k").nullToVal(0L).term(ADD, "*s"))
                  .globalPartition()
                  .localTransform("$$groups", Path.term(ADD, 1L)));
    }
  }

  @Test
  void batchBlocksAggregateTwoPhaseIntoGlobalPStatesAndGroupBy() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Totals(), new LaunchConfig(4, 2));
      String m = Totals.class.getName();
      Depot d = ipc.clusterDepot(m, "*pairs");
      ipc.pauseMicrobatchTopology(m, "totals");
      long sum = 0;
      Map<String, Long> perKey = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        String k = "k" + (i % 13);
        long v = i;
        sum += v;
        perKey.merge(k, v, Long::sum);
        d.append(Arrays.asList(k, v));
      }
      // everything in one microbatch: exactly 13 groups reach post-aggregation
      ipc.resumeMicrobatchTopology(m, "totals");
      ipc.waitForMicrobatchProcessedCount(m, "totals", 300);
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo(sum);
      assertThat((Long) ipc.clusterPState(m, "$$n").selectOne(Path.stay())).isEqualTo(300L);
      assertThat((Long) ipc.clusterPState(m, "$$groups").selectOne(Path.stay())).isEqualTo(13L);
      PState pk = ipc.clusterPState(m, "$$perKey");
      for (Map.Entry<String, Long> e : perKey.entrySet()) {
        assertThat((Long) pk.selectOne(Path.key(e.getKey()))).isEqualTo(e.getValue());
      }
      // a second microbatch adds to the totals
      d.append(Arrays.asList("k0", 1000L));
      ipc.waitForMicrobatchProcessedCount(m, "totals", 301);
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay()))
          .isEqualTo(sum + 1000);
      assertThat((Long) pk.selectOne(Path.key("k0"))).isEqualTo(perKey.get("k0") + 1000);
    }
  }

  // ---- exactly-once under failures ----

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Throws while FAILURES_LEFT is positive (on the task the dataflow sends it to). */
  static Long failSome(Long v) {
    if (FAILURES_LEFT.getAndDecrement() > 0) {
      throw new IllegalStateException("injected failure at " + v);
    }
    return v;
  }

  /**
   * Each record adds v to key "a" of a global PState, hops to task 1 (where it may fail), then
   * subtracts v from key "b" in a later event, and counts itself per key on its own task.
   */
  static class Ledger implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*amounts", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("ledger");
      mb.pstate("$$pair", PState.mapSchema(String.class, Long.class)).global();
      mb.pstate("$$seen", PState.mapSchema(Long.class, Long.class));
      mb.source("*amounts")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*v")
          .hashPartition("*v")
          .localTransform("$$seen", Path.key("*v").nullToVal(0L).term(ADD, 1L))
          .globalPartition()
          .localTransform("$$pair", Path.key("a").nullToVal(0L).term(ADD, "*v"))
          .directPartition(1)
          .each(MicrobatchTopologyTest::failSome, "*v")
          .out("*v2")
          .globalPartition()
          .localTransform("$$pair", Path.key("b").nullToVal(0L).term(SUB, "*v2"));
    }
  }

  @Test
  void failedMicrobatchesRollBackAndRetryExactlyOnceWhileReadersSeeOnlyCommittedState()
      throws Exception {
    FAILURES_LEFT.set(3);
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Ledger(), new LaunchConfig(4, 2));
      String m = Ledger.class.getName();
      Depot d = ipc.clusterDepot(m, "*amounts");
      PState pair = ipc.clusterPState(m, "$$pair");
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<String> violation = new AtomicReference<>();
      AtomicInteger reads = new AtomicInteger();
      Thread reader =
          new Thread(
              () -> {
                long lastA = 0;
                while (!done.get() && violation.get() == null) {
                  Map<String, Long> p = pair.selectOne(Path.stay());
                  long a = p.getOrDefault("a", 0L);
                  long b = p.getOrDefault("b", 0L);
                  if (a + b != 0) {
                    violation.set("half a microbatch visible: " + p);
                  } else if (a < lastA) {
                    violation.set("a rolled-back write was visible: a went from " + lastA);
                  }
                  lastA = a;
                  reads.incrementAndGet();
                }
              });
      reader.start();
      long sum = 0;
      for (long v = 1; v <= 400; v++) {
        sum += v;
        d.append(v);
      }
      ipc.waitForMicrobatchProcessedCount(m, "ledger", 400);
      done.set(true);
      reader.join(10_000);
      assertThat(violation.get()).isNull();
      assertThat(reads.get()).isPositive();
      assertThat(FAILURES_LEFT.get()).isNegative();
      Map<String, Long> p = pair.selectOne(Path.stay());
      assertThat(p).containsEntry("a", sum).containsEntry("b", -sum);
      PState seen = ipc.clusterPState(m, "$$seen");
      for (long v = 1; v <= 400; v++) {
        assertThat((Long) seen.selectOne(Path.key(v))).as("record %s", v).isEqualTo(1L);
      }
    }
  }

  static final AtomicInteger BATCH_FAILURES_LEFT = new AtomicInteger();

  /** Throws on task 1 while BATCH_FAILURES_LEFT is positive. */
  static Long failOnTask1(Integer task, Long v) {
    if (task == 1 && BATCH_FAILURES_LEFT.getAndDecrement() > 0) {
      throw new IllegalStateException("injected failure on task 1 at " + v);
    }
    return v;
  }

  /** A batch block whose pre-aggregation phase fails on task 1 in the first attempts. */
  static class FailingBatch implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*nums", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("sum");
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.pstate("$$counts", PState.mapSchema(Long.class, Long.class));
      // the code after a batch block runs once, on task 0, when the block has finished
      mb.source("*nums")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*v")
                  .each(Ops.CURRENT_TASK_ID)
                  .out("*t")
                  .each(MicrobatchTopologyTest::failOnTask1, "*t", "*v")
                  .out("*v2")
                  .globalPartition()
                  .agg("$$total", Agg.sum("*v2")))
          .explodeMicrobatch("*mb")
          .out("*v")
          .hashPartition("*v")
          .localTransform("$$counts", Path.key("*v").nullToVal(0L).term(ADD, 1L));
    }
  }

  @Test
  void aFailureInsideABatchBlockRollsBackEveryPStateOfTheMicrobatch() {
    BATCH_FAILURES_LEFT.set(2);
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new FailingBatch(), new LaunchConfig(4, 2));
      String m = FailingBatch.class.getName();
      Depot d = ipc.clusterDepot(m, "*nums");
      ipc.pauseMicrobatchTopology(m, "sum");
      long sum = 0;
      for (long v = 1; v <= 200; v++) {
        sum += v;
        d.append(v);
      }
      ipc.resumeMicrobatchTopology(m, "sum");
      ipc.waitForMicrobatchProcessedCount(m, "sum", 200);
      assertThat(BATCH_FAILURES_LEFT.get()).isNegative();
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo(sum);
      PState counts = ipc.clusterPState(m, "$$counts");
      for (long v = 1; v <= 200; v++) {
        assertThat((Long) counts.selectOne(Path.key(v))).isEqualTo(1L);
      }
    }
  }

  /** Each record moves v from one key to another: the values always sum to zero. */
  static class Transfers implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("depot.microbatch.max.records", 3);
      setup.declareDepot("*moves", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("moves");
      mb.pstate("$$balances", PState.mapSchema(Long.class, Long.class));
      mb.source("*moves")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*v")
          .each((Long v) -> v % 8, "*v")
          .out("*from")
          .each((Long v) -> (v + 3) % 8, "*v")
          .out("*to")
          .hashPartition("*from")
          .localTransform("$$balances", Path.key("*from").nullToVal(0L).term(SUB, "*v"))
          .hashPartition("*to")
          .localTransform("$$balances", Path.key("*to").nullToVal(0L).term(ADD, "*v"));
    }
  }

  @Test
  void readsAcrossTasksSeeWholeMicrobatches() throws Exception {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Transfers(), new LaunchConfig(4, 2));
      String m = Transfers.class.getName();
      Depot d = ipc.clusterDepot(m, "*moves");
      PState balances = ipc.clusterPState(m, "$$balances");
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<String> violation = new AtomicReference<>();
      AtomicInteger reads = new AtomicInteger();
      Thread reader =
          new Thread(
              () -> {
                while (!done.get() && violation.get() == null) {
                  // no leading key: every task is read, each at its own moment
                  List<Long> vals = balances.select(Path.mapVals());
                  long sum = vals.stream().mapToLong(Long::longValue).sum();
                  if (sum != 0) {
                    violation.set("values " + vals + " sum to " + sum);
                  }
                  reads.incrementAndGet();
                }
              });
      reader.start();
      for (long v = 1; v <= 1500; v++) {
        d.append(v);
      }
      ipc.waitForMicrobatchProcessedCount(m, "moves", 1500);
      done.set(true);
      reader.join(10_000);
      assertThat(violation.get()).isNull();
      assertThat(reads.get()).isPositive();
    }
  }

  // ---- visibility while a microbatch is in flight ----

  static volatile CountDownLatch reachedTask1;
  static volatile java.util.concurrent.CompletableFuture<Long> release;

  /** Parks the microbatch on task 1 (without blocking its thread) until the test releases it. */
  static java.util.concurrent.CompletableFuture<Long> hold(Long v) {
    reachedTask1.countDown();
    return release.thenApply(x -> v);
  }

  /**
   * Writes the global total on task 0, then parks on task 1; a query and a client read the total
   * meanwhile.
   */
  static class Visibility implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*nums", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.source("*nums")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*v")
          .globalPartition()
          .localTransform("$$total", Path.term(ADD, "*v"))
          .directPartition(1)
          .eachAsync(MicrobatchTopologyTest::hold, "*v");
      topologies
          .query("total")
          .out("*t")
          .globalPartition()
          .localSelect("$$total", Path.stay())
          .out("*t")
          .originPartition();
    }
  }

  @Test
  void queriesAndClientsReadCommittedStateWhileAMicrobatchRuns() throws Exception {
    reachedTask1 = new CountDownLatch(1);
    release = new java.util.concurrent.CompletableFuture<>();
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Visibility(), new LaunchConfig(2, 2));
      String m = Visibility.class.getName();
      ipc.clusterDepot(m, "*nums").append(5L);
      assertThat(reachedTask1.await(30, TimeUnit.SECONDS)).isTrue();
      // the write of 5 on task 0 is done but its microbatch is not committed
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo(0L);
      assertThat((Long) ipc.clusterQuery(m, "total").invoke()).isEqualTo(0L);
      release.complete(0L);
      ipc.waitForMicrobatchProcessedCount(m, "mb", 1);
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo(5L);
      assertThat((Long) ipc.clusterQuery(m, "total").invoke()).isEqualTo(5L);
    }
  }

  // ---- microbatch ids, pause and resume, wait timeouts ----

  static class Ids implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*recs", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("ids");
      mb.pstate("$$ids", PState.mapSchema(String.class, Long.class));
      mb.source("*recs")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .each(Ops.CURRENT_MICROBATCH_ID)
          .out("*id")
          .hashPartition("*r")
          .localTransform("$$ids", Path.key("*r").termVal("*id"));
    }
  }

  @Test
  void idsIncrementAndPauseHoldsRecordsForOneMicrobatchAfterResume() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Ids(), new LaunchConfig(4, 2));
      String m = Ids.class.getName();
      Depot d = ipc.clusterDepot(m, "*recs");
      PState ids = ipc.clusterPState(m, "$$ids");
      d.append("r0");
      ipc.waitForMicrobatchProcessedCount(m, "ids", 1);
      d.append("r1");
      ipc.waitForMicrobatchProcessedCount(m, "ids", 2);
      long id0 = ids.selectOne(Path.key("r0"));
      long id1 = ids.selectOne(Path.key("r1"));
      assertThat(id1).isEqualTo(id0 + 1);

      ipc.pauseMicrobatchTopology(m, "ids");
      ipc.pauseMicrobatchTopology(m, "ids");
      for (int i = 2; i < 12; i++) {
        d.append("r" + i);
      }
      assertThatThrownBy(() -> ipc.waitForMicrobatchProcessedCount(m, "ids", 12, 300))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ids")
          .hasMessageContaining("processed 2 records, not 12")
          .hasMessageContaining("paused");
      assertThat((Object) ids.selectOne(Path.key("r2"))).isNull();
      ipc.resumeMicrobatchTopology(m, "ids");
      ipc.resumeMicrobatchTopology(m, "ids");
      ipc.waitForMicrobatchProcessedCount(m, "ids", 12);
      for (int i = 2; i < 12; i++) {
        assertThat((Long) ids.selectOne(Path.key("r" + i))).isEqualTo(id1 + 1);
      }
      assertThatThrownBy(() -> ipc.waitForMicrobatchProcessedCount(m, "nope", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no microbatch topology nope");
    }
  }

  // ---- order, record caps ----

  static class Order implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("depot.microbatch.max.records", 7);
      setup.declareDepot("*events", Depot.hashBy(Ops.FIRST));
      MicrobatchTopology mb = topologies.microbatch("order");
      mb.pstate("$$seqs", PState.mapSchema(String.class, PState.listSchema(Long.class)));
      mb.pstate("$$batches", PState.mapSchema(Long.class, Long.class));
      mb.source("*events")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*e")
          .each(Ops.EXPAND, "*e")
          .out("*k", "*seq")
          .each(Ops.CURRENT_MICROBATCH_ID)
          .out("*id")
          .hashPartition("*k")
          .localTransform("$$seqs", Path.key("*k").afterElem().termVal("*seq"))
          .hashPartition("*id")
          .localTransform("$$batches", Path.key("*id").nullToVal(0L).term(ADD, 1L));
    }
  }

  @Test
  void recordsOfOnePartitionArriveInAppendOrderCappedPerMicrobatch() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Order(), new LaunchConfig(4, 2));
      String m = Order.class.getName();
      Depot d = ipc.clusterDepot(m, "*events");
      ipc.pauseMicrobatchTopology(m, "order");
      String[] keys = {"a", "b", "c", "d", "e"};
      for (long i = 0; i < 200; i++) {
        d.append(Arrays.asList(keys[(int) (i % keys.length)], i));
      }
      ipc.resumeMicrobatchTopology(m, "order");
      ipc.waitForMicrobatchProcessedCount(m, "order", 200);
      PState seqs = ipc.clusterPState(m, "$$seqs");
      for (int k = 0; k < keys.length; k++) {
        List<Long> expected = new ArrayList<>();
        for (long i = k; i < 200; i += keys.length) {
          expected.add(i);
        }
        assertThat((List<Long>) seqs.selectOne(Path.key(keys[k]))).isEqualTo(expected);
      }
      // no microbatch took more than 7 records from any of the 4 partitions
      List<Long> sizes = ipc.clusterPState(m, "$$batches").select(Path.mapVals());
      assertThat(sizes).allMatch(n -> n <= 4 * 7);
      assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(200L);
    }
  }

  /** Two depots, one of them read twice under different source ids, into one count per source. */
  static class TwoSources implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*a", Depot.random());
      setup.declareDepot("*b", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("multi");
      mb.pstate("$$perSource", PState.mapSchema(String.class, Long.class));
      mb.source("*a")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .hashPartition("a")
          .compoundAgg("$$perSource", CompoundAgg.map("a", Agg.count()));
      mb.source("*a", MicrobatchSourceOptions.sourceId("again"))
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .hashPartition("a2")
          .compoundAgg("$$perSource", CompoundAgg.map("a2", Agg.count()));
      mb.source("*b")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .hashPartition("b")
          .compoundAgg("$$perSource", CompoundAgg.map("b", Agg.count()));
    }
  }

  @Test
  void processedCountAddsUpAllSources() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new TwoSources(), new LaunchConfig(2, 1));
      String m = TwoSources.class.getName();
      for (int i = 0; i < 30; i++) {
        ipc.clusterDepot(m, "*a").append(i);
      }
      for (int i = 0; i < 20; i++) {
        ipc.clusterDepot(m, "*b").append(i);
      }
      // *a is read by two sources: 30 + 30 + 20
      ipc.waitForMicrobatchProcessedCount(m, "multi", 80);
      PState per = ipc.clusterPState(m, "$$perSource");
      assertThat((Long) per.selectOne(Path.key("a"))).isEqualTo(30L);
      assertThat((Long) per.selectOne(Path.key("a2"))).isEqualTo(30L);
      assertThat((Long) per.selectOne(Path.key("b"))).isEqualTo(20L);
      assertThatThrownBy(() -> ipc.waitForMicrobatchProcessedCount(m, "multi", 81, 100))
          .hasMessageContaining("processed 80 records, not 81, within 100 ms");
    }
    DeimosModule dup =
        new DeimosModule() {
          @Override
          public void define(Setup setup, Topologies topologies) {
            setup.declareDepot("*a", Depot.random());
            MicrobatchTopology mb = topologies.microbatch("dup");
            mb.source("*a").out("*x");
            mb.source("*a").out("*y");
          }
        };
    try (InProcessCluster ipc = InProcessCluster.create()) {
      assertThatThrownBy(() -> ipc.launchModule(dup, new LaunchConfig(1, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reads depot *a twice")
          .hasMessageContaining("sourceId");
    }
  }

  @Test
  void explodeMicrobatchOutsideATopologyFails() {
    assertThatThrownBy(
            () ->
                Block.each(Ops.IDENTITY, "x")
                    .out("*mb")
                    .explodeMicrobatch("*mb")
                    .out("*r")
                    .execute())
        .hasMessageContaining("explodeMicrobatch(*mb)")
        .hasMessageContaining("not bound to a microbatch");
  }

  @Test
  void aMicrobatchSourceOnAnUnknownDepotDoesNotLaunch() {
    DeimosModule bad =
        new DeimosModule() {
          @Override
          public void define(Setup setup, Topologies topologies) {
            setup.declareDepot("*d", Depot.random());
            topologies.microbatch("mb").source("*nope").out("*mb");
          }

          @Override
          public String getModuleName() {
            return "BadMicrobatch";
          }
        };
    try (InProcessCluster ipc = InProcessCluster.create()) {
      assertThatThrownBy(() -> ipc.launchModule(bad, new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("BadMicrobatch")
          .hasMessageContaining("microbatch topology mb")
          .hasMessageContaining("*nope");
    }
  }
}
