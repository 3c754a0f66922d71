package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.test.MockOutputCollector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsEmittersTest {
  private final MockOutputCollector out = new MockOutputCollector();

  private List<List<Object>> emitted() {
    return out.getEmitsByStream().getOrDefault(null, List.of());
  }

  @Test
  void explode_list_emitsEachElementSeparately() {
    Ops.EXPLODE.invoke(Arrays.asList(1, null, "c"), out);
    assertThat(emitted()).containsExactly(List.of(1), Arrays.asList((Object) null), List.of("c"));
  }

  @Test
  void explode_nullOrEmpty_emitsNothing() {
    Ops.EXPLODE.invoke(null, out);
    Ops.EXPLODE.invoke(List.of(), out);
    assertThat(out.getEmits()).isEmpty();
  }

  @Test
  void explode_mapAndArray_emitEntriesAsPairsAndElements() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("a", 1);
    Ops.EXPLODE.invoke(m, out);
    Ops.EXPLODE.invoke(new int[] {7}, out);
    assertThat(emitted()).containsExactly(List.of(List.of("a", 1)), List.of(7));
  }

  @Test
  void explode_scalar_throwsNamingOp() {
    assertThatThrownBy(() -> Ops.EXPLODE.invoke(5, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.EXPLODE");
  }

  @Test
  void explodeMap_map_emitsKeyAndValue() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", 2);
    Ops.EXPLODE_MAP.invoke(m, out);
    Ops.EXPLODE_MAP.invoke(null, out);
    assertThat(emitted()).containsExactly(List.of("a", 1), List.of("b", 2));
    assertThatThrownBy(() -> Ops.EXPLODE_MAP.invoke(List.of(), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.EXPLODE_MAP");
  }

  @Test
  void explodeIndexed_list_emitsIntegerIndexAndElement() {
    Ops.EXPLODE_INDEXED.invoke(List.of("x", "y"), out);
    assertThat(emitted()).containsExactly(List.of(0, "x"), List.of(1, "y"));
    assertThat(emitted().get(1).get(0)).isInstanceOf(Integer.class);
  }

  @Test
  void expand_list_emitsOnceWithAllElements() {
    Ops.EXPAND.invoke(Arrays.asList(1, null, 3L), out);
    assertThat(emitted()).containsExactly(Arrays.asList(1, null, 3L));
  }

  @Test
  void expand_entryAndArray_emitOnce() {
    Ops.EXPAND.invoke(new AbstractMap.SimpleEntry<>("k", "v"), out);
    Ops.EXPAND.invoke(new Object[] {1, 2}, out);
    assertThat(emitted()).containsExactly(List.of("k", "v"), List.of(1, 2));
  }

  @Test
  void expand_null_throwsNamingOp() {
    assertThatThrownBy(() -> Ops.EXPAND.invoke(null, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.EXPAND");
  }

  @Test
  void range_integers_emitsIntegersUpToEndExclusive() {
    Ops.RANGE.invoke(0, 3, out);
    assertThat(emitted()).containsExactly(List.of(0), List.of(1), List.of(2));
    assertThat(emitted().get(0).get(0)).isInstanceOf(Integer.class);
  }

  @Test
  void range_stepAndLongs_emitLongsWithStep() {
    Ops.RANGE.invoke(10L, 4, -3, out);
    assertThat(emitted()).containsExactly(List.of(10L), List.of(7L));
    assertThat(emitted().get(0).get(0)).isInstanceOf(Long.class);
  }

  @Test
  void range_emptyOrBadArguments() {
    Ops.RANGE.invoke(3, 3, out);
    assertThat(out.getEmits()).isEmpty();
    assertThatThrownBy(() -> Ops.RANGE.invoke(0, 3, 0, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step");
    assertThatThrownBy(() -> Ops.RANGE.invoke(0, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.RANGE")
        .hasMessageContaining("2 to 3 arguments")
        .hasMessageContaining("1 argument");
    assertThatThrownBy(() -> Ops.RANGE.invoke(0, 1.5, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argument 1");
  }

  @Test
  void println_args_printsSpaceSeparatedLineAndEmitsOnce() {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Ops.PRINTLN.invoke("count", 3, null, out);
    } finally {
      System.setOut(original);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .isEqualTo("count 3 null" + System.lineSeparator());
    assertThat(emitted()).containsExactly(List.of());
  }

  @Test
  void log_withAndWithoutLogger_emitsOnce() {
    org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(OpsEmittersTest.class);
    Ops.LOG_INFO.invoke(logger, "value {}", 3, out);
    Ops.LOG_DEBUG.invoke("no logger", out);
    Ops.LOG_ERROR.invoke(logger, "plain", out);
    assertThat(emitted()).containsExactly(List.of(), List.of(), List.of());
  }

  @Test
  void log_loggerWithoutMessage_throws() {
    org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(OpsEmittersTest.class);
    assertThatThrownBy(() -> Ops.LOG_WARN.invoke(logger, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.LOG_WARN");
    assertThatThrownBy(() -> Ops.LOG_TRACE.invoke(out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.LOG_TRACE");
  }
}
