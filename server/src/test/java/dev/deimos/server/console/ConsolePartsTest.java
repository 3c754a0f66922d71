package dev.deimos.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import dev.deimos.ops.Ops;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's time series, operation log and REST-form path reader. */
class ConsolePartsTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void timeSeries_keepsTheNewestPointsInOrder() {
    TimeSeries s = new TimeSeries(3);
    for (int i = 1; i <= 5; i++) {
      s.add("m|topology|t|rate", i * 1000L, i);
    }
    List<double[]> pts = s.read("m|topology|t|rate");
    assertThat(pts).hasSize(3);
    assertThat(pts.get(0)).containsExactly(3000, 3);
    assertThat(pts.get(2)).containsExactly(5000, 5);
    assertThat(s.read("unknown")).isEmpty();
    s.add("m|depot|d|rate", 1, 1);
    s.add("other|depot|d|rate", 1, 1);
    assertThat(s.names("m|")).containsExactly("m|depot|d|rate", "m|topology|t|rate");
    s.remove("m|");
    assertThat(s.names("m|")).isEmpty();
  }

  @Test
  void operationLog_survivesReopeningWithTabsAndNewlines() {
    java.nio.file.Path f = tmp.resolve("operations.log");
    OperationLog log = new OperationLog(f);
    log.record("m1", "launch", "a.jar", true);
    log.record("m2", "setOption", "k=v\twith tab\nand line", false);
    OperationLog again = new OperationLog(f);
    assertThat(again.entries(null)).hasSize(2);
    OperationLog.Entry e = again.entries("m2").get(0);
    assertThat(e.action()).isEqualTo("setOption");
    assertThat(e.detail()).isEqualTo("k=v\twith tab\nand line");
    assertThat(e.ok()).isFalse();
    assertThat(again.entries("m1").get(0).ok()).isTrue();
  }

  @Test
  void paths_readKeysNavigatorsAndTypedValues() {
    Map<String, Object> data =
        Map.of("alice", new TreeMap<>(Map.of("a", 1L, "b", 2L, "c", 3L)), "bob", Map.of());
    assertThat(sel(ConsolePaths.parse(List.of("alice", "b")), data)).containsExactly(2L);
    assertThat(sel(ConsolePaths.parse(List.of("alice", List.of("mapKeys"))), data))
        .containsExactly("a", "b", "c");
    assertThat(
            sel(ConsolePaths.parse(List.of("alice", List.of("sortedMapRangeFrom", "b", 1))), data))
        .containsExactly(new TreeMap<>(Map.of("b", 2L)));
    assertThat(
            sel(
                ConsolePaths.parse(List.of("alice", "a", List.of("view", "#__fOps.INC_LONG"))),
                data))
        .containsExactly(2L);
    assertThat(ConsolePaths.value("#__L12")).isEqualTo(12L);
    assertThat(ConsolePaths.value("#__Cx")).isEqualTo('x');
    assertThat(ConsolePaths.value(List.of("#__S3", Map.of("#__B1", "#__F1.5"))))
        .isEqualTo(List.of((short) 3, Map.of((byte) 1, 1.5f)));
    assertThat(ConsolePaths.value("#__fOps.SIZE")).isSameAs(Ops.SIZE);
    assertThat(sel(ConsolePaths.parse("alice"), data)).hasSize(1);
    assertThat(ConsolePaths.parse(List.of())).isInstanceOf(Path.class);
  }

  static List<Object> sel(Path p, Object data) {
    return Paths.select(p, data, Vars.NONE);
  }

  @Test
  void paths_refuseUnknownNavigatorsAndBadValuesNamingThem() {
    assertThatThrownBy(() -> ConsolePaths.parse(List.of("a", List.of("noSuch", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path element 1")
        .hasMessageContaining("no navigator noSuch taking 1 arguments");
    assertThatThrownBy(() -> ConsolePaths.parse(List.of(List.of())))
        .hasMessageContaining("path element 0");
    assertThatThrownBy(() -> ConsolePaths.value("#__Lnope")).hasMessageContaining("#__Lnope");
    assertThatThrownBy(() -> ConsolePaths.value("#__fOps.NOPE")).hasMessageContaining("Ops.NOPE");
  }
}
