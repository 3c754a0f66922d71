package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickDepotTest {
  static class TickModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareTickDepot("*ticks", 20);
      StreamTopology s = topologies.stream("ticker");
      s.pstate("$$ticks", Long.class).initialValue(0L);
      s.pstate("$$where", PState.mapSchema(Integer.class, Long.class));
      s.source("*ticks")
          .each(Ops.CURRENT_TASK_ID)
          .out("*origin")
          .localTransform("$$where", Path.key("*origin").nullToVal(0L).term(Ops.INC_LONG))
          .allPartition()
          .localTransform("$$ticks", Path.term(Ops.INC_LONG));
    }
  }

  @Test
  void tickDepot_firesRepeatedlyOnTask0_cannotBeAppended() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TickModule(), new LaunchConfig(4, 2));
      String name = TickModule.class.getName();
      PState ticks = cluster.clusterPState(name, "$$ticks");
      long deadline = System.currentTimeMillis() + 20_000;
      while (true) {
        List<Object> perTask = ticks.select(Path.stay());
        if (perTask.stream().allMatch(v -> (Long) v >= 3)) {
          break;
        }
        assertThat(System.currentTimeMillis()).as("3 ticks within 20 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      PState where = cluster.clusterPState(name, "$$where");
      assertThat((Long) where.selectOne(Path.key(0))).isGreaterThanOrEqualTo(3L);
      assertThat(where.select(Path.all())).hasSize(1);
      assertThatThrownBy(() -> cluster.clusterDepot(name, "*ticks").append("x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("*ticks")
          .hasMessageContaining("tick depot");
    }
  }

  @Test
  void declareTickDepot_nonPositiveFrequency_rejected() {
    DeimosModule bad = (setup, topologies) -> setup.declareTickDepot("*t", 0);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(bad, new LaunchConfig(1, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("*t");
    }
  }
}
