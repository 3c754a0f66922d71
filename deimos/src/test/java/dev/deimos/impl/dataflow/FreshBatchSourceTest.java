package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.SubBatch;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** freshBatchSource: independent sources in one batch block, merged with unify. */
class FreshBatchSourceTest {

  @Test
  void twoSources_unified_aggregateSeesBoth() {
    List<Object> merged = new ArrayList<>();
    List<Object> sums = new ArrayList<>();
    Block.batchBlock(
            Block.each(Ops.EXPLODE, List.of(1, 2))
                .out("*v")
                .anchor("source1")
                .freshBatchSource()
                .each(Ops.EXPLODE, List.of(2, 3))
                .out("*v")
                .anchor("source2")
                .unify("source1", "source2")
                .each((Integer v) -> merged.add(v), "*v")
                .agg(Agg.sum("*v"))
                .out("*sum")
                .each((Long s) -> sums.add(s), "*sum"))
        .execute();
    assertThat(merged).containsExactlyInAnyOrder(1, 2, 2, 3);
    assertThat(sums).containsExactly(8L);
  }

  @Test
  void freshSource_seesOnlyVarsBoundBeforeTheBlock() {
    assertThatThrownBy(
            () ->
                Block.each(Ops.IDENTITY, 10)
                    .out("*outer")
                    .batchBlock(
                        Block.each(Ops.IDENTITY, 1)
                            .out("*first")
                            .anchor("a")
                            .freshBatchSource()
                            .each(Ops.PLUS, "*outer", "*first")
                            .out("*v")
                            .anchor("b")
                            .unify("a", "b")
                            .agg(Agg.count())
                            .out("*c"))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("each(Ops.PLUS, [*outer, *first])")
        .hasMessageContaining("var *first is not bound here");
  }

  @Test
  void threeSources_inASubBatch_outerVarVisibleInEach() {
    List<Object> out = new ArrayList<>();
    Block sources =
        Block.each(Ops.PLUS, "*base", 1)
            .out("*v")
            .anchor("s1")
            .freshBatchSource()
            .each(Ops.PLUS, "*base", 2)
            .out("*v")
            .anchor("s2")
            .freshBatchSource()
            .each(Ops.EXPLODE, List.of(3, 4))
            .out("*w")
            .each(Ops.PLUS, "*base", "*w")
            .out("*v")
            .anchor("s3")
            .unify("s1", "s2", "s3")
            .agg(Agg.list("*v"))
            .out("*all");
    Block.each(Ops.IDENTITY, 100)
        .out("*base")
        .batchBlock(
            Block.subBatch(new SubBatch(sources, "*all"))
                .out("*vals")
                .each((List<Integer> l) -> out.add(new ArrayList<>(l)), "*vals"))
        .execute();
    assertThat(out).hasSize(1);
    @SuppressWarnings("unchecked")
    List<Object> vals = (List<Object>) out.get(0);
    assertThat(vals).containsExactlyInAnyOrder(101, 102, 103, 104);
  }

  @Test
  void implicitJoinShape_isRejectedNamingTheNode() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(
                        Block.each(Ops.IDENTITY, "a")
                            .out("*k")
                            .freshBatchSource()
                            .each(Ops.IDENTITY, "a")
                            .out("*k")
                            .agg(Agg.count())
                            .out("*c"))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("node 0.pre.1 freshBatchSource()")
        .hasMessageContaining("has no anchor")
        .hasMessageContaining("implicitly");
  }

  @Test
  void freshSourceAtStart_isRejectedAsEmpty() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(
                        Block.freshBatchSource()
                            .each(Ops.IDENTITY, 1)
                            .out("*x")
                            .agg(Agg.count())
                            .out("*c"))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("freshBatchSource()")
        .hasMessageContaining("is empty");
  }

  @Test
  void freshSourceInPostAgg_isRejected() {
    assertThatThrownBy(
            () ->
                Block.batchBlock(
                        Block.each(Ops.IDENTITY, 1)
                            .out("*x")
                            .agg(Agg.count())
                            .out("*c")
                            .freshBatchSource())
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("freshBatchSource()")
        .hasMessageContaining("only allowed at the top level");
  }
}
