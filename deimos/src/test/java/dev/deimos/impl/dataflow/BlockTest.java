package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.Constant;
import dev.deimos.DeimosCompileException;
import dev.deimos.Expr;
import dev.deimos.ops.Ops;
import dev.deimos.ops.OutputCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {
  private final List<Object> seen = new ArrayList<>();

  private Object record(Object v) {
    seen.add(v);
    return null;
  }

  @Test
  void each_chainOfFunctions_passesValuesAlong() {
    Block.each(() -> 3)
        .out("*a")
        .each((Integer a) -> a * 10, "*a")
        .out("*b")
        .each((Integer a, Integer b) -> a + b, "*a", "*b")
        .out("*c")
        .each(this::record, "*c")
        .execute();
    assertThat(seen).containsExactly(33);
  }

  @Test
  void each_explodeOperation_fansOutRestOfChain() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
        .out("*x")
        .each((Integer x) -> x + 1, "*x")
        .out("*y")
        .each(this::record, "*y")
        .execute();
    assertThat(seen).containsExactly(2, 3, 4);
  }

  @Test
  void each_operationEmittingNothing_filters() {
    Block.create()
        .each((Object x, OutputCollector c) -> {}, "ignored")
        .each(() -> record("reached"))
        .execute();
    assertThat(seen).isEmpty();
  }

  @Test
  void keepTrue_falseCondition_dropsEvent() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3, 4))
        .out("*x")
        .keepTrue(new Expr((Integer x) -> x % 2 == 0, "*x"))
        .each(this::record, "*x")
        .execute();
    assertThat(seen).containsExactly(2, 4);
  }

  @Test
  void ifTrue_bothBranches_thenContinueAfter() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, 2))
        .out("*x")
        .ifTrue(
            new Expr((Integer x) -> x == 1, "*x"),
            Block.each(() -> "one").out("*s"),
            Block.each(() -> "other").out("*s"))
        .each((String s, Integer x) -> record(s + x), "*s", "*x")
        .execute();
    assertThat(seen).containsExactly("one1", "other2");
  }

  @Test
  void ifTrue_withoutElse_continuesWhenFalse() {
    Block.each(() -> false)
        .out("*c")
        .ifTrue("*c", Block.each(() -> record("then")))
        .each(() -> record("after"))
        .execute();
    assertThat(seen).containsExactly("after");
  }

  @Test
  void ifTrue_nested_continuesAfterEachLevel() {
    Block.ifTrue(
            true,
            Block.ifTrue(false, Block.each(() -> record("inner-then")))
                .each(() -> record("inner-after")))
        .each(() -> record("outer-after"))
        .execute();
    assertThat(seen).containsExactly("inner-after", "outer-after");
  }

  @Test
  void macro_splicesBlock_varsVisibleAfter() {
    Block.Impl inc = Block.each((Integer v) -> v + 1, "*v").out("*w");
    Block.each(() -> 41).out("*v").macro(inc).each(this::record, "*w").execute();
    assertThat(seen).containsExactly(42);
  }

  @Test
  void each_exprAndConstantArgs_areResolved() {
    Block.each(() -> 2)
        .out("*a")
        .each(
            (Integer s, String lit) -> record(s + lit),
            new Expr(Ops.PLUS, "*a", new Expr((Integer a) -> a * 100, "*a")),
            new Constant("*notVar"))
        .execute();
    assertThat(seen).containsExactly("202*notVar");
  }

  @Test
  void builder_recordsOnly_nothingRunsUntilExecute() {
    Block.Impl b = Block.each(() -> record("ran"));
    assertThat(seen).isEmpty();
    b.execute();
    b.execute();
    assertThat(seen).containsExactly("ran", "ran");
  }

  @Test
  void compile_unboundVar_namesNodeAndVar() {
    assertThatThrownBy(() -> Block.each(() -> 1).out("*a").each(this::record, "*b").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("*b")
        .hasMessageContaining("node 1");
  }

  @Test
  void compile_varBoundInOnlyOneBranch_isUnboundAfter() {
    Block b = Block.ifTrue(true, Block.each(() -> 1).out("*x")).each(this::record, "*x");
    assertThatThrownBy(() -> Compiler.compile(b))
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("var *x is not bound");
  }

  @Test
  void compile_functionWithTwoOutVars_reportsArityMismatch() {
    assertThatThrownBy(() -> Block.each(() -> 1).out("*a", "*b").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0")
        .hasMessageContaining("*a, *b");
  }

  @Test
  void compile_slotsPerDistinctVar() {
    Plan p = Compiler.compile(Block.each(() -> 1).out("*a").each(() -> 2).out("*a"));
    assertThat(p.slotCount()).isEqualTo(1);
  }

  @Test
  void each_operationEmitsTwoValues_bindsBothAndFansOut() {
    Block.each(
            (Integer n, OutputCollector c) -> {
              for (int i = 0; i < n; i++) {
                c.emit(i, "v" + i);
              }
            },
            3)
        .out("*i", "*s")
        .keepTrue(new Expr((Integer i) -> i != 1, "*i"))
        .each((Integer i, String s) -> record(i + s), "*i", "*s")
        .execute();
    assertThat(seen).containsExactly("0v0", "2v2");
  }

  @Test
  void each_operationEmitArityMismatch_failsNamingNode() {
    assertThatThrownBy(
            () ->
                Block.each((Object x, OutputCollector c) -> c.emit(1, 2), "in").out("*a").execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("emitted 2 values but binds 1 vars");
  }

  @Test
  void ifTrue_emptyBranch_continuesAfter() {
    Block.ifTrue(true, Block.create()).each(() -> record("after")).execute();
    assertThat(seen).containsExactly("after");
  }

  @Test
  void ifTrue_insideFanOut_runsOncePerEmit() {
    Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
        .out("*x")
        .ifTrue(
            new Expr((Integer x) -> x > 1, "*x"),
            Block.each(Ops.EXPLODE, Arrays.asList("a", "b")).out("*y"),
            Block.each(() -> "-").out("*y"))
        .each((Integer x, String y) -> record(x + y), "*x", "*y")
        .execute();
    assertThat(seen).containsExactly("1-", "2a", "2b", "3a", "3b");
  }

  @Test
  void compile_unboundVarInBranch_namesNestedNode() {
    assertThatThrownBy(() -> Compiler.compile(Block.ifTrue(true, Block.each(this::record, "*q"))))
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.then.0")
        .hasMessageContaining("*q");
  }

  @Test
  void compile_outVarWithoutStar_isRejected() {
    assertThatThrownBy(() -> Compiler.compile(Block.each(() -> 1).out("a")))
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("'a'");
  }

  @Test
  void each_arityEightFunctionAndFiveOperation_receiveAllArgs() {
    Block.each(
            (Integer a,
                Integer b,
                Integer c,
                Integer d,
                Integer e,
                Integer f,
                Integer g,
                Integer h) -> a + b + c + d + e + f + g + h,
            1,
            2,
            3,
            4,
            5,
            6,
            7,
            8)
        .out("*sum")
        .each(
            (Integer s, Integer x, Integer y, Integer z, Integer w, OutputCollector c) -> {
              c.emit(s + x + y + z + w);
            },
            "*sum",
            1,
            1,
            1,
            1)
        .out("*t")
        .each(this::record, "*t")
        .execute();
    assertThat(seen).containsExactly(40);
  }

  @Test
  void builder_sharedPrefix_branchesDoNotAffectEachOther() {
    Block.Impl prefix = Block.each(() -> 5).out("*a");
    Block.Impl left = prefix.each(Ops.PLUS, "*a", 1).out("*b").each(this::record, "*b");
    Block.Impl right = prefix.each(this::record, "*a");
    right.execute();
    left.execute();
    prefix.execute();
    assertThat(seen).containsExactly(5, 6);
    assertThat(Chain.nodesOf(prefix)).hasSize(1);
    assertThat(Chain.nodesOf(left)).hasSize(3);
  }
}
