package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;
import dev.deimos.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/** freshBatchSource in a query topology whose sources hop across tasks before the merge. */
class FreshBatchSourceTopologyTest {

  static class TwoSources implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      topologies.stream("s").pstate("$$unused", PState.mapSchema(String.class, Long.class));
      topologies
          .query("sumBoth", "*xs", "*ys")
          .out("*total")
          .each(Ops.EXPLODE, "*xs")
          .out("*v")
          .hashPartition("*v")
          .anchor("xs")
          .freshBatchSource()
          .each(Ops.EXPLODE, "*ys")
          .out("*v")
          .shufflePartition()
          .anchor("ys")
          .unify("xs", "ys")
          .originPartition()
          .agg(Agg.sum("*v"))
          .out("*total");
    }
  }

  @Test
  void queryWithTwoSourcesOnManyTasks_mergesBoth() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TwoSources(), new LaunchConfig(4, 2));
      QueryTopologyClient<Long> q = cluster.clusterQuery(TwoSources.class.getName(), "sumBoth");
      assertThat(q.invoke(List.of(1, 2, 3), List.of(10, 20))).isEqualTo(36L);
      assertThat(q.invoke(List.of(), List.of(5))).isEqualTo(5L);
    }
  }
}
