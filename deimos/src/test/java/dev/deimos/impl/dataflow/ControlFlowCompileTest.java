package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.DeimosCompileException;
import dev.deimos.LoopVars;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlFlowCompileTest {
  private static Object id(Object o) {
    return o;
  }

  @Test
  void hook_varBoundAfterAnchor_isUnboundAfterHook() {
    Block.Impl b =
        Block.each(() -> 1)
            .out("*a")
            .anchor("root")
            .each(() -> 2)
            .out("*b")
            .hook("root")
            .each(ControlFlowCompileTest::id, "*b");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 4")
        .hasMessageContaining("*b");
  }

  @Test
  void unify_varBoundOnOneBranchOnly_isUnboundAfter() {
    Block.Impl b =
        Block.each(() -> 1)
            .out("*a")
            .anchor("root")
            .each(() -> 2)
            .out("*only")
            .anchor("l")
            .hook("root")
            .anchor("r")
            .unify("l", "r")
            .each(ControlFlowCompileTest::id, "*only");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 7")
        .hasMessageContaining("*only");
  }

  @Test
  void unify_unknownAnchor_isRejected() {
    Block.Impl b = Block.each(() -> 1).out("*a").anchor("l").unify("l", "nope");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 2")
        .hasMessageContaining("unknown anchor 'nope'");
  }

  @Test
  void unify_anchorsOnOneStraightPath_neverMeet() {
    Block.Impl b = Block.anchor("a").each(() -> 1).out("*x").anchor("b").unify("a", "b");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("never meet");
  }

  @Test
  void hook_anchorInsideIfTrueBranch_continuesFromTheBranch() {
    List<Object> seen = new ArrayList<>();
    Block.ifTrue(
            true,
            Block.each(() -> 1).out("*t").anchor("inThen"),
            Block.each(() -> 2).out("*e").anchor("inElse"))
        .hook("inThen")
        .each((Integer t) -> seen.add(t), "*t")
        .execute();
    assertThat(seen).containsExactly(1);
  }

  @Test
  void hook_anchorInsideLoopBody_neverMeets() {
    Block.Impl b = Block.loop(Block.anchor("inner").emitLoop()).hook("inner");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("'inner'")
        .hasMessageContaining("another block");
  }

  @Test
  void anchor_duplicateName_isRejected() {
    Block.Impl b = Block.anchor("a").each(() -> 1).out("*x").anchor("a");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 2")
        .hasMessageContaining("duplicate anchor 'a'");
  }

  @Test
  void continueLoop_outsideLoop_isRejected() {
    assertThatThrownBy(() -> Block.each(() -> 1).out("*a").continueLoop("*a").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1")
        .hasMessageContaining("continueLoop is only allowed inside a loop");
  }

  @Test
  void emitLoop_outsideLoop_isRejected() {
    assertThatThrownBy(() -> Block.emitLoop(1).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("emitLoop is only allowed inside a loop");
  }

  @Test
  void continueLoop_wrongArity_namesCounts() {
    Block.Impl b =
        Block.loopWithVars(LoopVars.var("*i", 0).var("*j", 0), Block.continueLoop("*i")).out("*v");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.loop.0")
        .hasMessageContaining("passes 1 values but the loop declares 2 loop vars");
  }

  @Test
  void emitLoop_wrongArity_namesCounts() {
    Block.Impl b = Block.loop(Block.emitLoop(1, 2)).out("*v");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("emitLoop passes 2 values but the loop binds 1 output vars");
  }

  @Test
  void loop_bodyVar_isNotVisibleAfterLoop() {
    Block.Impl b =
        Block.loop(Block.each(() -> 1).out("*inner").emitLoop("*inner"))
            .out("*v")
            .each(ControlFlowCompileTest::id, "*inner");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1")
        .hasMessageContaining("*inner");
  }

  @Test
  void cond_varBoundInOneCaseOnly_isUnboundAfter() {
    Block.Impl b =
        Block.cond(Case.create(true).each(() -> 1).out("*x"), Case.create(true))
            .each(ControlFlowCompileTest::id, "*x");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1")
        .hasMessageContaining("*x");
  }

  @Test
  void atomicBlock_innerVar_isNotVisibleAfter() {
    Block.Impl b =
        Block.atomicBlock(Block.each(() -> 1).out("*x")).each(ControlFlowCompileTest::id, "*x");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("*x");
  }

  @Test
  void unify_anchorHookedFromTheOther_neverMeets() {
    Block.Impl b = Block.anchor("a").each(() -> 1).out("*x").hook("a").anchor("b").unify("a", "b");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 4")
        .hasMessageContaining("'a' and 'b' lie on one path");
  }

  @Test
  void unify_sameAnchorTwice_isRejected() {
    Block.Impl b = Block.anchor("a").unify("a", "a");
    assertThatThrownBy(b::execute)
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1");
  }
}
