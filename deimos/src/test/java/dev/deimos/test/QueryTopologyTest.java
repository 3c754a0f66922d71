package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.SubBatch;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTopologyTest {

  /** Word counts by a stream topology, read back by query topologies. */
  static class WordsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.random());
      StreamTopology s = topologies.stream("indexer");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*words")
          .out("*w")
          .hashPartition("*w")
          .localTransform("$$counts", Path.key("*w").nullToVal(0L).term(Ops.INC_LONG));

      topologies
          .query("total")
          .out("*total")
          .allPartition()
          .localSelect("$$counts", Path.mapVals())
          .out("*c")
          .originPartition()
          .agg(Agg.sum("*c"))
          .out("*total");

      topologies
          .query("count", "*w")
          .out("*n")
          .hashPartition("$$counts", "*w")
          .localSelect("$$counts", Path.key("*w").nullToVal(0L))
          .out("*n")
          .originPartition();

      // groupBy in a subBatch: words per length, merged into one map at the origin
      Block perLen =
          Block.allPartition()
              .localSelect("$$counts", Path.mapKeys())
              .out("*w")
              .each((String w) -> (long) w.length(), "*w")
              .out("*len")
              .groupBy("*len", Block.agg(Agg.count()).out("*n"));
      topologies
          .query("byLength")
          .out("*res")
          .subBatch(new SubBatch(perLen, "*len", "*n"))
          .out("*len", "*n")
          .originPartition()
          .compoundAgg(CompoundAgg.map("*len", Agg.last("*n")))
          .out("*res");

      // a query calling another query
      topologies
          .query("twice", "*w")
          .out("*r")
          .invokeQuery("count", "*w")
          .out("*n")
          .each(Ops.TIMES, "*n", 2L)
          .out("*r")
          .originPartition();
    }
  }

  private static final String WORDS = WordsModule.class.getName();

  private static Map<String, Long> load(InProcessCluster cluster, String... words) {
    Depot d = cluster.clusterDepot(WORDS, "*words");
    Map<String, Long> expected = new HashMap<>();
    for (String w : words) {
      d.append(w);
      expected.merge(w, 1L, Long::sum);
    }
    return expected;
  }

  @Test
  void allPartitionSum_touchesEveryTask_exactTotal() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(8, 3));
      QueryTopologyClient<Long> total = cluster.clusterQuery(WORDS, "total");
      assertThat(total.invoke()).isEqualTo(0L);
      String[] words = new String[200];
      for (int i = 0; i < words.length; i++) {
        words[i] = "w" + (i % 37);
      }
      load(cluster, words);
      assertThat(total.invoke()).isEqualTo(200L);
      assertThat(total.invokeAsync().join()).isEqualTo(200L);
    }
  }

  @Test
  void leadingHashPartition_readsOwningPartition() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(4, 2));
      load(cluster, "a", "b", "a", "c", "a");
      QueryTopologyClient<Long> count = cluster.clusterQuery(WORDS, "count");
      assertThat(count.invoke("a")).isEqualTo(3L);
      assertThat(count.invoke("c")).isEqualTo(1L);
      assertThat(count.invoke("zzz")).isEqualTo(0L);
    }
  }

  @Test
  void groupByInSubBatch_countsPerGroupAcrossTasks() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(8, 2));
      load(cluster, "a", "bb", "cc", "ddd", "a", "eee", "fff", "g");
      QueryTopologyClient<Map<Long, Long>> q = cluster.clusterQuery(WORDS, "byLength");
      Map<Long, Long> expected = new HashMap<>();
      expected.put(1L, 2L); // a, g
      expected.put(2L, 2L); // bb, cc
      expected.put(3L, 3L); // ddd, eee, fff
      assertThat(q.invoke()).isEqualTo(expected);
    }
  }

  @Test
  void invokeQuery_fromAnotherQuery_usesItsResult() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(4, 2));
      load(cluster, "x", "x", "y");
      QueryTopologyClient<Long> twice = cluster.clusterQuery(WORDS, "twice");
      assertThat(twice.invoke("x")).isEqualTo(4L);
      assertThat(twice.invoke("y")).isEqualTo(2L);
    }
  }

  @Test
  void wrongArgumentCount_failsNamingQuery() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(2, 1));
      QueryTopologyClient<Long> count = cluster.clusterQuery(WORDS, "count");
      assertThatThrownBy(() -> count.invoke("a", "b"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("query count")
          .hasMessageContaining("takes 1 arguments, got 2");
      assertThatThrownBy(() -> cluster.clusterQuery(WORDS, "nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no query topology nope");
    }
  }

  @Test
  void results_equalPlainCollections() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(4, 2));
      load(cluster, "ab", "cd");
      Map<Long, Long> res = cluster.<Map<Long, Long>>clusterQuery(WORDS, "byLength").invoke();
      assertThat(res).isEqualTo(Map.of(2L, 2L));
      assertThat(List.copyOf(res.keySet())).isEqualTo(Arrays.asList(2L));
    }
  }
}
