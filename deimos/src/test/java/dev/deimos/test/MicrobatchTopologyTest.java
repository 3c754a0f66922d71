package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrobatchTopologyTest {

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
  void wordCountHasExactCounts() throws Exception {
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
}
