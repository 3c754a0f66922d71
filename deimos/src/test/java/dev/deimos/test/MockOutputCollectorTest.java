package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.test.MockOutputCollector.CapturedEmit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockOutputCollectorTest {

  @Test
  void emits_defaultAndNamedStreams_recordedInOrder() {
    MockOutputCollector out = new MockOutputCollector();
    out.emit(1, "a");
    out.emitStream("errors", "bad");
    out.emit(2, null);
    assertThat(out.getEmits())
        .containsExactly(
            new CapturedEmit(null, List.of(1, "a")),
            new CapturedEmit("errors", List.of("bad")),
            new CapturedEmit(null, Arrays.asList(2, null)));
    assertThat(out.getEmits().get(1).getStreamName()).isEqualTo("errors");
    assertThat(out.getEmits().get(0).getValues()).isEqualTo(List.of(1, "a"));
  }

  @Test
  void getEmitsByStream_groupsWithNullKeyForDefault() {
    MockOutputCollector out = new MockOutputCollector();
    out.emit(1);
    out.emitStream("s", 2);
    out.emit(3);
    Map<String, List<List<Object>>> byStream = out.getEmitsByStream();
    assertThat(byStream.get(null)).isEqualTo(List.of(List.of(1), List.of(3)));
    assertThat(byStream.get("s")).isEqualTo(List.of(List.of(2)));
  }

  @Test
  void emit_callerReusesArray_recordedValuesDoNotChange() {
    MockOutputCollector out = new MockOutputCollector();
    Object[] values = {1};
    out.emit(values);
    values[0] = 2;
    assertThat(out.getEmits().get(0).getValues()).isEqualTo(List.of(1));
  }

  @Test
  void capturedEmit_equalsHashCodeToString() {
    CapturedEmit a = new CapturedEmit("s", List.of(1));
    CapturedEmit b = new CapturedEmit("s", Arrays.asList(1));
    assertThat(a)
        .isEqualTo(b)
        .hasSameHashCodeAs(b)
        .isNotEqualTo(new CapturedEmit(null, List.of(1)));
    assertThat(a.toString()).contains("s").contains("[1]");
    assertThat(new CapturedEmit(null, List.of()).toString()).contains("default");
  }

  @Test
  void emitStream_nullName_throws() {
    assertThatThrownBy(() -> new MockOutputCollector().emitStream(null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
