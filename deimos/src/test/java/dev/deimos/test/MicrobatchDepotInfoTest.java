package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.cluster.ClusterManagerBase;
import dev.deimos.module.MicrobatchSourceOptions;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getMicrobatchDepotInfo: the offset ranges of the latest microbatch, per depot and partition. */
class MicrobatchDepotInfoTest {

  /** Puts a record [partition, value] on the partition it names. */
  public static class ByFirst implements Depot.Partitioning<List<Object>> {
    @Override
    public int choosePartitionIndex(List<Object> data, int numPartitions) {
      return (Integer) data.get(0);
    }
  }

  static class TwoDepots implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*a", ByFirst.class);
      setup.declareDepot("*b", Depot.random()).global();
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$perPartition", PState.mapSchema(Integer.class, Long.class));
      mb.source("*a")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .each(Ops.FIRST, "*r")
          .out("*p")
          .compoundAgg("$$perPartition", CompoundAgg.map("*p", Agg.count()));
      mb.source("*b", MicrobatchSourceOptions.sourceId("late"))
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r");
    }
  }

  private static final String M = TwoDepots.class.getName();

  private static Map<Integer, MicrobatchParams> ranges(long[][] startEnd) {
    Map<Integer, MicrobatchParams> m = new java.util.LinkedHashMap<>();
    for (int p = 0; p < startEnd.length; p++) {
      m.put(p, new MicrobatchParams(startEnd[p][0], startEnd[p][1]));
    }
    return m;
  }

  @Test
  void reportsTheLatestCommittedMicrobatchPerDepotAndPartition() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TwoDepots(), new LaunchConfig(4, 2));
      // through the interface a real cluster client also implements
      ClusterManagerBase manager = cluster;
      Map<String, Map<Integer, MicrobatchParams>> before = manager.getMicrobatchDepotInfo(M, "mb");
      assertThat(before.keySet()).containsExactly("*a", "*b#late");
      assertThat(before.get("*a")).isEqualTo(ranges(new long[][] {{0, 0}, {0, 0}, {0, 0}, {0, 0}}));
      assertThat(before.get("*b#late")).isEqualTo(ranges(new long[][] {{0, 0}}));

      Depot a = cluster.clusterDepot(M, "*a");
      Depot b = cluster.clusterDepot(M, "*b");
      cluster.pauseMicrobatchTopology(M, "mb");
      a.append(List.of(0, "x"));
      a.append(List.of(0, "y"));
      a.append(List.of(2, "z"));
      b.append("g");
      cluster.resumeMicrobatchTopology(M, "mb");
      cluster.waitForMicrobatchProcessedCount(M, "mb", 4);
      Map<String, Map<Integer, MicrobatchParams>> first = cluster.getMicrobatchDepotInfo(M, "mb");
      assertThat(first.get("*a")).isEqualTo(ranges(new long[][] {{0, 2}, {0, 0}, {0, 1}, {0, 0}}));
      assertThat(first.get("*b#late")).isEqualTo(ranges(new long[][] {{0, 1}}));

      // the next microbatch starts where the previous one ended
      cluster.pauseMicrobatchTopology(M, "mb");
      a.append(List.of(0, "x"));
      a.append(List.of(3, "w"));
      cluster.resumeMicrobatchTopology(M, "mb");
      cluster.waitForMicrobatchProcessedCount(M, "mb", 6);
      Map<String, Map<Integer, MicrobatchParams>> second = cluster.getMicrobatchDepotInfo(M, "mb");
      assertThat(second.get("*a")).isEqualTo(ranges(new long[][] {{2, 3}, {0, 0}, {1, 1}, {0, 1}}));
      assertThat(second.get("*b#late")).isEqualTo(ranges(new long[][] {{1, 1}}));
      // the result is a snapshot
      assertThat(first.get("*a").get(0).getEndOffset()).isEqualTo(2L);
    }
  }

  @Test
  void endOffsetsOnlyAdvanceWhenTheMicrobatchCommits() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TwoDepots(), new LaunchConfig(4, 2));
      Depot a = cluster.clusterDepot(M, "*a");
      cluster.pauseMicrobatchTopology(M, "mb");
      a.append(List.of(1, "x"));
      // appended but not processed: the info still says nothing was processed on partition 1
      assertThat(cluster.getMicrobatchDepotInfo(M, "mb").get("*a").get(1))
          .isEqualTo(new MicrobatchParams(0, 0));
      cluster.resumeMicrobatchTopology(M, "mb");
      cluster.waitForMicrobatchProcessedCount(M, "mb", 1);
      assertThat(cluster.getMicrobatchDepotInfo(M, "mb").get("*a").get(1).getEndOffset())
          .isEqualTo(1L);
    }
  }

  @Test
  void keepsItsProgressAcrossModuleUpdate() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TwoDepots(), new LaunchConfig(2, 1));
      Depot a = cluster.clusterDepot(M, "*a");
      a.append(List.of(1, "x"));
      cluster.waitForMicrobatchProcessedCount(M, "mb", 1);
      cluster.updateModule(new TwoDepots());
      assertThat(cluster.getMicrobatchDepotInfo(M, "mb").get("*a"))
          .isEqualTo(ranges(new long[][] {{0, 0}, {0, 1}}));
    }
  }

  @Test
  void unknownModuleOrTopology_fails() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TwoDepots(), new LaunchConfig(2, 1));
      assertThatThrownBy(() -> cluster.getMicrobatchDepotInfo(M, "nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no microbatch topology nope");
      assertThatThrownBy(() -> cluster.getMicrobatchDepotInfo("no.Module", "mb"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no.Module");
    }
  }
}
