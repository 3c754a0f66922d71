package dev.deimos.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a PState var passed where a value is expected binds the PState's value, never the
 * engine's PState object. Rama's helpers read a class-schema PState with {@code
 * each(Ops.EXTRACT_VALUE, "$$p")} and hand the result to their own functions and aggregators.
 */
class Issue17PStateVarTest {
  /** A per-task counter read the way rama-helpers' id generators read theirs. */
  static class CounterModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("s");
      s.pstate("$$counter", Long.class).initialValue(0L).makePrivate();
      s.pstate("$$seen", PState.mapSchema(String.class, PState.listSchema(Long.class)));
      s.pstate("$$direct", PState.mapSchema(String.class, PState.listSchema(Long.class)));
      s.source("*d")
          .out("*k")
          .each(Ops.EXTRACT_VALUE, "$$counter")
          .out("*extracted")
          .each(
              (Long c, Integer task) -> (((long) task) << 42) | c,
              "$$counter",
              new Expr(Ops.CURRENT_TASK_ID))
          .out("*unused")
          .each((Long c) -> c * 10, "$$counter")
          .out("*times10")
          .keepTrue(new Expr(Ops.GREATER_THAN_OR_EQUAL, "$$counter", 0L))
          .ifTrue(
              new Expr(Ops.IS_INSTANCE_OF, Long.class, "$$counter"),
              Block.each(Ops.IDENTITY, new Expr(Ops.PLUS_LONG, "$$counter", 1000L)).out("*plus"),
              Block.each(Ops.IDENTITY, -1L).out("*plus"))
          .localTransform("$$counter", Path.term(Ops.PLUS_LONG, 1))
          .compoundAgg("$$seen", CompoundAgg.map("*k", Agg.list("*extracted")))
          // an aggregator's input may name the PState directly: it aggregates the value
          .compoundAgg("$$direct", CompoundAgg.map("*k", Agg.list("$$counter")))
          .ackReturn(new Expr(Ops.TUPLE, "*extracted", "*times10", "*plus"));
    }
  }

  @Test
  void pstateVar_asFunctionAndExprArgument_bindsItsValue() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new CounterModule(), new LaunchConfig(1, 1));
      String m = CounterModule.class.getName();
      Depot d = cluster.clusterDepot(m, "*d");
      assertThat(d.append("a").get("s")).isEqualTo(List.of(0L, 0L, 1000L));
      assertThat(d.append("a").get("s")).isEqualTo(List.of(1L, 10L, 1001L));
      assertThat(d.append("b").get("s")).isEqualTo(List.of(2L, 20L, 1002L));
      // the extracted values were stored under a Long list schema without a schema violation
      PState seen = cluster.clusterPState(m, "$$seen");
      assertThat((Object) seen.selectOne(Path.key("a"))).isEqualTo(List.of(0L, 1L));
      PState direct = cluster.clusterPState(m, "$$direct");
      assertThat((Object) direct.selectOne(Path.key("a"))).isEqualTo(List.of(1L, 2L));
    }
  }

  /** Passes a map-schema PState to a function, which has no single value to bind. */
  static class MapPStateArgModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("s");
      s.pstate("$$byKey", PState.mapSchema(String.class, Long.class));
      s.source("*d", StreamSourceOptions.retryNone())
          .out("*k")
          .each((Map<?, ?> m) -> m.size(), "$$byKey")
          .out("*n");
    }
  }

  @Test
  void mapSchemaPStateVar_asFunctionArgument_failsNamingTheVarAndSchema() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new MapPStateArgModule(), new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(MapPStateArgModule.class.getName(), "*d");
      assertThatThrownBy(() -> d.append("a"))
          .hasMessageContaining("$$byKey")
          .hasMessageContaining("class schema")
          .hasMessageContaining("localSelect")
          .hasMessageNotContaining("TaskPState");
    }
  }

  /** The same in a microbatch topology, whose PState writes are staged per microbatch. */
  static class MicrobatchCounterModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$counter", Long.class).initialValue(0L);
      mb.pstate("$$seen", PState.mapSchema(String.class, PState.listSchema(Long.class)));
      mb.source("*d")
          .out("*batch")
          .explodeMicrobatch("*batch")
          .out("*k")
          .each(Ops.EXTRACT_VALUE, "$$counter")
          .out("*c")
          .localTransform("$$counter", Path.term(Ops.PLUS_LONG, 1))
          .compoundAgg("$$seen", CompoundAgg.map("*k", Agg.list("*c")));
    }
  }

  @Test
  void pstateVar_inMicrobatch_bindsTheValueWrittenSoFar() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new MicrobatchCounterModule(), new LaunchConfig(1, 1));
      String m = MicrobatchCounterModule.class.getName();
      Depot d = cluster.clusterDepot(m, "*d");
      for (int i = 0; i < 5; i++) {
        d.append("k");
      }
      cluster.waitForMicrobatchProcessedCount(m, "mb", 5);
      List<Long> seen = cluster.clusterPState(m, "$$seen").selectOne(Path.key("k"));
      assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat((Object) cluster.clusterPState(m, "$$counter").selectOne(Path.stay()))
          .isEqualTo(5L);
    }
  }
}
