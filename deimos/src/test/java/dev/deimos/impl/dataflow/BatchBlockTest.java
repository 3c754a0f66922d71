package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SubBatch;
import dev.deimos.impl.data.Vars;
import dev.deimos.ops.LimitAgg;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batch blocks, groupBy, limitAgg, materialize, subBatch and compound aggregation. */
class BatchBlockTest {
  private final List<Object> seen = new ArrayList<>();

  private Object record(Object v) {
    seen.add(v);
    return null;
  }

  private Object record2(Object a, Object b) {
    seen.add(Arrays.asList(a, b));
    return null;
  }

  /** Counts transforms so tests can tell per-input updates from one batch update. */
  static final class CountingPState implements PStateAccess {
    final PStateAccess inner;
    int transforms;

    CountingPState(TestPState tp) {
      this.inner = (PStateAccess) tp;
    }

    @Override
    public List<Object> select(Path path, Vars vars) {
      return inner.select(path, vars);
    }

    @Override
    public void transform(Path path, Vars vars) {
      transforms++;
      inner.transform(path, vars);
    }
  }

  @Test
  void compoundAgg_streamIntoPState_countsEachWord() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      CountingPState counting = new CountingPState(tp);
      Block.each(Ops.IDENTITY, counting)
          .out("$$counts")
          .each(Ops.EXPLODE, Arrays.asList("a", "b", "a"))
          .out("*word")
          .compoundAgg("$$counts", CompoundAgg.map("*word", Agg.count()))
          .execute();
      assertThat((Object) tp.selectOne(Path.key("a"))).isInstanceOf(Long.class).isEqualTo(2L);
      assertThat((Object) tp.selectOne(Path.key("b"))).isEqualTo(1L);
      assertThat(counting.transforms).isEqualTo(3);
    }
  }

  @Test
  void compoundAgg_batchIntoPState_updatesOnceWithCombinedValues() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      tp.transform(Path.key("a").termVal(10L));
      CountingPState counting = new CountingPState(tp);
      Block.each(Ops.IDENTITY, counting)
          .out("$$counts")
          .batchBlock(
              Block.each(Ops.EXPLODE, Arrays.asList("a", "b", "a"))
                  .out("*word")
                  .compoundAgg("$$counts", CompoundAgg.map("*word", Agg.count())))
          .execute();
      assertThat((Object) tp.selectOne(Path.key("a"))).isEqualTo(12L);
      assertThat((Object) tp.selectOne(Path.key("b"))).isEqualTo(1L);
      // one write per touched key (a, b) with the combined value, not one per input
      assertThat(counting.transforms).isEqualTo(2);
    }
  }

  @Test
  void compoundAgg_nestedMapAndList_outIsPlainData() {
    Block.batchBlock(
            Block.each(
                    Ops.EXPLODE, Arrays.asList(List.of("x", 1), List.of("y", 2), List.of("x", 3)))
                .out("*pair")
                .each(Ops.EXPAND, "*pair")
                .out("*k", "*v")
                .compoundAgg(CompoundAgg.map("*k", CompoundAgg.list(Agg.count(), Agg.sum("*v"))))
                .out("*r")
                .each(this::record, "*r"))
        .execute();
    Map<Object, Object> expected = new HashMap<>();
    expected.put("x", Arrays.asList(2L, 4L));
    expected.put("y", Arrays.asList(1L, 2L));
    assertThat(seen).containsExactly(expected);
  }

  @Test
  void batchBlock_preAggRunsForAllInputsBeforePostAggOnce() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
                .out("*x")
                .each(this::record, "*x")
                .agg(Agg.sum("*x"))
                .out("*s")
                .each(this::record, "*s"))
        .each(this::record, "after")
        .execute();
    assertThat(seen).containsExactly(1, 2, 3, 6L, "after");
  }

  @Test
  void batchBlock_severalAggs_allBoundInPostAgg() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(4, 1, 7))
                .out("*x")
                .agg(Agg.min("*x"))
                .out("*lo")
                .agg(Agg.max("*x"))
                .out("*hi")
                .each(this::record2, "*lo", "*hi"))
        .execute();
    assertThat(seen).containsExactly(Arrays.asList(1, 7));
  }

  @Test
  void groupBy_oneKey_postAggOncePerGroupWithKeyBound() {
    Block.batchBlock(
            Block.each(
                    Ops.EXPLODE, Arrays.asList(List.of("a", 1), List.of("b", 5), List.of("a", 2)))
                .out("*pair")
                .each(Ops.EXPAND, "*pair")
                .out("*k", "*v")
                .groupBy("*k", Block.agg(Agg.sum("*v")).out("*total"))
                .each(this::record2, "*k", "*total"))
        .execute();
    assertThat(seen).containsExactlyInAnyOrder(Arrays.asList("a", 3L), Arrays.asList("b", 5L));
  }

  @Test
  void groupBy_noInput_postAggDoesNotRun_butPlainAggDoes() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, List.of())
                .out("*k")
                .groupBy("*k", Block.agg(Agg.count()).out("*c"))
                .each(this::record, "*c"))
        .execute();
    assertThat(seen).isEmpty();
    Block.batchBlock(
            Block.each(Ops.EXPLODE, List.of())
                .out("*k")
                .agg(Agg.count())
                .out("*c")
                .each(this::record, "*c"))
        .execute();
    assertThat(seen).containsExactly(0L);
  }

  @Test
  void limitAgg_sortReverseIndex_reemitsBestTuplesInOrder() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(5, 9, 1, 7))
                .out("*x")
                .each(Ops.TO_STRING, "*x")
                .out("*s")
                .limitAgg(LimitAgg.create(2, "*s").sort("*x").reverse().indexVar("*i"))
                .each(this::record2, "*i", "*s"))
        .execute();
    assertThat(seen).containsExactly(Arrays.asList(0L, "9"), Arrays.asList(1L, "7"));
  }

  @Test
  void limitAgg_insideGroupBy_keepsPerGroup() {
    Block.batchBlock(
            Block.each(
                    Ops.EXPLODE,
                    Arrays.asList(
                        List.of("a", 3), List.of("a", 1), List.of("b", 2), List.of("a", 2)))
                .out("*pair")
                .each(Ops.EXPAND, "*pair")
                .out("*k", "*v")
                .groupBy("*k", Block.limitAgg(LimitAgg.create(1, "*v").sort("*v")))
                .each(this::record2, "*k", "*v"))
        .execute();
    assertThat(seen).containsExactlyInAnyOrder(Arrays.asList("a", 1), Arrays.asList("b", 2));
  }

  @Test
  void materialize_thenExplodeInLaterBatch_seesAllTuples() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
                .out("*x")
                .each(Ops.INC, "*x")
                .out("*y")
                .materialize("*x", "*y")
                .out("$$t"))
        .batchBlock(
            Block.explodeMaterialized("$$t")
                .out("*a", "*b")
                .agg(Agg.sum("*b"))
                .out("*s")
                .each(this::record, "*s"))
        .execute();
    assertThat(seen).containsExactly(9L);
  }

  @Test
  void subBatch_distinctThenCount_countsDistinctValues() {
    SubBatch distinct =
        new SubBatch(
            Block.each(Ops.EXPLODE, Arrays.asList("u", "v", "u", "w", "v"))
                .out("*f")
                .groupBy("*f", Block.agg(Agg.count()).out("*ignored")),
            "*f");
    Block.batchBlock(
            Block.subBatch(distinct)
                .out("*who")
                .agg(Agg.count())
                .out("*reach")
                .each(this::record, "*reach"))
        .execute();
    assertThat(seen).containsExactly(3L);
  }

  @Test
  void captureNewValInto_batchCompoundAgg_postAggOncePerUpdatedKey() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      tp.transform(Path.key("a").termVal(100L));
      Block.each(Ops.IDENTITY, tp)
          .out("$$counts")
          .batchBlock(
              Block.each(Ops.EXPLODE, Arrays.asList("a", "b", "a"))
                  .out("*word")
                  .compoundAgg(
                      "$$counts", CompoundAgg.map("*word", Agg.count().captureNewValInto("*n")))
                  .each(this::record2, "*word", "*n"))
          .execute();
    }
    assertThat(seen).containsExactlyInAnyOrder(Arrays.asList("a", 102L), Arrays.asList("b", 1L));
  }

  @Test
  void agg_batchIntoTopLevelPState_appliesCombinedSumOnce() throws Exception {
    try (TestPState tp = TestPState.create(Long.class)) {
      tp.transform(Path.termVal(5L));
      CountingPState counting = new CountingPState(tp);
      Block.each(Ops.IDENTITY, counting)
          .out("$$total")
          .batchBlock(
              Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
                  .out("*x")
                  .agg("$$total", Agg.sum("*x")))
          .execute();
      assertThat((Object) tp.selectOne(Path.stay())).isEqualTo(11L);
      assertThat(counting.transforms).isEqualTo(1);
    }
  }

  @Test
  void compile_batchBlock_planHoldsThreePhasesAndTwoPhaseFlag() {
    Block combiners =
        Block.batchBlock(
            Block.each(Ops.EXPLODE, List.of(1))
                .out("*x")
                .agg(Agg.sum("*x"))
                .out("*s")
                .each(Ops.IDENTITY, "*s")
                .out("*t"));
    BatchPlan p = (BatchPlan) head(combiners).args[0];
    assertThat(p.pre).isNotNull();
    assertThat(p.pre.node.kind).isEqualTo(Node.Kind.EACH_OP);
    assertThat(p.agg.aggs).hasSize(1);
    assertThat(p.agg.twoPhase).isTrue();
    assertThat(p.post.node.kind).isEqualTo(Node.Kind.EACH_FN);

    Block withAccumulator =
        Block.batchBlock(
            Block.each(Ops.EXPLODE, List.of(1))
                .out("*x")
                .agg(Agg.sum("*x"))
                .out("*s")
                .agg(Agg.setRemove("*x"))
                .out("*r"));
    assertThat(((BatchPlan) head(withAccumulator).args[0]).agg.twoPhase).isFalse();
  }

  @Test
  void captureNewValInto_streamCompoundAgg_bindsKeyAndNewCountPerInput() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$counts")
          .each(Ops.EXPLODE, Arrays.asList("a", "b", "a"))
          .out("*word")
          .compoundAgg("$$counts", CompoundAgg.map("*word", Agg.count().captureNewValInto("*n")))
          .each(this::record2, "*word", "*n")
          .execute();
    }
    assertThat(seen)
        .containsExactly(Arrays.asList("a", 1L), Arrays.asList("b", 1L), Arrays.asList("a", 2L));
  }

  @Test
  void groupBy_withAccumulator_isSinglePhaseAndFoldsInOrder() {
    Block.Impl b =
        Block.batchBlock(
            Block.each(
                    Ops.EXPLODE,
                    Arrays.asList(List.of("a", "x"), List.of("b", "y"), List.of("a", "z")))
                .out("*pair")
                .each(Ops.EXPAND, "*pair")
                .out("*k", "*v")
                .groupBy(
                    "*k",
                    Block.agg(Agg.accumulator(new AggregatorsTest.Joiner(), "*k", "*v")).out("*s"))
                .each(this::record2, "*k", "*s"));
    assertThat(((BatchPlan) head(b).args[0]).agg.twoPhase).isFalse();
    b.execute();
    assertThat(seen)
        .containsExactlyInAnyOrder(Arrays.asList("a", ">[a-x][a-z]"), Arrays.asList("b", ">[b-y]"));
  }

  @Test
  void first_streamIntoPState_keepsFirstEverSeen() throws Exception {
    try (TestPState tp = TestPState.create(String.class)) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$p")
          .each(Ops.EXPLODE, Arrays.asList("x", "y"))
          .out("*v")
          .agg("$$p", Agg.first("*v"))
          .execute();
      assertThat((Object) tp.selectOne(Path.stay())).isEqualTo("x");
    }
  }

  @Test
  void codeAfterBatchBlock_withNoAggregation_runsOnceAfterAllInputs() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(1, 2)).out("*x").each(this::record, "*x"))
        .each(this::record, "done")
        .execute();
    assertThat(seen).containsExactly(1, 2, "done");
  }

  @Test
  void topMonotonic_intoPState_batchSortsAndCuts_streamMayKeepMore() throws Exception {
    List<Integer> inputs = Arrays.asList(4, 9, 1, 7, 3, 8);
    try (TestPState tp = TestPState.create(List.class)) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$top")
          .batchBlock(
              Block.each(Ops.EXPLODE, inputs).out("*x").agg("$$top", Agg.topMonotonic(2, "*x")))
          .execute();
      assertThat((Object) tp.selectOne(Path.stay())).isEqualTo(Arrays.asList(9, 8));
    }
    try (TestPState tp = TestPState.create(List.class)) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$top")
          .each(Ops.EXPLODE, inputs)
          .out("*x")
          .agg("$$top", Agg.topMonotonic(2, "*x"))
          .execute();
      List<Object> stored = tp.selectOne(Path.stay());
      assertThat(stored).hasSizeBetween(2, 4).contains(9, 8);
    }
  }

  @Test
  void batchBlock_ifTrueFilterInPreAgg_andOuterVarInPostAgg() {
    Block.each(Ops.IDENTITY, "tag")
        .out("*tag")
        .batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(1, 2, 3, 4))
                .out("*x")
                .ifTrue(
                    new Expr(Ops.IS_EVEN, "*x"),
                    Block.each(Ops.IDENTITY, "*x").out("*y"),
                    Block.each(Ops.IDENTITY, 0).out("*y"))
                .agg(Agg.sum("*y"))
                .out("*s")
                .each(this::record2, "*tag", "*s"))
        .execute();
    assertThat(seen).containsExactly(Arrays.asList("tag", 6L));
  }

  @Test
  void groupBy_twoKeys_groupsByBothValues() {
    Block.batchBlock(
            Block.each(
                    Ops.EXPLODE, Arrays.asList(List.of("a", 1), List.of("a", 2), List.of("a", 1)))
                .out("*pair")
                .each(Ops.EXPAND, "*pair")
                .out("*k1", "*k2")
                .groupBy("*k1", "*k2", Block.agg(Agg.count()).out("*c"))
                .each(
                    (String k1, Integer k2, Long c) -> seen.add(k1 + k2 + "=" + c),
                    "*k1",
                    "*k2",
                    "*c"))
        .execute();
    assertThat(seen).containsExactlyInAnyOrder("a1=2", "a2=1");
  }

  @Test
  void limitAgg_withoutSort_keepsFirstArrivals() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList("p", "q", "r"))
                .out("*x")
                .limitAgg(LimitAgg.create(2, "*x"))
                .each(this::record, "*x"))
        .execute();
    assertThat(seen).containsExactly("p", "q");
  }

  @Test
  void materialize_inPostAgg_feedsLaterBatch() {
    Block.batchBlock(
            Block.each(
                    Ops.EXPLODE, Arrays.asList(List.of("a", 1), List.of("b", 2), List.of("a", 3)))
                .out("*pair")
                .each(Ops.EXPAND, "*pair")
                .out("*k", "*v")
                .groupBy("*k", Block.agg(Agg.sum("*v")).out("*s"))
                .macro(Block.materialize("*k", "*s").out("$$sums")))
        .batchBlock(
            Block.explodeMaterialized("$$sums")
                .out("*k", "*s")
                .agg(Agg.max("*s"))
                .out("*best")
                .each(this::record, "*best"))
        .execute();
    assertThat(seen).containsExactly(4L);
  }

  @Test
  void compoundAgg_staticTwin_listTemplateInBatch() {
    Block.batchBlock(
            Block.each(Ops.EXPLODE, Arrays.asList(2, 5))
                .out("*x")
                .macro(Block.compoundAgg(CompoundAgg.list(Agg.min("*x"), Agg.max("*x"))).out("*mm"))
                .each(this::record, "*mm"))
        .execute();
    assertThat(seen).containsExactly(Arrays.asList(2, 5));
  }

  @Test
  void captureNewValInto_twoLeavesOfOneListTemplate_oneRowPerLocation() throws Exception {
    try (TestPState tp =
        TestPState.create(
            PState.mapSchema(
                String.class, PState.mapSchema(String.class, PState.listSchema(Long.class))))) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$p")
          .batchBlock(
              Block.each(
                      Ops.EXPLODE,
                      Arrays.asList(
                          List.of("a", "x", 1L), List.of("a", "x", 2L), List.of("b", "y", 5L)))
                  .out("*tuple")
                  .each(Ops.EXPAND, "*tuple")
                  .out("*k1", "*k2", "*v")
                  .compoundAgg(
                      "$$p",
                      CompoundAgg.map(
                          "*k1",
                          CompoundAgg.map(
                              "*k2",
                              CompoundAgg.list(
                                  Agg.count().captureNewValInto("*count"),
                                  Agg.sum("*v").captureNewValInto("*sum")))))
                  .each(
                      (String k1, String k2, Long c, Long sum) ->
                          seen.add(k1 + k2 + ":" + c + "/" + sum),
                      "*k1",
                      "*k2",
                      "*count",
                      "*sum"))
          .execute();
      assertThat((Object) tp.selectOne(Path.key("a", "x"))).isEqualTo(Arrays.asList(2L, 3L));
    }
    assertThat(seen).containsExactlyInAnyOrder("ax:2/3", "by:1/5");
  }

  @Test
  void subBatch_fromCapturedCompoundAgg_emitsEachUpdatedKey() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      SubBatch counts =
          new SubBatch(
              Block.each(Ops.EXPLODE, Arrays.asList("a", "b", "a"))
                  .out("*word")
                  .compoundAgg(
                      "$$c", CompoundAgg.map("*word", Agg.count().captureNewValInto("*count"))),
              "*word",
              "*count");
      Block.each(Ops.IDENTITY, tp)
          .out("$$c")
          .batchBlock(
              Block.subBatch(counts)
                  .out("*w", "*n")
                  .each(Ops.TUPLE, "*w", "*n")
                  .out("*t")
                  .agg(Agg.topMonotonic(1, "*t").sortValFunction(Ops.LAST))
                  .out("*top")
                  .each(this::record, "*top"))
          .execute();
    }
    assertThat(seen).containsExactly(List.of(List.of("a", 2L)));
  }

  private static Step head(Block b) {
    Plan plan = Compiler.compile(b);
    try {
      java.lang.reflect.Field f = Plan.class.getDeclaredField("head");
      f.setAccessible(true);
      return (Step) f.get(plan);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
