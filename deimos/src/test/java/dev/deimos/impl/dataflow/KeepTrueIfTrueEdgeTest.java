package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.Expr;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Truthiness and edge cases of keepTrue and ifTrue: only null and false are false. */
class KeepTrueIfTrueEdgeTest {

  @Test
  void keepTrue_onlyNullAndFalseStop() {
    List<Object> kept = new ArrayList<>();
    Block.each(Ops.EXPLODE, Arrays.asList(0, "", List.of(), false, null, true, Boolean.FALSE, 0L))
        .out("*v")
        .keepTrue("*v")
        .each((Object v) -> kept.add(v), "*v")
        .execute();
    assertThat(kept).containsExactly(0, "", List.of(), true, 0L);
  }

  @Test
  void keepTrue_literalAndExprConditions() {
    List<Object> seen = new ArrayList<>();
    Block.keepTrue(true).each(() -> seen.add("lit")).execute();
    Block.keepTrue(false).each(() -> seen.add("never")).execute();
    Block.each(Ops.IDENTITY, 3)
        .out("*n")
        .keepTrue(new Expr(Ops.GREATER_THAN, "*n", 2))
        .each(() -> seen.add("expr"))
        .keepTrue(new Expr(Ops.GREATER_THAN, "*n", 5))
        .each(() -> seen.add("never"))
        .execute();
    assertThat(seen).containsExactly("lit", "expr");
  }

  @Test
  void ifTrue_zeroAndEmptyAreTruthy() {
    List<Object> seen = new ArrayList<>();
    Block.each(Ops.EXPLODE, Arrays.asList(0, "", null, false))
        .out("*v")
        .ifTrue(
            "*v",
            Block.each(Ops.IDENTITY, "then").out("*w"),
            Block.each(Ops.IDENTITY, "else").out("*w"))
        .each((Object v, String w) -> seen.add(v + ":" + w), "*v", "*w")
        .execute();
    assertThat(seen).containsExactly("0:then", ":then", "null:else", "false:else");
  }

  @Test
  void ifTrue_branchThatStops_continuationDoesNotRunForThatPath() {
    List<Object> seen = new ArrayList<>();
    Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
        .out("*v")
        .ifTrue(new Expr(Ops.EQUAL, "*v", 2), Block.keepTrue(false))
        .each((Integer v) -> seen.add(v), "*v")
        .execute();
    assertThat(seen).containsExactly(1, 3);
  }

  @Test
  void ifTrue_branchEmittingTwice_continuationRunsTwice() {
    List<Object> seen = new ArrayList<>();
    Block.ifTrue(
            true,
            Block.each(Ops.EXPLODE, List.of("a", "b")).out("*x"),
            Block.each(Ops.IDENTITY, "z").out("*x"))
        .each((String x) -> seen.add(x), "*x")
        .execute();
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void ifTrue_unboundCondition_namesNodeAndVar() {
    assertThatThrownBy(() -> Block.ifTrue("*nope", Block.create()).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0 ifTrue(*nope)")
        .hasMessageContaining("var *nope is not bound here");
  }

  @Test
  void keepTrue_unboundCondition_namesNodeAndVar() {
    assertThatThrownBy(() -> Block.keepTrue("*nope").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0 keepTrue(*nope)")
        .hasMessageContaining("var *nope is not bound here");
  }
}
