package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.Expr;
import dev.deimos.LoopVars;
import dev.deimos.SubSource;
import dev.deimos.ops.Ops;
import dev.deimos.ops.OutputCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlFlowTest {
  private final List<Object> seen = new ArrayList<>();

  private Object record(Object v) {
    seen.add(v);
    return null;
  }

  private Object record2(Object a, Object b) {
    seen.add(Arrays.asList(a, b));
    return null;
  }

  @Test
  void hook_continuesFromAnchor_bothSegmentsRun() {
    Block.each(() -> 1)
        .out("*a")
        .anchor("root")
        .each((Integer a) -> a + 10, "*a")
        .out("*b")
        .each(this::record, "*b")
        .hook("root")
        .each((Integer a) -> a + 100, "*a")
        .out("*c")
        .each(this::record, "*c")
        .execute();
    assertThat(seen).containsExactlyInAnyOrder(11, 101);
  }

  @Test
  void unify_twoBranches_continuationRunsOncePerArrival() {
    Block.each(() -> 5)
        .out("*a")
        .anchor("root")
        .each((Integer a) -> a * 2, "*a")
        .out("*v")
        .anchor("left")
        .hook("root")
        .each((Integer a) -> a * 3, "*a")
        .out("*v")
        .anchor("right")
        .unify("left", "right")
        .each(this::record2, "*a", "*v")
        .execute();
    assertThat(seen).containsExactlyInAnyOrder(Arrays.asList(5, 10), Arrays.asList(5, 15));
  }

  @Test
  void branch_attachesBlockAtAnchor_mainChainContinues() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, 2))
        .out("*x")
        .anchor("a")
        .each((Integer x) -> x * 10, "*x")
        .out("*y")
        .branch("a", Block.each((Integer x) -> -x, "*x").out("*z").each(this::record, "*z"))
        .each(this::record, "*y")
        .execute();
    assertThat(seen).containsExactlyInAnyOrder(-1, 10, -2, 20);
  }

  @Test
  void cond_firstTrueCaseRuns_thenContinuesWithVarsBoundInAllCases() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, 5, 50))
        .out("*x")
        .cond(
            Case.create(new Expr(Ops.LESS_THAN, "*x", 3)).each(() -> "small").out("*s"),
            Case.create(new Expr(Ops.LESS_THAN, "*x", 10)).each(() -> "medium").out("*s"),
            Case.create(true).each(() -> "large").out("*s"))
        .each(this::record2, "*x", "*s")
        .execute();
    assertThat(seen)
        .containsExactly(
            Arrays.asList(1, "small"), Arrays.asList(5, "medium"), Arrays.asList(50, "large"));
  }

  @Test
  void cond_noCaseMatches_continuationDoesNotRun() {
    Block.each(() -> 7)
        .out("*x")
        .cond(Case.create(false).each(() -> record("no")))
        .each(() -> record("after"))
        .execute();
    assertThat(seen).isEmpty();
  }

  @Test
  void cond_caseEmitsTwice_continuationRunsTwice() {
    Block.cond(Case.create(true).each(Ops.EXPLODE, Arrays.asList("a", "b")).out("*v"))
        .each(this::record, "*v")
        .execute();
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void unify_afterCond_mergesAnchoredBranches() {
    Block.each(() -> 2)
        .out("*x")
        .anchor("start")
        .cond(Case.create(new Expr(Ops.EQUAL, "*x", 2)).each(() -> "two").out("*s"))
        .anchor("c")
        .hook("start")
        .each(() -> "plain")
        .out("*s")
        .anchor("d")
        .unify("c", "d")
        .each(this::record, "*s")
        .execute();
    assertThat(seen).containsExactlyInAnyOrder("two", "plain");
  }

  @Test
  void subSource_dispatchesOnType_firstMatchingClassRuns() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, "s", 2.5, 'c'))
        .out("*v")
        .subSource(
            "*v",
            SubSource.create(Integer.class).each(() -> "int").out("*t"),
            SubSource.create(String.class).each(() -> "string").out("*t"),
            SubSource.create(Number.class).each(() -> "number").out("*t"))
        .each(this::record, "*t")
        .execute();
    assertThat(seen).containsExactly("int", "string", "number");
  }

  @Test
  void atomicBlock_bodyEmitsManyTimes_continuesOnceAfterAll() {
    Block.atomicBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3)).out("*x").each(this::record, "*x"))
        .each(() -> record("done"))
        .execute();
    assertThat(seen).containsExactly(1, 2, 3, "done");
  }

  @Test
  void atomicBlock_bodyEmitsNothing_stillContinuesOnce() {
    Block.atomicBlock(Block.keepTrue(false)).each(() -> record("done")).execute();
    assertThat(seen).containsExactly("done");
  }

  @Test
  void loopWithVars_countsDown_emitsEachValue() {
    Block.loopWithVars(
            LoopVars.var("*i", 3),
            Block.emitLoop("*i")
                .ifTrue(
                    new Expr(Ops.GREATER_THAN, "*i", 1),
                    Block.continueLoop(new Expr(Ops.DEC, "*i"))))
        .out("*v")
        .each(this::record, "*v")
        .execute();
    assertThat(seen).containsExactly(3, 2, 1);
  }

  @Test
  void loop_withoutVars_emitsOnceAndEnds() {
    Block.loop(Block.emitLoop("x")).out("*v").each(this::record, "*v").execute();
    assertThat(seen).containsExactly("x");
  }

  @Test
  void loopWithVars_twoVars_fibonacciUpToLimit() {
    Block.loopWithVars(
            LoopVars.var("*a", 0L).var("*b", 1L),
            Block.ifTrue(
                new Expr(Ops.LESS_THAN, "*a", 30L),
                Block.emitLoop("*a").continueLoop("*b", new Expr(Ops.PLUS_LONG, "*a", "*b"))))
        .out("*f")
        .each(this::record, "*f")
        .execute();
    assertThat(seen).containsExactly(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L);
  }

  @Test
  void loopWithVars_millionIterations_doesNotOverflowStack() {
    long[] last = new long[1];
    Block.loopWithVars(
            LoopVars.var("*i", 0L),
            Block.ifTrue(
                new Expr(Ops.LESS_THAN, "*i", 1_000_000L),
                Block.continueLoop(new Expr(Ops.INC_LONG, "*i")),
                Block.emitLoop("*i")))
        .out("*n")
        .each(
            (Long n) -> {
              last[0] = n;
              return null;
            },
            "*n")
        .execute();
    assertThat(last[0]).isEqualTo(1_000_000L);
  }

  @Test
  void loop_insideIfTrueBranch_continuesAfterBranch() {
    Block.each(() -> true)
        .out("*go")
        .ifTrue(
            "*go",
            Block.loopWithVars(
                    LoopVars.var("*i", 0),
                    Block.emitLoop("*i")
                        .keepTrue(new Expr(Ops.LESS_THAN, "*i", 2))
                        .continueLoop(new Expr(Ops.INC, "*i")))
                .out("*v"),
            Block.each(() -> -1).out("*v"))
        .each(this::record, "*v")
        .execute();
    assertThat(seen).containsExactly(0, 1, 2);
  }

  @Test
  void loop_nested_innerEmitFeedsOuterBody() {
    Block.loopWithVars(
            LoopVars.var("*i", 0),
            Block.loopWithVars(
                    LoopVars.var("*j", 0),
                    Block.emitLoop("*j")
                        .keepTrue(new Expr(Ops.LESS_THAN, "*j", 1))
                        .continueLoop(new Expr(Ops.INC, "*j")))
                .out("*jv")
                .emitLoop(new Expr(Ops.TUPLE, "*i", "*jv"))
                .keepTrue(new Expr(Ops.EQUAL, "*jv", 0))
                .keepTrue(new Expr(Ops.LESS_THAN, "*i", 1))
                .continueLoop(new Expr(Ops.INC, "*i")))
        .out("*pair")
        .each(this::record, "*pair")
        .execute();
    assertThat(seen)
        .containsExactly(
            Arrays.asList(0, 0), Arrays.asList(0, 1), Arrays.asList(1, 0), Arrays.asList(1, 1));
  }

  @Test
  void loop_continueLoopCalledTwice_runsBothIterations() {
    Block.loopWithVars(
            LoopVars.var("*d", 0),
            Block.emitLoop("*d")
                .keepTrue(new Expr(Ops.LESS_THAN, "*d", 2))
                .each(Ops.EXPLODE, Arrays.asList(1, 1))
                .out("*step")
                .continueLoop(new Expr(Ops.PLUS, "*d", "*step")))
        .out("*v")
        .each(this::record, "*v")
        .execute();
    // depth 0 once, depth 1 twice, depth 2 four times
    assertThat(seen).containsExactly(0, 1, 1, 2, 2, 2, 2);
  }

  @Test
  void yieldIfOvertime_locally_isNoOp() {
    Block.each(() -> 1).out("*a").yieldIfOvertime().each(this::record, "*a").execute();
    assertThat(seen).containsExactly(1);
  }

  @Test
  void loop_insideBranch_emitsToBranchContinuation() {
    Block.each(() -> 10)
        .out("*base")
        .anchor("a")
        .each(() -> record("main"))
        .branch(
            "a",
            Block.loopWithVars(
                    LoopVars.var("*k", 0),
                    Block.emitLoop(new Expr(Ops.PLUS, "*base", "*k"))
                        .keepTrue(new Expr(Ops.LESS_THAN, "*k", 1))
                        .continueLoop(new Expr(Ops.INC, "*k")))
                .out("*r")
                .each(this::record, "*r"))
        .execute();
    assertThat(seen).containsExactlyInAnyOrder("main", 10, 11);
  }

  @Test
  void outStream_namedStream_runsHookedCodeWithStreamVars() {
    Block.each(() -> 7)
        .out("*base")
        .each(
            (Integer x, OutputCollector c) -> {
              c.emit(x + 1);
              c.emitStream("odd", x, "seven");
              c.emit(x + 2);
            },
            "*base")
        .outStream("odd", "oddAnchor", "*n", "*name")
        .out("*v")
        .each(this::record, "*v")
        .hook("oddAnchor")
        .each(this::record2, "*n", "*name")
        .execute();
    assertThat(seen).containsExactly(8, Arrays.asList(7, "seven"), 9);
  }

  @Test
  void outStream_unifiedWithDefaultStream_continuationSeesBoth() {
    Block.each(
            (OutputCollector c) -> {
              c.emit("d");
              c.emitStream("s", "x");
            })
        .outStream("s", "sAnchor", "*v")
        .out("*v")
        .anchor("dAnchor")
        .unify("dAnchor", "sAnchor")
        .each(this::record, "*v")
        .execute();
    assertThat(seen).containsExactly("d", "x");
  }

  @Test
  void unify_laterAnchorOnMainPathWithHookedBranch_bothArrive() {
    Block.each(() -> 1)
        .out("*a")
        .anchor("a")
        .each(() -> "main")
        .out("*s")
        .anchor("c")
        .hook("a")
        .each(() -> "hooked")
        .out("*s")
        .anchor("b")
        .unify("c", "b")
        .each(this::record2, "*a", "*s")
        .execute();
    assertThat(seen)
        .containsExactlyInAnyOrder(Arrays.asList(1, "main"), Arrays.asList(1, "hooked"));
  }

  @Test
  void cond_firstCaseMatches_laterConditionsNotEvaluated() {
    Block.cond(
            Case.create(true).each(() -> record("first")),
            Case.create(new Expr((Object x) -> record("evaluated"), 1)))
        .execute();
    assertThat(seen).containsExactly("first");
  }

  @Test
  void subSource_noClassMatches_continuationDoesNotRun() {
    Block.subSource(42L, SubSource.create(String.class).each(() -> record("string")))
        .each(() -> record("after"))
        .execute();
    assertThat(seen).isEmpty();
  }
}
