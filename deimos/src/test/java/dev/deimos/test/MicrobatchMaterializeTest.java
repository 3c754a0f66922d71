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
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Temporary PStates ({@code materialize} / {@code explodeMaterialized}) in microbatch topologies.
 */
class MicrobatchMaterializeTest {
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Fails on task 1 while failures are left, after that task has materialized its tuples. */
  public static Long failOnTask1(Integer task, Long v) {
    if (task == 1 && FAILURES_LEFT.getAndDecrement() > 0) {
      throw new IllegalStateException("injected failure on task 1 at " + v);
    }
    return v;
  }

  public static Long times10(Long v) {
    return v * 10;
  }

  public static Long mod5(Long v) {
    return v % 5;
  }

  public static Long sameTask(Integer a, Integer b) {
    return a.equals(b) ? 1L : 0L;
  }

  /**
   * The first batch block materializes each record with its tenfold value on the task owning the
   * record; later batch blocks of the same microbatch read that table back on every task.
   */
  static class Tenfold implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*nums", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("tenfold");
      mb.pstate("$$sums", PState.mapSchema(Long.class, Long.class));
      mb.pstate("$$rows", Long.class).global().initialValue(0L);
      mb.pstate("$$onOwnTask", Long.class).global().initialValue(0L);
      mb.source("*nums")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*v")
                  .hashPartition("*v")
                  .each(Ops.CURRENT_TASK_ID)
                  .out("*t")
                  .each(MicrobatchMaterializeTest::times10, "*v")
                  .out("*w")
                  .materialize("*v", "*w", "*t")
                  .out("$$tmp")
                  .each(MicrobatchMaterializeTest::failOnTask1, "*t", "*v")
                  .out("*checked"))
          .batchBlock(
              Block.explodeMaterialized("$$tmp")
                  .out("*v", "*w", "*t0")
                  .each(MicrobatchMaterializeTest::mod5, "*v")
                  .out("*k")
                  .hashPartition("*k")
                  .compoundAgg("$$sums", CompoundAgg.map("*k", Agg.sum("*w"))))
          .batchBlock(
              Block.explodeMaterialized("$$tmp")
                  .out("*v", "*w", "*t0")
                  .each(Ops.CURRENT_TASK_ID)
                  .out("*t")
                  .each(MicrobatchMaterializeTest::sameTask, "*t", "*t0")
                  .out("*own")
                  .globalPartition()
                  .agg("$$rows", Agg.count())
                  .agg("$$onOwnTask", Agg.sum("*own")));
    }
  }

  private static void appendAndCheck(
      InProcessCluster ipc, String m, Depot d, long from, long to, boolean failOnce) {
    ipc.pauseMicrobatchTopology(m, "tenfold");
    for (long v = from; v <= to; v++) {
      d.append(v);
    }
    FAILURES_LEFT.set(failOnce ? 1 : 0);
    ipc.resumeMicrobatchTopology(m, "tenfold");
    ipc.waitForMicrobatchProcessedCount(m, "tenfold", (int) to);
    if (failOnce) {
      assertThat(FAILURES_LEFT.get()).as("the injected failure ran").isNegative();
    }
    long[] sums = new long[5];
    for (long v = 1; v <= to; v++) {
      sums[(int) (v % 5)] += v * 10;
    }
    PState out = ipc.clusterPState(m, "$$sums");
    for (long k = 0; k < 5; k++) {
      assertThat((Long) out.selectOne(Path.key(k))).as("sum of key %d", k).isEqualTo(sums[(int) k]);
    }
    // every tuple exploded exactly once, on the task that materialized it
    assertThat((Long) ipc.clusterPState(m, "$$rows").selectOne(Path.stay())).isEqualTo(to);
    assertThat((Long) ipc.clusterPState(m, "$$onOwnTask").selectOne(Path.stay())).isEqualTo(to);
  }

  @Test
  void materializedTuplesAreReadBackOnEveryTaskInLaterBatchBlocks() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Tenfold(), new LaunchConfig(4, 2));
      String m = Tenfold.class.getName();
      Depot d = ipc.clusterDepot(m, "*nums");
      appendAndCheck(ipc, m, d, 1, 200, false);
      // a second microbatch starts from an empty table: nothing of the first is emitted again
      appendAndCheck(ipc, m, d, 201, 300, false);
    }
  }

  @Test
  void aRetriedAttemptStartsWithEmptyTemporaryPStates() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Tenfold(), new LaunchConfig(4, 2));
      String m = Tenfold.class.getName();
      Depot d = ipc.clusterDepot(m, "*nums");
      // task 1 fails after materializing its tuples; the retry must not see them
      appendAndCheck(ipc, m, d, 1, 200, true);
      appendAndCheck(ipc, m, d, 201, 300, true);
    }
  }

  /**
   * An aggregator writes the microbatch's sum into a temporary PState; the code after the block
   * reads it on task 0 and a later block reads it again after a hop back to task 0.
   */
  static class BatchSums implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*nums", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("sums");
      mb.pstate("$$batchSums", PState.mapSchema(Long.class, Long.class));
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.source("*nums")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*v")
                  .each(Ops.CURRENT_TASK_ID)
                  .out("*t")
                  .each(MicrobatchMaterializeTest::failOnTask1, "*t", "*v")
                  .out("*v2")
                  .globalPartition()
                  .agg(Agg.sum("*v2"))
                  .out("$$sum"))
          .localSelect("$$sum", Path.stay())
          .out("*sum")
          .each(Ops.CURRENT_MICROBATCH_ID)
          .out("*id")
          .localTransform("$$batchSums", Path.key("*id").termVal("*sum"))
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*v")
                  .globalPartition()
                  .localSelect("$$sum", Path.stay())
                  .out("*s")
                  .agg("$$total", Agg.max("*s")));
    }
  }

  @Test
  void anAggregatorWritesATemporaryPStateReadAfterTheBlock() {
    FAILURES_LEFT.set(1);
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new BatchSums(), new LaunchConfig(4, 2));
      String m = BatchSums.class.getName();
      Depot d = ipc.clusterDepot(m, "*nums");
      ipc.pauseMicrobatchTopology(m, "sums");
      long sum = 0;
      for (long v = 1; v <= 200; v++) {
        sum += v;
        d.append(v);
      }
      ipc.resumeMicrobatchTopology(m, "sums");
      ipc.waitForMicrobatchProcessedCount(m, "sums", 200);
      assertThat(FAILURES_LEFT.get()).isNegative();
      PState sums = ipc.clusterPState(m, "$$batchSums");
      assertThat((Long) sums.selectOne(Path.key(0L))).isEqualTo(sum);
      assertThat((Long) ipc.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo(sum);
    }
  }

  // doc:temp
  public static class UrlBatchesModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*views", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("urls");
      mb.pstate("$$viewsPerUrl", PState.mapSchema(String.class, Long.class));
      mb.pstate("$$lastBatchSize", Long.class).global().initialValue(0L);
      mb.source("*views")
          .out("*microbatch")
          // block 1: each task keeps the urls of its records in the temporary PState $$urls,
          // and an aggregator writes the microbatch's size into the temporary PState $$size
          .batchBlock(
              Block.explodeMicrobatch("*microbatch")
                  .out("*view")
                  .each(Ops.EXPAND, "*view")
                  .out("*user", "*url")
                  .materialize("*url")
                  .out("$$urls")
                  .globalPartition()
                  .agg(Agg.count())
                  .out("$$size"))
          // after the block, on task 0
          .localSelect("$$size", Path.stay())
          .out("*size")
          .localTransform("$$lastBatchSize", Path.termVal("*size"))
          // block 2: every task emits the tuples it materialized
          .batchBlock(
              Block.explodeMaterialized("$$urls")
                  .out("*url")
                  .hashPartition("*url")
                  .compoundAgg("$$viewsPerUrl", CompoundAgg.map("*url", Agg.count())));
    }
  }

  // end

  @Test
  void docExample_countsUrlsThroughTemporaryPStates() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new UrlBatchesModule(), new LaunchConfig(4, 2));
      String name = UrlBatchesModule.class.getName();
      Depot views = cluster.clusterDepot(name, "*views");
      cluster.pauseMicrobatchTopology(name, "urls");
      views.append(List.of("alice", "/home"));
      views.append(List.of("bob", "/home"));
      views.append(List.of("alice", "/about"));
      cluster.resumeMicrobatchTopology(name, "urls");
      cluster.waitForMicrobatchProcessedCount(name, "urls", 3);
      PState perUrl = cluster.clusterPState(name, "$$viewsPerUrl");
      assertThat((Long) perUrl.selectOne(Path.key("/home"))).isEqualTo(2L);
      assertThat((Long) perUrl.selectOne(Path.key("/about"))).isEqualTo(1L);
      PState size = cluster.clusterPState(name, "$$lastBatchSize");
      assertThat((Long) size.selectOne(Path.stay())).isEqualTo(3L);
    }
  }

  @Test
  void docsPage_showsTheTemporaryPStateExample() throws IOException {
    DocSnippets.assertShown(
        "docs/microbatch.md",
        "src/test/java/dev/deimos/test/MicrobatchMaterializeTest.java",
        "temp");
  }
}
