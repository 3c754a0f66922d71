package dev.deimos.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.dataflow.PlanGraph;
import dev.deimos.impl.runtime.ModuleView;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import dev.deimos.test.LaunchConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The console's read-only view of a module and its topologies' dataflow graphs. */
class ModuleViewTest {
  static final String NAME = ViewModule.class.getName();

  /** A stream word count, a microbatch total with a batch block, a query and a failing source. */
  public static class ViewModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.random());
      // a failing record gives up after a second of retries
      setup.setLaunchModuleDynamicOption("topology.stream.timeout.seconds", 1);
      setup.declareDepot("*bad", Depot.random());
      StreamTopology s = topologies.stream("counts");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*words")
          .out("*w")
          .hashPartition("*w")
          .localTransform("$$counts", Path.key("*w").nullToVal(0L).term(Ops.INC_LONG));
      s.source("*bad").out("*x").each(ModuleViewTest::boom, "*x");
      MicrobatchTopology mb = topologies.microbatch("total");
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.source("*words")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*w")
                  .globalPartition()
                  .agg("$$total", Agg.count()));
      topologies
          .query("countOf", "*w")
          .out("*c")
          .hashPartition("$$counts", "*w")
          .localSelect("$$counts", Path.key("*w"))
          .out("*c")
          .originPartition();
    }
  }

  static Object boom(Object x) {
    throw new IllegalStateException("bad record " + x);
  }

  @Test
  void view_afterAppends_showsDepotsPStatesAndTopologiesWithCounts() {
    try (InProcessClusterImpl c = new InProcessClusterImpl()) {
      c.launchModule(new ViewModule(), new LaunchConfig(4, 2));
      Depot words = c.clusterDepot(NAME, "*words");
      for (String w : List.of("a", "b", "a", "c", "a")) {
        words.append(w);
      }
      c.waitForMicrobatchProcessedCount(NAME, "total", 5);
      assertThat((Long) c.clusterQuery(NAME, "countOf").invoke("a")).isEqualTo(3L);

      ModuleView v = c.moduleView(NAME);
      assertThat(v.module()).isEqualTo(NAME);
      assertThat(v.tasks()).isEqualTo(4);
      assertThat(v.threads()).isEqualTo(2);

      ModuleView.DepotView d = v.depots().get(0);
      assertThat(d.name()).isEqualTo("*words");
      assertThat(d.partitions()).isEqualTo(4);
      assertThat(d.records()).isEqualTo(5);
      assertThat(d.appends()).isEqualTo(5);
      assertThat(d.appendedBytes()).isPositive();

      Map<String, ModuleView.PStateView> ps =
          v.pstates().stream().collect(Collectors.toMap(ModuleView.PStateView::name, p -> p));
      ModuleView.PStateView counts = ps.get("$$counts");
      assertThat(counts.owner()).isEqualTo("counts");
      assertThat(counts.schema()).contains("String").contains("Long");
      assertThat(counts.sizes()).hasSize(4);
      assertThat(java.util.Arrays.stream(counts.sizes()).sum()).isEqualTo(3); // a, b, c
      assertThat(ps.get("$$total").global()).isTrue();
      assertThat(ps.get("$$total").sizes()).containsExactly(1);

      Map<String, ModuleView.TopologyView> ts =
          v.topologies().stream().collect(Collectors.toMap(ModuleView.TopologyView::name, t -> t));
      ModuleView.TopologyView s = ts.get("counts");
      assertThat(s.type()).isEqualTo("stream");
      assertThat(s.sources()).containsExactly("*words", "*bad");
      assertThat(s.processed()).isEqualTo(5);
      assertThat(s.failures()).isZero();
      assertThat(s.latencyMillis(0.5)).isPositive();
      assertThat(s.latencyMillis(0.99)).isGreaterThanOrEqualTo(s.latencyMillis(0.5));

      ModuleView.TopologyView mb = ts.get("total");
      assertThat(mb.type()).isEqualTo("microbatch");
      assertThat(mb.processed()).isEqualTo(5);
      assertThat(mb.microbatches()).isPositive();
      assertThat(mb.status().stalled()).isFalse();
      assertThat(mb.progress()).hasSize(1);
      assertThat(mb.progress().get(0).depot()).isEqualTo("*words");
      assertThat(mb.progress().get(0).behind()).isZero();

      ModuleView.TopologyView q = ts.get("countOf");
      assertThat(q.type()).isEqualTo("query");
      assertThat(q.processed()).isEqualTo(1);
    }
  }

  @Test
  void view_ofFailingSource_countsFailuresAndRetries() {
    try (InProcessClusterImpl c = new InProcessClusterImpl()) {
      c.launchModule(new ViewModule(), new LaunchConfig(2, 1));
      Depot bad = c.clusterDepot(NAME, "*bad");
      assertThatThrownBy(() -> bad.append("x")).hasMessageContaining("bad record x");
      ModuleView.TopologyView s =
          c.moduleView(NAME).topologies().stream()
              .filter(t -> t.name().equals("counts"))
              .findFirst()
              .orElseThrow();
      assertThat(s.failures()).isGreaterThanOrEqualTo(2);
      assertThat(s.retries()).isEqualTo(s.failures() - 1);
      assertThat(s.processed()).isZero();
    }
  }

  @Test
  void graph_ofStreamTopology_hasSegmentsHopsAndLiveCounts() {
    try (InProcessClusterImpl c = new InProcessClusterImpl()) {
      c.launchModule(new ViewModule(), new LaunchConfig(4, 2));
      Depot words = c.clusterDepot(NAME, "*words");
      for (int i = 0; i < 7; i++) {
        words.append("w" + (i % 3));
      }
      PlanGraph g = c.topologyGraph(NAME, "counts");
      PlanGraph.Node src = node(g, "source(*words)");
      PlanGraph.Node hop = node(g, "hashPartition");
      PlanGraph.Node write = node(g, "localTransform($$counts");
      assertThat(src.count()).isEqualTo(7);
      assertThat(hop.count()).isEqualTo(7);
      assertThat(write.count()).isEqualTo(7);
      assertThat(node(g, "source(*bad)").count()).isZero();
      assertThat(write.segment()).isNotEqualTo(src.segment());
      assertThat(g.edges()).contains(new PlanGraph.Edge(hop.id(), write.id(), "hop"));
      assertThat(src.phase()).isEqualTo("stream");
    }
  }

  @Test
  void graph_ofMicrobatchTopology_showsBatchPhases() {
    try (InProcessClusterImpl c = new InProcessClusterImpl()) {
      c.launchModule(new ViewModule(), new LaunchConfig(2, 1));
      Depot words = c.clusterDepot(NAME, "*words");
      words.append("a");
      words.append("b");
      c.waitForMicrobatchProcessedCount(NAME, "total", 2);
      PlanGraph g = c.topologyGraph(NAME, "total");
      PlanGraph.Node agg = node(g, "agg($$total");
      assertThat(agg.phase()).isEqualTo("agg");
      assertThat(agg.kind()).isEqualTo("AGGREGATOR");
      assertThat(node(g, "explodeMicrobatch").phase()).isEqualTo("pre-agg");
      assertThat(node(g, "globalPartition").phase()).isEqualTo("pre-agg");
      assertThat(agg.count()).isEqualTo(2);
      assertThat(c.topologyGraph(NAME, "countOf").nodes()).isNotEmpty();
      assertThatThrownBy(() -> c.topologyGraph(NAME, "nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no topology nope");
    }
  }

  @Test
  void countsAndPartitionSelects_surviveAModuleUpdate() throws Exception {
    try (InProcessClusterImpl c = new InProcessClusterImpl()) {
      c.launchModule(new ViewModule(), new LaunchConfig(2, 1));
      Depot words = c.clusterDepot(NAME, "*words");
      words.append("a");
      words.append("b");
      c.updateModule(new ViewModule());
      words.append("a");
      ModuleView v = c.moduleView(NAME);
      assertThat(v.depots().get(0).appends()).isEqualTo(3);
      ModuleView.TopologyView s =
          v.topologies().stream().filter(t -> t.name().equals("counts")).findFirst().orElseThrow();
      assertThat(s.processed()).isEqualTo(3);
      List<Object> keys = new java.util.ArrayList<>();
      for (int p = 0; p < 2; p++) {
        keys.addAll(c.selectOnPartition(NAME, "$$counts", p, Path.mapKeys()).get());
      }
      assertThat(keys).containsExactlyInAnyOrder("a", "b");
      assertThatThrownBy(() -> c.selectOnPartition(NAME, "$$counts", 2, Path.mapKeys()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("partitions 0..1, not 2");
    }
  }

  static PlanGraph.Node node(PlanGraph g, String labelStart) {
    return g.nodes().stream()
        .filter(n -> n.label().startsWith(labelStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + labelStart + " in " + g.nodes()));
  }
}
