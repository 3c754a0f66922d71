package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ops.DeimosAccumulatorAgg0;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosAccumulatorAgg2;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per built-in aggregator: value and type in a batch block, plus PState updates. */
class AggregatorsTest {
  /** Runs {@code agg} over {@code inputs} (bound to *x) in a batch block; returns the output. */
  static Object batchResult(Agg agg, List<?> inputs) {
    List<Object> out = new ArrayList<>();
    Block.batchBlock(
            Block.each(Ops.EXPLODE, inputs)
                .out("*x")
                .agg(agg)
                .out("*r")
                .each((Object r) -> out.add(r), "*r"))
        .execute();
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void count_threeInputs_isLongThree() {
    Object r = batchResult(Agg.count(), Arrays.asList("a", "b", "c"));
    assertThat(r).isInstanceOf(Long.class).isEqualTo(3L);
  }

  @Test
  void count_noInput_isLongZero() {
    assertThat(batchResult(Agg.count(), Collections.emptyList())).isEqualTo(0L);
  }

  @Test
  void sum_integers_isLong() {
    Object r = batchResult(Agg.sum("*x"), Arrays.asList(1, 2, 3));
    assertThat(r).isInstanceOf(Long.class).isEqualTo(6L);
  }

  @Test
  void sum_doubles_staysDouble() {
    assertThat(batchResult(Agg.sum("*x"), Arrays.asList(1.5, 2.0))).isEqualTo(3.5);
  }

  @Test
  void sum_noInput_isLongZero() {
    assertThat(batchResult(Agg.sum("*x"), Collections.emptyList())).isEqualTo(0L);
  }

  @Test
  void min_integers_keepsIntegerType() {
    Object r = batchResult(Agg.min("*x"), Arrays.asList(5, 2, 9));
    assertThat(r).isInstanceOf(Integer.class).isEqualTo(2);
  }

  @Test
  void max_strings_naturalOrder() {
    assertThat(batchResult(Agg.max("*x"), Arrays.asList("b", "c", "a"))).isEqualTo("c");
  }

  @Test
  void max_noInput_isNull() {
    assertThat(batchResult(Agg.max("*x"), Collections.emptyList())).isNull();
  }

  @Test
  void first_threeInputs_isFirst() {
    assertThat(batchResult(Agg.first("*x"), Arrays.asList("p", "q", "r"))).isEqualTo("p");
  }

  @Test
  void last_threeInputs_isLast() {
    assertThat(batchResult(Agg.last("*x"), Arrays.asList("p", "q", "r"))).isEqualTo("r");
  }

  @Test
  void list_inputs_inOrder() {
    assertThat(batchResult(Agg.list("*x"), Arrays.asList(3, 1, 3)))
        .isEqualTo(Arrays.asList(3, 1, 3));
  }

  @Test
  void list_noInput_isEmptyList() {
    assertThat(batchResult(Agg.list("*x"), Collections.emptyList())).isEqualTo(List.of());
  }

  @Test
  void set_duplicates_areDropped() {
    assertThat(batchResult(Agg.set("*x"), Arrays.asList(3, 1, 3)))
        .isEqualTo(new HashSet<>(Arrays.asList(1, 3)));
  }

  @Test
  void setRemove_intoPState_removesValues() throws Exception {
    try (TestPState tp = TestPState.create(PState.setSchema(String.class))) {
      tp.transform(Path.termVal(new HashSet<>(Arrays.asList("a", "b", "c"))));
      Block.each(Ops.IDENTITY, tp)
          .out("$$s")
          .each(Ops.EXPLODE, Arrays.asList("a", "c", "zz"))
          .out("*x")
          .agg("$$s", Agg.setRemove("*x"))
          .execute();
      assertThat((Object) tp.selectOne(Path.stay())).isEqualTo(new HashSet<>(List.of("b")));
    }
  }

  @Test
  void setRemove_batchOut_startsFromEmptySet() {
    assertThat(batchResult(Agg.setRemove("*x"), List.of(1))).isEqualTo(new HashSet<>());
  }

  @Test
  void map_pairs_laterValueWins() {
    Object r =
        batchResult(
            Agg.map(new Expr(Ops.FIRST, "*x"), new Expr(Ops.LAST, "*x")),
            Arrays.asList(List.of("a", 1), List.of("b", 2), List.of("a", 3)));
    Map<Object, Object> expected = new HashMap<>();
    expected.put("a", 3);
    expected.put("b", 2);
    assertThat(r).isEqualTo(expected);
  }

  @Test
  void and_allTrue_isTrue_anyFalse_isFalse() {
    assertThat(batchResult(Agg.and("*x"), Arrays.asList(true, true))).isEqualTo(true);
    assertThat(batchResult(Agg.and("*x"), Arrays.asList(true, false, true))).isEqualTo(false);
    assertThat(batchResult(Agg.and("*x"), Collections.emptyList())).isEqualTo(true);
  }

  @Test
  void or_anyTrue_isTrue_noInput_isFalse() {
    assertThat(batchResult(Agg.or("*x"), Arrays.asList(false, true, false))).isEqualTo(true);
    assertThat(batchResult(Agg.or("*x"), Arrays.asList(false, false))).isEqualTo(false);
    assertThat(batchResult(Agg.or("*x"), Collections.emptyList())).isEqualTo(false);
  }

  /** Multiplies; identity 1. */
  static final class Product implements DeimosCombinerAgg<Long> {
    @Override
    public Long combine(Long curr, Long arg) {
      return curr * arg;
    }

    @Override
    public Long zeroVal() {
      return 1L;
    }
  }

  @Test
  void combiner_custom_usesCombineAndZero() {
    assertThat(batchResult(Agg.combiner(new Product(), "*x"), Arrays.asList(2L, 3L, 4L)))
        .isEqualTo(24L);
    assertThat(batchResult(Agg.combiner(new Product(), "*x"), Collections.emptyList()))
        .isEqualTo(1L);
  }

  /** Builds a string "v1-v2" per input. */
  static final class Joiner implements DeimosAccumulatorAgg2<String, Object, Object> {
    @Override
    public String accumulate(String curr, Object a, Object b) {
      return curr + "[" + a + "-" + b + "]";
    }

    @Override
    public String initVal() {
      return ">";
    }
  }

  @Test
  void accumulator_twoArgs_foldsInOrder() {
    Object r =
        batchResult(Agg.accumulator(new Joiner(), "*x", new Expr(Ops.INC, "*x")), List.of(1, 5));
    assertThat(r).isEqualTo(">[1-2][5-6]");
  }

  /** Counts calls; zero arguments. */
  static final class Calls implements DeimosAccumulatorAgg0<Integer> {
    @Override
    public Integer accumulate(Integer curr) {
      return curr + 1;
    }

    @Override
    public Integer initVal() {
      return 0;
    }
  }

  @Test
  void accumulator_zeroArgs_intoPState_updatesPerInput() throws Exception {
    try (TestPState tp = TestPState.create(Integer.class)) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$n")
          .each(Ops.EXPLODE, Arrays.asList("a", "b", "c"))
          .out("*x")
          .agg("$$n", Agg.accumulator(new Calls()))
          .execute();
      assertThat((Object) tp.selectOne(Path.stay())).isEqualTo(3);
    }
  }

