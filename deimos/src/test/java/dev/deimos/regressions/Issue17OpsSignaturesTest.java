package dev.deimos.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: built-in ops must be accepted wherever Rama accepts them. Most of this class is a
 * compile-level check (it fails to compile if a signature rejects an op); the last test runs a few
 * of the combinations against a PState.
 */
class Issue17OpsSignaturesTest {
  /** Every navigator that takes a function, given built-in ops of each declared shape. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static List<Path> pathsWithBuiltInOps() {
    DeimosFunction1<List, Boolean> rawListPred = l -> !l.isEmpty();
    DeimosFunction1<List<Object>, Boolean> listPred = l -> !l.isEmpty();
    return Arrays.asList(
        Path.isCollected(Ops.IDENTITY),
        Path.isCollected(Ops.IS_NOT_NULL),
        Path.isCollected(Ops.IS_NULL),
        Path.isCollected(Ops.NOT),
        Path.isCollected(Ops.FIRST),
        Path.isCollected(Ops.SIZE),
        Path.isCollected(Ops.AND),
        Path.isCollected(Ops.EQUAL),
        Path.isCollected(rawListPred),
        Path.isCollected(listPred),
        Path.key("a").isCollected(Ops.IDENTITY),
        Path.filterPred(Ops.IDENTITY),
        Path.filterPred(Ops.IS_EVEN),
        Path.filterPred(Ops.IS_ODD),
        Path.filterPred(Ops.IS_NULL),
        Path.filterPred(Ops.IS_NOT_NULL),
        Path.filterPred(Ops.NOT),
        Path.filterPred(Ops.FIRST),
        Path.filterPred(Ops.OR),
        Path.filterPred(Ops.EQUAL),
        Path.all().filterPred(Ops.IS_EVEN),
        Path.view(Ops.SIZE),
        Path.view(Ops.INC),
        Path.view(Ops.INC_LONG),
        Path.view(Ops.DEC),
        Path.view(Ops.IDENTITY),
        Path.view(Ops.FIRST),
        Path.view(Ops.LAST),
        Path.view(Ops.CLASS),
        Path.view(Ops.SUM),
        Path.view(Ops.TO_STRING),
        Path.view(Ops.TUPLE),
        Path.view(Ops.PLUS, 1),
        Path.view(Ops.PLUS_LONG, 1L),
        Path.view(Ops.MINUS, 1),
        Path.view(Ops.TIMES, 2),
        Path.view(Ops.DIV, 2),
        Path.view(Ops.GET, 0),
        Path.view(Ops.CONTAINS, "x"),
        Path.view(Ops.EQUAL, 1),
        Path.view(Ops.LESS_THAN, 1),
        Path.view(Ops.MAX, 1),
        Path.view(Ops.TUPLE, 1, 2),
        Path.view(Ops.IS_INSTANCE_OF, String.class),
        Path.key("a").view(Ops.SIZE),
        Path.term(Ops.INC),
        Path.term(Ops.INC_LONG),
        Path.term(Ops.DEC_LONG),
        Path.term(Ops.IDENTITY),
        Path.term(Ops.PLUS, 1),
        Path.term(Ops.PLUS_LONG, 1),
        Path.term(Ops.MINUS_LONG, 1),
        Path.term(Ops.TIMES_LONG, 3),
        Path.term(Ops.MIN, 0),
        Path.term(Ops.TUPLE, 1, 2),
        Path.key("a").term(Ops.PLUS, 1));
  }

  /** Every dataflow position that takes a function, given built-in ops. */
  static List<Object> blocksWithBuiltInOps() {
    DeimosFunction2<Object, Object, Object> plus = Ops.PLUS;
    DeimosFunction1<Object, Object> identity = Ops.IDENTITY;
    return Arrays.asList(
        Block.each(Ops.IDENTITY, 1).out("*a"),
        Block.each(Ops.CURRENT_TASK_ID).out("*t"),
        Block.each(Ops.CURRENT_MICROBATCH_ID).out("*m"),
        Block.each(Ops.CURRENT_TOPOLOGY_TYPE).out("*tt"),
        Block.each(Ops.MODULE_INSTANCE_INFO).out("*mi"),
        Block.each(Ops.PLUS, 1, 2).out("*b"),
        Block.each(Ops.AND, true, false, true).out("*c"),
        Block.each(Ops.EXPLODE, List.of(1)).out("*d"),
        Block.each(Ops.EXPAND, List.of(1, 2)).out("*e", "*f"),
        Block.each(Ops.EXPLODE_MAP, Map.of(1, 2)).out("*g", "*h"),
        Block.each(Ops.EXPLODE_INDEXED, List.of(1)).out("*i", "*j"),
        Block.each(Ops.RANGE, 0, 3).out("*k"),
        Block.each(Ops.PRINTLN, "x"),
        Block.each(Ops.LOG_INFO, "x {}", 1),
        Block.each(Ops.EXTRACT_VALUE, "$$p").out("*v"),
        Block.each(Ops.IS_INSTANCE_OF, String.class, "s").out("*l"),
        Block.each(Ops.CONTAINS, List.of(1), 1).out("*n"),
        Block.each(Ops.DIV, 1, 2).out("*o"),
        Block.keepTrue(new Expr(Ops.IS_NOT_NULL, "*a")),
        Block.keepTrue(new Expr(Ops.AND, new Expr(Ops.IS_EVEN, 2), new Expr(Ops.NOT, false))),
        Block.ifTrue(new Expr(Ops.LESS_THAN, 1, 2, 3), Block.each(Ops.IDENTITY, 1)),
        Block.each(plus, 1, 2).out("*p"),
        Block.each(identity, 1).out("*q"),
        new Expr(Ops.TUPLE, 1, 2, 3, 4, 5, 6, 7, 8),
        Depot.hashBy(Ops.FIRST),
        Depot.hashBy(Ops.IDENTITY),
        Depot.hashBy(Ops.LAST));
  }

