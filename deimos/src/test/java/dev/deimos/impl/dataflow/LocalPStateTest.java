package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalPStateTest {
  private final List<Object> seen = new ArrayList<>();

  private Object record(Object v) {
    seen.add(v);
    return null;
  }

  @Test
  void localTransform_withPathVar_writesEachEventToTestPState() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      Block.each(Ops.IDENTITY, tp)
          .out("$$p")
          .each(Ops.EXPLODE, Arrays.asList("a", "b"))
          .out("*k")
          .localTransform("$$p", Path.key("*k").termVal(7L))
          .execute();
      assertThat(tp.<Object>select(Path.mapKeys())).containsExactly("a", "b");
      assertThat((Long) tp.selectOne(Path.key("b"))).isEqualTo(7L);
    }
  }

  @Test
  void localSelect_manyValues_emitsOncePerValue() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      tp.transform(Path.key("a").termVal(1L));
      tp.transform(Path.key("b").termVal(2L));
      Block.each(Ops.IDENTITY, tp)
          .out("$$p")
          .localSelect("$$p", Path.mapVals())
          .out("*v")
          .each(this::record, "*v")
          .execute();
      assertThat(seen).containsExactly(1L, 2L);
    }
  }

  @Test
  void localSelect_keyFromFrameVar_readsThatKey() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      tp.transform(Path.key("a").termVal(1L));
      tp.transform(Path.key("b").termVal(2L));
      Block.each(Ops.IDENTITY, tp)
          .out("$$p")
          .each(Ops.EXPLODE, Arrays.asList("b", "a", "zz"))
          .out("*k")
          .localSelect("$$p", Path.key("*k"))
          .out("*v")
          .each(this::record, "*v")
          .execute();
      assertThat(seen).containsExactly(2L, 1L, null);
    }
  }

  @Test
  void localSelect_unboundPStateVar_failsCompileNamingNodeAndVar() {
    assertThatThrownBy(() -> Block.localSelect("$$nope", Path.mapVals()).out("*v").execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("$$nope")
        .hasMessageContaining("localSelect");
  }

  @Test
  void localTransform_starVar_failsCompile() {
    assertThatThrownBy(
            () ->
                Block.each(Ops.IDENTITY, 1)
                    .out("*p")
                    .localTransform("*p", Path.termVal(1))
                    .execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("$$");
  }

  @Test
  void localSelect_pstateVarBoundToNonPState_failsNamingVar() {
    assertThatThrownBy(
            () ->
                Block.each(Ops.IDENTITY, 5)
                    .out("$$p")
                    .localSelect("$$p", Path.mapVals())
                    .out("*v")
                    .execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$$p")
        .hasMessageContaining("not a PState");
  }

  @Test
  void localSelect_pathVarUnknownToBlock_failsNamingVar() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      assertThatThrownBy(
              () ->
                  Block.each(Ops.IDENTITY, tp)
                      .out("$$p")
                      .localSelect("$$p", Path.key("*missing"))
                      .out("*v")
                      .execute())
          .hasMessageContaining("*missing");
    }
  }

  @Test
  void localTransform_pstateVarBoundInOneBranchOnly_failsCompile() throws Exception {
    try (TestPState tp = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      assertThatThrownBy(
              () ->
                  Block.ifTrue(true, Block.each(Ops.IDENTITY, tp).out("$$p"))
                      .localTransform("$$p", Path.key("a").termVal(1L))
                      .execute())
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("var $$p is not bound");
    }
  }
}
