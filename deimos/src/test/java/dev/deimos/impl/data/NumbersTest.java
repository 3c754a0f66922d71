package dev.deimos.impl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Property
  void plusMinus_integersWithoutOverflow_stayIntegerAndInvert(
      @ForAll @IntRange(min = -1_000_000_000, max = 1_000_000_000) int a,
      @ForAll @IntRange(min = -1_000_000_000, max = 1_000_000_000) int b) {
    Number sum = Numbers.plus(a, b);
    assertThat(sum).isInstanceOf(Integer.class).isEqualTo(a + b);
    assertThat(Numbers.minus(sum, b)).isInstanceOf(Integer.class).isEqualTo(a);
    assertThat(Numbers.plus(b, a)).isEqualTo(sum);
  }

  @Property
  void plus_anyIntegers_matchesExactLongSumOrThrows(@ForAll int a, @ForAll int b) {
    long exact = (long) a + b;
    if (exact == (int) exact) {
      assertThat(Numbers.plus(a, b)).isEqualTo((int) exact);
    } else {
      assertThatThrownBy(() -> Numbers.plus(a, b)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Property
  void plus_integerAndLong_isLongSum(@ForAll int a, @ForAll @IntRange(min = -5, max = 5) int b) {
    assertThat(Numbers.plus(a, (long) b)).isInstanceOf(Long.class).isEqualTo((long) a + b);
  }

  @Property
  void compare_mixedIntegralKinds_agreesWithLongCompare(@ForAll int a, @ForAll long b) {
    assertThat(Integer.signum(Numbers.compare(a, b))).isEqualTo(Long.signum(Long.compare(a, b)));
    assertThat(Numbers.equiv(a, (long) a)).isTrue();
  }

  @Test
  void equiv_kindsDiffer_notEqual() {
    assertThat(Numbers.equiv(1, 1.0)).isFalse();
    assertThat(Numbers.equiv(1, BigInteger.ONE)).isTrue();
    assertThat(Numbers.equiv(new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
    assertThat(Numbers.equiv(null, null)).isTrue();
    assertThat(Numbers.equiv("a", "a")).isTrue();
  }

  @Test
  void toLongToInteger_convertAndCheckRange() {
    assertThat(Numbers.toLong(3)).isEqualTo(3L);
    assertThat(Numbers.toLong(2.9)).isEqualTo(2L);
    assertThat(Numbers.toInteger(5L)).isEqualTo(5);
    assertThatThrownBy(() -> Numbers.toInteger(Long.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Numbers.toLong("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void compare_incomparable_throws() {
    assertThatThrownBy(() -> Numbers.compare("a", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Numbers.compare(null, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void atLeastLong_widensOnlyIntCategory() {
    assertThat(Numbers.atLeastLong(1)).isEqualTo(1L);
    assertThat(Numbers.atLeastLong(1.5)).isEqualTo(1.5);
  }
}
