package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosCompileException;
import dev.deimos.ops.LimitAgg;
import dev.deimos.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compile errors of aggregation and batch nodes name the node and the var. */
class AggCompileErrorTest {
  private static Block.Impl source() {
    return Block.each(Ops.EXPLODE, List.of(1, 2)).out("*x");
  }

  @Test
  void aggWithOut_outsideBatchBlock_namesNodeAndVar() {
    assertThatThrownBy(() -> source().agg(Agg.sum("*x")).out("*s").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1 agg(Agg.sum(*x))")
        .hasMessageContaining("only allowed inside a batchBlock")
        .hasMessageContaining("*s");
  }

  @Test
  void compoundAggWithOut_outsideBatchBlock_fails() {
    assertThatThrownBy(
            () -> source().compoundAgg(CompoundAgg.map("*x", Agg.count())).out("*m").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1 compoundAgg(")
        .hasMessageContaining("*m");
  }

  @Test
  void groupBy_outsideBatchBlock_namesNodeAndKey() {
    assertThatThrownBy(() -> source().groupBy("*x", Block.agg(Agg.count()).out("*c")).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1 groupBy([*x])")
        .hasMessageContaining("only allowed inside a batchBlock");
  }

  @Test
  void limitAgg_outsideBatchBlock_fails() {
    assertThatThrownBy(() -> source().limitAgg(LimitAgg.create(1, "*x")).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1 limitAgg(LimitAgg(1, [*x]))")
        .hasMessageContaining("only allowed inside a batchBlock");
  }

  @Test
  void materialize_outsideBatchBlock_namesNodeAndVars() {
    assertThatThrownBy(() -> source().materialize("*x").out("$$t").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1 materialize([*x])")
        .hasMessageContaining("only allowed inside a batchBlock");
  }

  @Test
  void aggWithTwoOutVars_inBatch_namesNodeAndVars() {
    assertThatThrownBy(() -> Block.batchBlock(source().agg(Agg.count()).out("*a", "*b")).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.agg.0 agg(Agg.count())")
        .hasMessageContaining("exactly one out var, got 2 *a, *b");
  }

  @Test
  void aggWithoutOut_inBatch_fails() {
    assertThatThrownBy(() -> Block.batchBlock(source().agg(Agg.count())).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.agg.0 agg(Agg.count())")
        .hasMessageContaining("got 0");
  }

  @Test
  void unboundVarInsideAgg_namesNodeAndVar() {
    assertThatThrownBy(() -> Block.batchBlock(source().agg(Agg.sum("*nope")).out("*s")).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.agg.0 agg(Agg.sum(*nope))")
        .hasMessageContaining("var *nope is not bound here");
  }

  @Test
  void unboundKeyInsideStreamCompoundAgg_namesNodeAndVar() {
    assertThatThrownBy(
            () ->
                Block.each(Ops.IDENTITY, 1)
                    .out("$$p")
                    .compoundAgg("$$p", CompoundAgg.map("*missing", Agg.count()))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1 compoundAgg($$p, ")
        .hasMessageContaining("var *missing is not bound here");
  }

  @Test
  void preAggVar_readInPostAgg_isNotBound() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(
                        source().agg(Agg.count()).out("*c").each(Ops.PLUS, "*c", "*x").out("*y"))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.post.0")
        .hasMessageContaining("var *x is not bound here");
  }

  @Test
  void groupByKeyNotBound_namesNodeAndVar() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(source().groupBy("*k", Block.agg(Agg.count()).out("*c")))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.agg.0 groupBy([*k])")
        .hasMessageContaining("var *k is not bound here");
  }

  @Test
  void aggAfterPostAggCode_fails() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(
                        source()
                            .agg(Agg.count())
                            .out("*c")
                            .each(Ops.IDENTITY, "*c")
                            .out("*d")
                            .agg(Agg.sum("*d"))
                            .out("*e"))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.post.1 agg(Agg.sum(*d))")
        .hasMessageContaining("aggregation after post-aggregation code");
  }

  @Test
  void nestedBatchBlock_fails() {
    assertThatThrownBy(
            () -> Block.batchBlock(source().batchBlock(Block.each(Ops.IDENTITY, 1))).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.pre.1 batchBlock")
        .hasMessageContaining("cannot be nested");
  }

  @Test
  void aggIntoPStateInsideIfTrueOfBatch_mustBeTopLevel() {
    assertThatThrownBy(
            () ->
                Block.each(Ops.IDENTITY, 1)
                    .out("$$p")
                    .batchBlock(source().ifTrue(true, Block.agg("$$p", Agg.sum("*x"))))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 1.pre.1.then.0 agg($$p, Agg.sum(*x))")
        .hasMessageContaining("top level");
  }

  @Test
  void explodeMaterialized_unboundTable_namesNodeAndVar() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(
                        Block.explodeMaterialized("$$nope").out("*a").each(Ops.IDENTITY, "*a"))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.pre.0 explodeMaterialized($$nope)")
        .hasMessageContaining("var $$nope is not bound here");
  }
}
