package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsLogicTest {

  @Test
  void and_allTruthy_returnsLastArgument() {
    assertThat(Ops.AND.invoke(true, true)).isEqualTo(true);
    assertThat(Ops.AND.invoke(1, "x")).isEqualTo("x");
    assertThat(Ops.AND.invoke()).isEqualTo(true);
  }

  @Test
  void and_someFalsy_returnsFirstFalsy() {
    assertThat(Ops.AND.invoke(true, false, null)).isEqualTo(false);
    assertThat(Ops.AND.invoke(1, null, false)).isNull();
  }

  @Test
  void or_someTruthy_returnsFirstTruthy() {
    assertThat(Ops.OR.invoke(null, false, 0, 1)).isEqualTo(0);
    assertThat(Ops.OR.invoke(false, true)).isEqualTo(true);
  }

  @Test
  void or_usedForDefaults_returnsDefaultOnNull() {
    List<Object> fallback = new ArrayList<>();
    assertThat(Ops.OR.invoke(null, fallback)).isSameAs(fallback);
  }

  @Test
  void or_noneTruthy_returnsLastOrNull() {
    assertThat(Ops.OR.invoke(null, false)).isEqualTo(false);
    assertThat(Ops.OR.invoke(false, null)).isNull();
    assertThat(Ops.OR.invoke()).isNull();
  }

  @Test
  void not_truthiness_nullAndFalseAreFalsy() {
    assertThat(Ops.NOT.invoke(null)).isTrue();
    assertThat(Ops.NOT.invoke(false)).isTrue();
    assertThat(Ops.NOT.invoke(true)).isFalse();
    assertThat(Ops.NOT.invoke(0)).isFalse();
    assertThat(Ops.NOT.invoke("")).isFalse();
  }

  @Test
  void nullTests_anyValue_returnBoolean() {
    assertThat(Ops.IS_NULL.invoke(null)).isTrue();
    assertThat(Ops.IS_NULL.invoke(0)).isFalse();
    assertThat(Ops.IS_NOT_NULL.invoke(null)).isFalse();
    assertThat(Ops.IS_NOT_NULL.invoke(false)).isTrue();
  }

  @Test
  void isInstanceOf_classThenValue_testsInstance() {
    assertThat(Ops.IS_INSTANCE_OF.invoke(Integer.class, 1)).isTrue();
    assertThat(Ops.IS_INSTANCE_OF.invoke(Number.class, 1L)).isTrue();
    assertThat(Ops.IS_INSTANCE_OF.invoke(Integer.class, 1L)).isFalse();
    assertThat(Ops.IS_INSTANCE_OF.invoke(Integer.class, null)).isFalse();
  }

  @Test
  void isInstanceOf_notAClass_throwsNamingOp() {
    assertThatThrownBy(() -> Ops.IS_INSTANCE_OF.invoke(null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.IS_INSTANCE_OF")
        .hasMessageContaining("Class");
  }
}
