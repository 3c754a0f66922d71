package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A compound map aggregation into a PState writes one {@code key(k1)...key(kn).term(fn)} per
 * touched location (so stores update only those keys) and gives the same values, captures and
 * errors as merging the whole PState root did.
 */
class CompoundAggKeyWritesTest {

  /** Records every write as its resolved key route ({@code null} for a path of another shape). */
  static final class RecordingPState implements PStateAccess {
    final PStateAccess inner;
    final List<List<Object>> routes = new ArrayList<>();

    RecordingPState(TestPState tp) {
      this.inner = (PStateAccess) tp;
    }

    @Override
    public List<Object> select(Path path, Vars vars) {
      return inner.select(path, vars);
    }

    @Override
    public void transform(Path path, Vars vars) {
      PathKeys.KeyUpdate u = PathKeys.keyUpdate(path, vars);
      routes.add(u == null ? null : Arrays.asList(u.keys()));
      inner.transform(path, vars);
    }
  }

  private static List<Object> pair(Object a, Object b) {
    return Arrays.asList(a, b);
  }

  @Test
  void batch_nestedMapIntoSubindexedInner_writesOnlyTouchedKeyRoutes() throws Exception {
    try (TestPState tp =
        TestPState.create(
            PState.mapSchema(
                String.class, PState.mapSchema(String.class, Long.class).subindexed()))) {
      tp.transform(Path.key("u1", "old").termVal(7L));
      tp.transform(Path.key("u1", "x").termVal(10L));
      RecordingPState rec = new RecordingPState(tp);
      Block.each(Ops.IDENTITY, rec)
          .out("$$p")
          .batchBlock(
              Block.each(
                      Ops.EXPLODE,
                      Arrays.asList(
                          pair("u1", "x"), pair("u2", "y"), pair("u1", "x"), pair("u1", "z")))
                  .out("*pair")
                  .each(Ops.EXPAND, "*pair")
                  .out("*a", "*b")
                  .compoundAgg("$$p", CompoundAgg.map("*a", CompoundAgg.map("*b", Agg.count()))))
          .execute();
      assertThat(rec.routes)
          .containsExactly(
              Arrays.asList("u1", "x"), Arrays.asList("u1", "z"), Arrays.asList("u2", "y"));
      assertThat((Object) tp.selectOne(Path.key("u1", "x")))
          .isInstanceOf(Long.class)
          .isEqualTo(12L);
      assertThat((Object) tp.selectOne(Path.key("u1", "z"))).isEqualTo(1L);
      assertThat((Object) tp.selectOne(Path.key("u1", "old"))).isEqualTo(7L);
      assertThat((Object) tp.selectOne(Path.key("u2", "y"))).isEqualTo(1L);
    }
  }

  @Test
  void stream_nestedMap_writesKeyRoutePerRecordAndCapturesNewValues() throws Exception {
    List<Object> seen = new ArrayList<>();
    try (TestPState tp =
        TestPState.create(
            PState.mapSchema(String.class, PState.mapSchema(String.class, Long.class)))) {
      RecordingPState rec = new RecordingPState(tp);
      Block.each(Ops.IDENTITY, rec)
          .out("$$p")
          .each(Ops.EXPLODE, Arrays.asList(pair("a", 1), pair("b", 2), pair("a", 3)))
          .out("*pair")
          .each(Ops.EXPAND, "*pair")
          .out("*k", "*v")
          .compoundAgg(
              "$$p",
              CompoundAgg.map(
                  "*k", CompoundAgg.map("sum", Agg.sum("*v").captureNewValInto("*now"))))
          .each((Object k, Object now) -> seen.add(pair(k, now)), "*k", "*now")
          .execute();
      assertThat(rec.routes)
          .containsExactly(
              Arrays.asList("a", "sum"), Arrays.asList("b", "sum"), Arrays.asList("a", "sum"));
      assertThat(seen).containsExactly(pair("a", 1L), pair("b", 2L), pair("a", 4L));
      assertThat((Object) tp.selectOne(Path.key("a", "sum")))
          .isInstanceOf(Long.class)
          .isEqualTo(4L);
    }
  }

  @Test
  void batch_topMonotonicAndListInsideMap_sameValuesAsRootMerge() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Object.class))) {
      RecordingPState rec = new RecordingPState(tp);
      Block.each(Ops.IDENTITY, rec)
          .out("$$p")
          .batchBlock(
              Block.each(Ops.EXPLODE, Arrays.asList(5, 1, 3, 9, 7, 2))
                  .out("*v")
                  .compoundAgg(
                      "$$p",
                      CompoundAgg.map(
                          "top",
                          Agg.topMonotonic(2, "*v"),
                          "stats",
                          CompoundAgg.list(Agg.count(), Agg.max("*v")))))
          .execute();
      assertThat(rec.routes).containsExactly(List.of("top"), List.of("stats"));
      // inside a compound map topMonotonic is trimmed while merging (not finished), as before
      assertThat((Object) tp.selectOne(Path.key("top"))).isEqualTo(Arrays.asList(9, 7));
      assertThat((Object) tp.selectOne(Path.key("stats"))).isEqualTo(Arrays.asList(6L, 9));
    }
  }

  @Test
  void stream_setRemoveAndNullResult_keepSemantics() throws Exception {
    DeimosAccumulatorAgg1<Object, Object> toNull =
        new DeimosAccumulatorAgg1<Object, Object>() {
          @Override
          public Object accumulate(Object curr, Object x) {
            return null;
          }

          @Override
          public Object initVal() {
            return null;
          }
        };
    try (TestPState tp =
        TestPState.create(
            PState.mapSchema(String.class, PState.mapSchema(String.class, Object.class)))) {
      tp.transform(Path.key("s", "set").termVal(new java.util.HashSet<>(List.of("a", "b"))));
      Block.each(Ops.IDENTITY, tp)
          .out("$$p")
          .each(Ops.EXPLODE, Arrays.asList("a"))
          .out("*x")
          .compoundAgg(
              "$$p",
              CompoundAgg.map(
                  "s",
                  CompoundAgg.map(
                      "set", Agg.setRemove("*x"), "gone", Agg.accumulator(toNull, "*x"))))
          .execute();
      assertThat((Object) tp.selectOne(Path.key("s", "set"))).isEqualTo(java.util.Set.of("b"));
      // a null new value at a new location is stored as null under its key, as the map merge did
      Map<Object, Object> s = tp.selectOne(Path.key("s"));
      assertThat(s).containsKey("gone");
      assertThat(s.get("gone")).isNull();
    }
  }

  @Test
  void schemaViolation_namesThePState() throws Exception {
    try (TestPState tp =
        TestPState.create(
            PState.mapSchema(String.class, PState.mapSchema(String.class, Long.class)))) {
      assertThatThrownBy(
              () ->
                  Block.each(Ops.IDENTITY, tp)
                      .out("$$p")
                      .each(Ops.EXPLODE, Arrays.asList("x"))
                      .out("*v")
                      .compoundAgg(
                          "$$p", CompoundAgg.map("k", CompoundAgg.map("j", Agg.last("*v"))))
                      .execute())
          .hasStackTraceContaining("$$TestPState");
      assertThat((Object) tp.selectOne(Path.key("k"))).isNull();
    }
  }
}
