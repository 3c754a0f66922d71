package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.AckLevel;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.KeyHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InProcessClusterTest {
  private static final String WC = WordCountModule.class.getName();

  @Test
  void append_wordCount_selectReturnsCounts() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
      Depot depot = cluster.clusterDepot(WC, "*words");
      PState counts = cluster.clusterPState(WC, "$$counts");
      for (String w : List.of("apple", "pear", "apple", "fig", "apple")) {
        depot.append(w);
      }
      assertThat((Long) counts.selectOne(Path.key("apple"))).isEqualTo(3L);
      assertThat((Long) counts.selectOne(Path.key("pear"))).isEqualTo(1L);
      assertThat((Long) counts.selectOne(Path.key("kiwi"))).isNull();
      assertThat((Long) counts.selectOne("fig", Path.key("fig"))).isEqualTo(1L);
      List<Object> all = counts.select(Path.all());
      assertThat(all).hasSize(3);
      assertThat(cluster.getDeployedModuleNames()).containsExactly(WC);
    }
  }

  @Test
  void append_ackReturnsMapWithTopologyNameAndNull() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(2, 1));
      Map<String, Object> ack = cluster.clusterDepot(WC, "*words").append("a");
      assertThat(ack).containsOnlyKeys("counter");
      assertThat(ack.get("counter")).isNull();
    }
  }

  @Test
  void appendAsync_manyClientThreads_exactTotals() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(8, 2));
      Depot depot = cluster.clusterDepot(WC, "*words");
      PState counts = cluster.clusterPState(WC, "$$counts");
      List<Thread> threads = new ArrayList<>();
      int perThread = 200;
      for (int t = 0; t < 4; t++) {
        Thread th =
            new Thread(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    depot.append("w" + (i % 10));
                    counts.selectOne(Path.key("w0"));
                  }
                });
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
      long total = 0;
      for (int i = 0; i < 10; i++) {
        total += (Long) counts.selectOne(Path.key("w" + i));
      }
      assertThat(total).isEqualTo(4L * perThread);
      assertThat((Long) counts.selectOne(Path.key("w3"))).isEqualTo(4L * perThread / 10);
    }
  }

  @Test
  void append_ackLevels_allComplete() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(2, 2));
      Depot depot = cluster.clusterDepot(WC, "*words");
      assertThat(depot.append("x", AckLevel.NONE)).isEmpty();
      assertThat(depot.append("x", AckLevel.APPEND_ACK)).isEmpty();
      CompletableFuture<Map<String, Object>> f = depot.appendAsync("x", AckLevel.ACK);
      assertThat(f.get()).containsKey("counter");
      // the ACK append was queued after the others on the same task, so all three are counted
      assertThat((Long) cluster.clusterPState(WC, "$$counts").selectOne(Path.key("x")))
          .isEqualTo(3L);
    }
  }

  @Test
  void append_unserializableRecord_failsAtAppend() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(1, 1));
      Depot depot = cluster.clusterDepot(WC, "*words");
      assertThatThrownBy(() -> depot.append(new Object()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("*words")
          .hasMessageContaining("Serializable");
    }
  }

  @Test
  void launch_smallModule_startsQuickly() {
    long t0 = System.nanoTime();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
      cluster.clusterDepot(WC, "*words").append("a");
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
  }

  @Test
  void destroyModule_removesIt() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(1, 1));
      cluster.destroyModule(WC);
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
      assertThatThrownBy(() -> cluster.clusterDepot(WC, "*words"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not deployed");
    }
  }

  @Test
  void launchModule_sameInstanceDefines() {
    class Fielded implements DeimosModule {
      String depotVar;

      @Override
      public void define(Setup setup, Topologies topologies) {
        setup.declareDepot(depotVar, Depot.random());
      }
    }
    Fielded m = new Fielded();
    m.depotVar = "*custom";
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 1));
      assertThat(cluster.clusterDepot(m.getModuleName(), "*custom").append(1, AckLevel.ACK))
          .isEmpty();
    }
  }

  /** Sends every record to the last partition. */
  public static class LastPartition implements Depot.Partitioning<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public int choosePartitionIndex(Object data, int numPartitions) {
      return numPartitions - 1;
    }
  }

  /** Extracts the first character of a string. */
  public static class FirstChar implements dev.deimos.ops.DeimosFunction1<String, Character> {
    private static final long serialVersionUID = 1L;

    @Override
    public Character invoke(String s) {
      return s.charAt(0);
    }
  }

  static class PartitioningModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*last", LastPartition.class);
      setup.declareDepot("*byChar", Depot.hashBy(FirstChar.class));
      setup.declareDepot("*closed", Depot.disallow());
      dev.deimos.module.StreamTopology s = topologies.stream("where");
      s.source("*last")
          .out("*x")
          .each(dev.deimos.ops.Ops.CURRENT_TASK_ID)
          .out("*t")
          .ackReturn("*t");
      s.source("*byChar")
          .out("*x")
          .each(dev.deimos.ops.Ops.CURRENT_TASK_ID)
          .out("*t")
          .ackReturn("*t");
    }
  }

  @Test
  void declaredPartitioners_chooseTheSourceTask_disallowRejectsClients() {
    String name = PartitioningModule.class.getName();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new PartitioningModule(), new LaunchConfig(8, 2));
      assertThat(cluster.clusterDepot(name, "*last").append("a")).containsEntry("where", 7);
      assertThat(cluster.clusterDepot(name, "*byChar").append("apple"))
          .containsEntry("where", KeyHash.taskFor('a', 8));
      assertThatThrownBy(() -> cluster.clusterDepot(name, "*closed").append("x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("depot *closed")
          .hasMessageContaining("does not allow appends");
    }
  }
}
