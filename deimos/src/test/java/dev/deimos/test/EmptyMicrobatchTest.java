package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.Ops;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Microbatches keep running, empty, when no new records arrive. */
class EmptyMicrobatchTest {
  static final String OPTION = "topology.microbatch.empty.sleep.time.millis";

  /** Counts microbatches and records, and keeps the latest microbatch id and batch size. */
  static class Rounds implements DeimosModule {
    private final Long emptySleepMillis;

    Rounds(Long emptySleepMillis) {
      this.emptySleepMillis = emptySleepMillis;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      if (emptySleepMillis != null) {
        setup.setLaunchModuleDynamicOption(OPTION, emptySleepMillis);
      }
      setup.declareDepot("*events", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("rounds");
      mb.pstate("$$rounds", Long.class).global().initialValue(0L);
      mb.pstate("$$records", Long.class).global().initialValue(0L);
      mb.pstate("$$lastId", Long.class).global().initialValue(-1L);
      mb.pstate("$$lastSize", Long.class).global().initialValue(-1L);
      mb.source("*events")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*e")
                  .globalPartition()
                  .agg(Agg.count())
                  .out("*size")
                  // post-aggregation, on task 0: runs also when no record arrived
                  .localTransform("$$lastSize", Path.termVal("*size")))
          // after the batch block, on task 0, once per microbatch
          .each(Ops.CURRENT_MICROBATCH_ID)
          .out("*id")
          .localTransform("$$rounds", Path.term(Ops.INC_LONG))
          .localTransform("$$lastId", Path.termVal("*id"))
          .explodeMicrobatch("*mb")
          .out("*e")
          .globalPartition()
          .agg("$$records", Agg.count());
    }
  }

  private static final String M = Rounds.class.getName();

  private static long read(InProcessCluster cluster, String pstate) {
    return (Long) cluster.clusterPState(M, pstate).selectOne(Path.stay());
  }

  private static void eventually(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 20 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void withoutRecords_microbatchesStillRun_postAggregationSeesZero_andIdsAdvance() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Rounds(20L), new LaunchConfig(4, 2));
      // nothing appended: empty microbatches run the code after the batch block
      eventually(() -> read(cluster, "$$rounds") >= 3);
      assertThat(read(cluster, "$$records")).isZero();
      assertThat(read(cluster, "$$lastSize")).isZero();
      long idBefore = read(cluster, "$$lastId");
      assertThat(idBefore).isGreaterThanOrEqualTo(2L);
      eventually(() -> read(cluster, "$$lastId") > idBefore);
      // the count of processed records is unaffected; a record starts a microbatch as usual
      cluster.clusterDepot(M, "*events").append("e1");
      cluster.waitForMicrobatchProcessedCount(M, "rounds", 1);
      assertThat(read(cluster, "$$records")).isEqualTo(1L);
      eventually(() -> read(cluster, "$$lastSize") == 0L && read(cluster, "$$records") == 1L);
      // progress: an empty range at the end of the partitions
      long ends =
          cluster.getMicrobatchDepotInfo(M, "rounds").get("*events").values().stream()
              .mapToLong(MicrobatchParams::getEndOffset)
              .sum();
      assertThat(ends).isEqualTo(1L);
    }
  }

  @Test
  void pausedTopology_runsNoEmptyMicrobatch() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Rounds(10L), new LaunchConfig(2, 1));
      eventually(() -> read(cluster, "$$rounds") >= 1);
      cluster.pauseMicrobatchTopology(M, "rounds");
      long rounds = read(cluster, "$$rounds");
      Thread.sleep(200);
      assertThat(read(cluster, "$$rounds")).isEqualTo(rounds);
      cluster.resumeMicrobatchTopology(M, "rounds");
      eventually(() -> read(cluster, "$$rounds") > rounds);
    }
  }

  @Test
  void byDefault_anEmptyMicrobatchWaitsAMinute() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Rounds(null), new LaunchConfig(2, 1));
      cluster.clusterDepot(M, "*events").append("e1");
      cluster.waitForMicrobatchProcessedCount(M, "rounds", 1);
      Thread.sleep(200);
      // one microbatch, the one with the record
      assertThat(read(cluster, "$$rounds")).isEqualTo(1L);
    }
  }

  @Test
  void invalidOption_failsTheLaunch() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(new Rounds(-1L), new LaunchConfig(2, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(OPTION);
    }
  }
}
