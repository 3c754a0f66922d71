package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.module.StreamTopology;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A compoundAgg writes by key into the current task's partition whatever task owns the key, as it
 * did when aggregations replaced the whole partition (unlike localTransform, which checks).
 */
class CompoundAggUnalignedTest {

  static class Unaligned implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("unaligned");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*d")
          .out("*n")
          .each((Integer n) -> "k" + (n % 5), "*n")
          .out("*k")
          .compoundAgg("$$counts", CompoundAgg.map("*k", Agg.count().captureNewValInto("*c")))
          .ackReturn("*c");
    }
  }

  @Test
  void compoundAgg_keysOfOtherTasks_writtenLocallyWithoutError() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Unaligned(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(Unaligned.class.getName(), "*d");
      long total = 0;
      for (int n = 1; n <= 20; n++) {
        Map<String, Object> ack = d.append(n);
        assertThat(ack.get("unaligned")).isInstanceOf(Long.class);
        total += (Long) ack.get("unaligned") > 0 ? 1 : 0;
      }
      assertThat(total).isEqualTo(20);
    }
  }
}