  @Test
  void everyCombination_builds() {
    assertThat(pathsWithBuiltInOps()).doesNotContainNull();
    assertThat(blocksWithBuiltInOps()).doesNotContainNull();
  }

  static class PathsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.FIRST));
      StreamTopology s = topologies.stream("s");
      s.pstate("$$p", PState.mapSchema(String.class, List.class));
      s.source("*d")
          .out("*kv")
          .each(Ops.EXPAND, "*kv")
          .out("*k", "*v")
          .localTransform("$$p", Path.key("*k").termVal("*v"));
    }
  }

  @Test
  void builtInOps_inNavigators_selectAsRamaDoes() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new PathsModule(), new LaunchConfig(2, 1));
      String m = PathsModule.class.getName();
      Depot d = cluster.clusterDepot(m, "*d");
      PState p = cluster.clusterPState(m, "$$p");
      d.append(List.of("a", List.of(1, 2, 3, 4)));
      assertThat(p.select(Path.key("a").all().filterPred(Ops.IS_EVEN))).containsExactly(2, 4);
      assertThat(p.select(Path.key("a").all().filterPred(Ops.IS_ODD))).containsExactly(1, 3);
      assertThat(p.select(Path.key("a").all().view(Ops.PLUS, 10))).containsExactly(11, 12, 13, 14);
      assertThat((Object) p.selectOne(Path.key("a").view(Ops.SIZE))).isEqualTo(4);
      // nothing collected: an empty list, which is truthy, so IDENTITY keeps the value
      assertThat(p.select(Path.key("a").isCollected(Ops.IDENTITY).view(Ops.SIZE)))
          .containsExactly(4);
      // with values collected, each result is the collected values followed by the value
      assertThat(p.select(Path.key("a").collectOne(Path.first()).isCollected(Ops.FIRST).last()))
          .containsExactly(List.of(1, 4));
      assertThat(p.select(Path.key("a").isCollected(Ops.FIRST))).isEmpty();
    }
  }
}