  /** Alternates between null and a marker, to show a null result is passed on. */
  static final class Flip implements DeimosAccumulatorAgg1<String, Object> {
    @Override
    public String accumulate(String curr, Object ignored) {
      return curr == null ? "after-null" : null;
    }

    @Override
    public String initVal() {
      return "init";
    }
  }

  @Test
  void accumulator_returningNull_nextInputSeesNullNotInitialValue() {
    assertThat(batchResult(Agg.accumulator(new Flip(), "*x"), List.of(1, 2)))
        .isEqualTo("after-null");
    assertThat(batchResult(Agg.accumulator(new Flip(), "*x"), List.of())).isEqualTo("init");
  }

  @Test
  void topMonotonic_withOpsFirstAndLast_asRamaCodeWritesIt() {
    Object r =
        batchResult(
            Agg.topMonotonic(2, "*x").idFunction(Ops.FIRST).sortValFunction(Ops.LAST),
            Arrays.asList(List.of("a", 5), List.of("b", 9), List.of("a", 8), List.of("c", 1)));
    assertThat(r).isEqualTo(Arrays.asList(List.of("b", 9), List.of("a", 8)));
  }

  private static Integer second(List<Integer> l) {
    return l.get(1);
  }

  @Test
  void topMonotonic_methodReference_typedInputCompilesAndSorts() {
    Object r =
        batchResult(
            Agg.topMonotonic(1, "*x").sortValFunction(AggregatorsTest::second),
            Arrays.asList(List.of(1, 3), List.of(2, 7)));
    assertThat(r).isEqualTo(List.of(List.of(2, 7)));
  }

  @Test
  void topMonotonic_batch_keepsBestSortedAndCut() {
    Object r =
        batchResult(
            Agg.topMonotonic(2, "*x").sortValFunction((List<Object> l) -> l.get(1)),
            Arrays.asList(List.of("a", 5), List.of("b", 9), List.of("c", 1), List.of("d", 7)));
    assertThat(r).isEqualTo(Arrays.asList(List.of("b", 9), List.of("d", 7)));
  }

  @Test
  void topMonotonic_ascendingWithId_keepsOnePerIdSmallestFirst() {
    Object r =
        batchResult(
            Agg.topMonotonic(2, "*x")
                .idFunction((List<Object> l) -> l.get(0))
                .sortValFunction((List<Object> l) -> l.get(1))
                .ascending(),
            Arrays.asList(List.of("a", 5), List.of("a", 2), List.of("b", 3), List.of("c", 9)));
    assertThat(r).isEqualTo(Arrays.asList(List.of("a", 2), List.of("b", 3)));
  }

  @Test
  void sum_intoPStateOutsideBatch_appliesEachInput() throws Exception {
    try (TestPState tp = TestPState.create(Long.class)) {
      tp.transform(Path.termVal(10L));
      Block.each(Ops.IDENTITY, tp)
          .out("$$total")
          .each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
          .out("*x")
          .agg("$$total", Agg.sum("*x"))
          .execute();
      assertThat((Object) tp.selectOne(Path.stay())).isInstanceOf(Long.class).isEqualTo(16L);
    }
  }

  @Test
  void captureNewValInto_streamAgg_bindsUpdatedValuePerInput() throws Exception {
    List<Object> seen = new ArrayList<>();
    try (TestPState tp = TestPState.create(Long.class)) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$total")
          .each(Ops.EXPLODE, Arrays.asList(1, 2, 3))
          .out("*x")
          .agg("$$total", Agg.sum("*x").captureNewValInto("*now"))
          .each((Object v) -> seen.add(v), "*now")
          .execute();
    }
    assertThat(seen).containsExactly(1L, 3L, 6L);
  }
}
