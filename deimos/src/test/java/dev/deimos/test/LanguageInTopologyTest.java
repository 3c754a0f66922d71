package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.LoopVars;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole language (aggregators, control flow, partitioners) inside stream topologies. */
class LanguageInTopologyTest {

  static class Mixed implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("mixed");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.pstate("$$sums", PState.mapSchema(String.class, Long.class));
      s.pstate("$$kinds", PState.mapSchema(String.class, String.class));
      s.source("*d")
          .out("*n")
          .each((Integer n) -> "k" + (n % 5), "*n")
          .out("*k")
          .hashPartition("*k")
          .compoundAgg("$$counts", CompoundAgg.map("*k", Agg.count()))
          .loopWithVars(
              LoopVars.var("*i", 0),
              Block.ifTrue(
                  new dev.deimos.Expr(Ops.LESS_THAN, "*i", "*n"),
                  Block.emitLoop("*i").continueLoop(new dev.deimos.Expr(Ops.INC, "*i"))))
          .out("*j")
          .compoundAgg("$$sums", CompoundAgg.map("*k", Agg.sum("*j")))
          .cond(
              Case.create(new dev.deimos.Expr(Ops.EQUAL, "*j", 0))
                  .localTransform("$$kinds", Path.key("*k").termVal("seen")))
          .hashPartition("*k")
          .ackReturn("*k");
    }
  }

  @Test
  void aggLoopAndCond_insideStreamTopologyWithHops_matchLocalSemantics() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Mixed(), new LaunchConfig(4, 2));
      String m = Mixed.class.getName();
      Depot d = cluster.clusterDepot(m, "*d");
      long[] expectSum = new long[5];
      for (int n = 1; n <= 20; n++) {
        Map<String, Object> ack = d.append(n);
        assertThat(ack).containsEntry("mixed", "k" + (n % 5));
        expectSum[n % 5] += (long) n * (n - 1) / 2;
      }
      PState counts = cluster.clusterPState(m, "$$counts");
      PState sums = cluster.clusterPState(m, "$$sums");
      PState kinds = cluster.clusterPState(m, "$$kinds");
      for (int r = 0; r < 5; r++) {
        assertThat((Long) counts.selectOne(Path.key("k" + r))).isEqualTo(4L);
        assertThat((Long) sums.selectOne(Path.key("k" + r))).isEqualTo(expectSum[r]);
        assertThat((String) kinds.selectOne(Path.key("k" + r))).isEqualTo("seen");
      }
    }
  }
}
