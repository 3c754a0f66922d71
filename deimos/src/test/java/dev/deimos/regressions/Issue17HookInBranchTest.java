package dev.deimos.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: {@code hook} onto an anchor defined inside an {@code ifTrue} branch or its else block
 * attaches code that runs after that branch, with the branch's vars, as Rama's helpers rely on
 * (rama-helpers' scheduler hooks onto an anchor at the end of an else block, and its users hook
 * onto anchors in the handle code it wraps in an {@code ifTrue}).
 */
class Issue17HookInBranchTest {
  /** Even numbers are counted under "even" after the then-branch, odd ones after the else. */
  static class BranchModule implements DeimosModule {
    final boolean microbatch;

    BranchModule(boolean microbatch) {
      this.microbatch = microbatch;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      ETLTopologyBase<?> t = microbatch ? topologies.microbatch("t") : topologies.stream("t");
      t.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      t.pstate("$$all", PState.mapSchema(String.class, Long.class));
      Block.Impl start =
          microbatch
              ? t.source("*d").out("*batch").explodeMicrobatch("*batch").out("*n")
              : t.source("*d").out("*n");
      start
          .ifTrue(
              new Expr(Ops.IS_EVEN, "*n"),
              Block.each(Ops.IDENTITY, "even").out("*kind").anchor("Even"),
              Block.each(Ops.IDENTITY, "odd")
                  .out("*oddKind")
                  .ifTrue(
                      new Expr(Ops.GREATER_THAN, "*n", 100),
                      Block.each(Ops.IDENTITY, "big").out("*size").anchor("BigOdd"))
                  .anchor("Odd"))
          // after the ifTrue, both branches: count every record
          .each(Ops.IDENTITY, "all")
          .out("*all")
          .hashPartition("*all")
          .compoundAgg("$$all", CompoundAgg.map("*all", Agg.count()))
          .hook("Even")
          .hashPartition("*kind")
          .compoundAgg("$$counts", CompoundAgg.map("*kind", Agg.count()))
          .hook("Odd")
          .hashPartition("*oddKind")
          .compoundAgg("$$counts", CompoundAgg.map("*oddKind", Agg.count()))
          .hook("BigOdd")
          .hashPartition("*size")
          .compoundAgg("$$counts", CompoundAgg.map("*size", Agg.count()));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void hook_onAnchorsInThenAndElseBlocks_runsAfterThatBranchOnly(boolean microbatch) {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      String m = BranchModule.class.getName();
      cluster.launchModule(new BranchModule(microbatch), new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(m, "*d");
      int[] ns = {1, 2, 3, 4, 6, 101, 103, 200};
      for (int n : ns) {
        d.append(n);
      }
      if (microbatch) {
        cluster.waitForMicrobatchProcessedCount(m, "t", ns.length);
      }
      PState counts = cluster.clusterPState(m, "$$counts");
      assertThat((Object) counts.selectOne(Path.key("even"))).isEqualTo(4L);
      assertThat((Object) counts.selectOne(Path.key("odd"))).isEqualTo(4L);
      assertThat((Object) counts.selectOne(Path.key("big"))).isEqualTo(2L);
      assertThat((Object) cluster.clusterPState(m, "$$all").selectOne(Path.key("all")))
          .isEqualTo(8L);
    }
  }

  /** A loop body's anchor still cannot be hooked from outside the loop. */
  static class LoopAnchorModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      topologies.stream("t")
          .source("*d")
          .out("*n")
          .loop(Block.each(Ops.IDENTITY, 1).out("*x").anchor("InLoop").emitLoop("*x"))
          .out("*y")
          .hook("InLoop")
          .each(Ops.IDENTITY, "*x")
          .out("*z");
    }
  }

  @Test
  void hook_onAnchorInsideLoopBody_isStillACompileError() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(new LoopAnchorModule(), new LaunchConfig(1, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("InLoop");
    }
  }
}
