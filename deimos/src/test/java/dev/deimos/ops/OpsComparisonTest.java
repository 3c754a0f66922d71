package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpsComparisonTest {

  @Test
  void equal_anyArity_comparesAll() {
    assertThat(Ops.EQUAL.invoke(1, 1)).isEqualTo(true).isInstanceOf(Boolean.class);
    assertThat(Ops.EQUAL.invoke("a", "a", "a")).isEqualTo(true);
    assertThat(Ops.EQUAL.invoke("a", "a", "b")).isEqualTo(false);
    assertThat(Ops.EQUAL.invoke(7)).isEqualTo(true);
  }

  @Test
  void equal_integralNumbersOfDifferentClasses_areEqualButNotFloatingPoint() {
    assertThat(Ops.EQUAL.invoke(1, 1L)).isEqualTo(true);
    assertThat(Ops.EQUAL.invoke(1, 1.0)).isEqualTo(false);
    assertThat(Ops.EQUAL.invoke(1.0f, 1.0)).isEqualTo(true);
  }

  @Test
  void equal_nullsAndCollections_useEquals() {
    assertThat(Ops.EQUAL.invoke(null, null)).isEqualTo(true);
    assertThat(Ops.EQUAL.invoke(null, 1)).isEqualTo(false);
    assertThat(Ops.EQUAL.invoke(List.of(1, 2), new java.util.ArrayList<>(List.of(1, 2))))
        .isEqualTo(true);
  }

  @Test
  void equal_noArgument_throwsArityError() {
    assertThatThrownBy(() -> Ops.EQUAL.invoke())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.EQUAL");
  }

  @Test
  void notEqual_isTheNegationOfEqual() {
    assertThat(Ops.NOT_EQUAL.invoke(1, 2)).isEqualTo(true);
    assertThat(Ops.NOT_EQUAL.invoke(1, 1L)).isEqualTo(false);
    assertThat(Ops.NOT_EQUAL.invoke(null, "x")).isEqualTo(true);
  }

  @Test
  void ordering_chainedArguments_mustAllHold() {
    assertThat(Ops.LESS_THAN.invoke(1, 2L, 2.5)).isEqualTo(true);
    assertThat(Ops.LESS_THAN.invoke(1, 2, 2)).isEqualTo(false);
    assertThat(Ops.LESS_THAN_OR_EQUAL.invoke(1, 2, 2)).isEqualTo(true);
    assertThat(Ops.GREATER_THAN.invoke(3, 2L, 1)).isEqualTo(true);
    assertThat(Ops.GREATER_THAN.invoke(3, 3)).isEqualTo(false);
    assertThat(Ops.GREATER_THAN_OR_EQUAL.invoke(3, 3)).isEqualTo(true);
    assertThat(Ops.LESS_THAN.invoke(5)).isEqualTo(true);
  }

  @Test
  void ordering_longVersusDouble_comparesByValue() {
    assertThat(Ops.LESS_THAN.invoke(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo(true);
    assertThat(Ops.GREATER_THAN.invoke(3L, 2.999)).isEqualTo(true);
  }

  @Test
  void ordering_comparables_useCompareTo() {
    assertThat(Ops.LESS_THAN.invoke("apple", "banana")).isEqualTo(true);
  }

  @Test
  void ordering_nullOrIncomparable_throwNamingOp() {
    assertThatThrownBy(() -> Ops.LESS_THAN.invoke(1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.LESS_THAN")
        .hasMessageContaining("argument 1");
    assertThatThrownBy(() -> Ops.GREATER_THAN.invoke("a", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.GREATER_THAN")
        .hasMessageContaining("cannot compare");
  }
}
