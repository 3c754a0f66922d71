package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OpsArithmeticTest {

  @Property
  void plusMinus_anyIntegers_integerResultOrArithmeticException(
      @ForAll int a, @ForAll int b, @ForAll int c) {
    long exact = (long) a + b + c;
    long partial = (long) a + b; // PLUS folds left, so either step may overflow
    if (partial == (int) partial && exact == (int) exact) {
      Object sum = Ops.PLUS.invoke(a, b, c);
      assertThat(sum).isInstanceOf(Integer.class).isEqualTo((int) exact);
      assertThat(Ops.MINUS.invoke(sum, c, b)).isInstanceOf(Integer.class).isEqualTo(a);
    } else {
      assertThatThrownBy(() -> Ops.PLUS.invoke(a, b, c)).isInstanceOf(ArithmeticException.class);
    }
    assertThat(Ops.PLUS_LONG.invoke(a, b, c)).isInstanceOf(Long.class).isEqualTo(exact);
  }

  @Test
  void plus_integers_staysInteger() {
    assertThat(Ops.PLUS.invoke(1, 2)).isEqualTo(3).isInstanceOf(Integer.class);
    assertThat(Ops.PLUS.invoke(1, 2, 3, 4)).isEqualTo(10).isInstanceOf(Integer.class);
    assertThat(Ops.PLUS.invoke((short) 1, (byte) 2)).isEqualTo(3).isInstanceOf(Integer.class);
  }

  @Test
  void plus_integerAndLong_givesLong() {
    assertThat(Ops.PLUS.invoke(1, 2L)).isEqualTo(3L).isInstanceOf(Long.class);
    assertThat(Ops.PLUS.invoke(1L, 2)).isEqualTo(3L).isInstanceOf(Long.class);
  }

  @Test
  void plus_anyFloatingPoint_givesDouble() {
    assertThat(Ops.PLUS.invoke(1, 2.5)).isEqualTo(3.5).isInstanceOf(Double.class);
    assertThat(Ops.PLUS.invoke(1L, 0.5f)).isEqualTo(1.5).isInstanceOf(Double.class);
    assertThat(Ops.PLUS.invoke(1.0f, 2.0f)).isEqualTo(3.0).isInstanceOf(Double.class);
  }

  @Test
  void plus_bigNumbers_keepTheirKind() {
    assertThat(Ops.PLUS.invoke(1, BigInteger.TEN)).isEqualTo(BigInteger.valueOf(11));
    assertThat(Ops.PLUS.invoke(1L, new BigDecimal("0.5"))).isEqualTo(new BigDecimal("1.5"));
  }

  @Test
  void plus_noOrOneArgument_givesZeroOrTheArgument() {
    assertThat(Ops.PLUS.invoke()).isEqualTo(0).isInstanceOf(Integer.class);
    assertThat(Ops.PLUS.invoke(7L)).isEqualTo(7L).isInstanceOf(Long.class);
  }

  @Test
  void plus_intOverflow_throwsArithmeticExceptionNamingTheOp() {
    assertThatThrownBy(() -> Ops.PLUS.invoke(Integer.MAX_VALUE, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("Ops.PLUS")
        .hasMessageContaining("*_LONG");
    assertThatThrownBy(() -> Ops.PLUS.invoke(Long.MAX_VALUE, 1))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void plus_nullOrNonNumber_throwsNamingOpAndArgument() {
    assertThatThrownBy(() -> Ops.PLUS.invoke(1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.PLUS")
        .hasMessageContaining("argument 1")
        .hasMessageContaining("null");
    assertThatThrownBy(() -> Ops.PLUS.invoke("a", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argument 0")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void minus_integers_subtractLeftToRightAndStayInteger() {
    assertThat(Ops.MINUS.invoke(10, 3, 2)).isEqualTo(5).isInstanceOf(Integer.class);
    assertThat(Ops.MINUS.invoke(10L, 3)).isEqualTo(7L).isInstanceOf(Long.class);
    assertThat(Ops.MINUS.invoke(1, 0.5)).isEqualTo(0.5).isInstanceOf(Double.class);
  }

  @Test
  void minus_oneArgument_negates() {
    assertThat(Ops.MINUS.invoke(5)).isEqualTo(-5).isInstanceOf(Integer.class);
    assertThat(Ops.MINUS.invoke(5L)).isEqualTo(-5L).isInstanceOf(Long.class);
  }

  @Test
  void minus_noArgument_throwsArityErrorNamingOp() {
    assertThatThrownBy(() -> Ops.MINUS.invoke())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.MINUS")
        .hasMessageContaining("at least 1 argument")
        .hasMessageContaining("0 arguments");
  }

  @Test
  void times_mixed_promotes() {
    assertThat(Ops.TIMES.invoke(3, 4)).isEqualTo(12).isInstanceOf(Integer.class);
    assertThat(Ops.TIMES.invoke(3, 4L)).isEqualTo(12L).isInstanceOf(Long.class);
    assertThat(Ops.TIMES.invoke(3, 0.5)).isEqualTo(1.5).isInstanceOf(Double.class);
    assertThat(Ops.TIMES.invoke()).isEqualTo(1).isInstanceOf(Integer.class);
    assertThatThrownBy(() -> Ops.TIMES.invoke(1 << 20, 1 << 20))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void longVariants_anyNumbers_returnLong() {
    assertThat(Ops.PLUS_LONG.invoke(1, 2)).isEqualTo(3L).isInstanceOf(Long.class);
    assertThat(Ops.PLUS_LONG.invoke(Integer.MAX_VALUE, 1))
        .isEqualTo(Integer.MAX_VALUE + 1L)
        .isInstanceOf(Long.class);
    assertThat(Ops.PLUS_LONG.invoke()).isEqualTo(0L).isInstanceOf(Long.class);
    assertThat(Ops.MINUS_LONG.invoke(10, 4)).isEqualTo(6L).isInstanceOf(Long.class);
    assertThat(Ops.MINUS_LONG.invoke(4)).isEqualTo(-4L).isInstanceOf(Long.class);
    assertThat(Ops.TIMES_LONG.invoke(1 << 20, 1 << 20))
        .isEqualTo(1L << 40)
        .isInstanceOf(Long.class);
    // fractions are kept until the end, then truncated
    assertThat(Ops.TIMES_LONG.invoke(0.5, 1000.0)).isEqualTo(500L).isInstanceOf(Long.class);
  }

  @Test
  void incDec_anyNumber_returnDocumentedType() {
    assertThat(Ops.INC.invoke(1)).isEqualTo(2).isInstanceOf(Integer.class);
    assertThat(Ops.INC.invoke(1L)).isEqualTo(2).isInstanceOf(Integer.class);
    assertThat(Ops.DEC.invoke(1L)).isEqualTo(0).isInstanceOf(Integer.class);
    assertThat(Ops.INC_LONG.invoke(1)).isEqualTo(2L).isInstanceOf(Long.class);
    assertThat(Ops.DEC_LONG.invoke(1)).isEqualTo(0L).isInstanceOf(Long.class);
  }

  @Test
  void incDec_outOfRange_throw() {
    assertThatThrownBy(() -> Ops.INC.invoke(Integer.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Ops.DEC_LONG.invoke(Long.MIN_VALUE))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("Ops.DEC_LONG");
    assertThatThrownBy(() -> Ops.INC.invoke(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.INC");
  }

  @Test
  void div_integers_returnsDouble() {
    assertThat(Ops.DIV.invoke(1, 2)).isEqualTo(0.5).isInstanceOf(Double.class);
    assertThat(Ops.DIV.invoke(6L, 3)).isEqualTo(2.0).isInstanceOf(Double.class);
    assertThat(Ops.DIV.invoke(1, 0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void sum_collection_addsWithPlusPromotion() {
    assertThat(Ops.SUM.invoke(List.of(1, 2, 3))).isEqualTo(6).isInstanceOf(Integer.class);
    assertThat(Ops.SUM.invoke(List.of(1, 2L))).isEqualTo(3L).isInstanceOf(Long.class);
    assertThat(Ops.SUM.invoke(List.of())).isEqualTo(0).isInstanceOf(Integer.class);
    assertThat(Ops.SUM.invoke(null)).isEqualTo(0);
    assertThatThrownBy(() -> Ops.SUM.invoke(Arrays.asList(1, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("element 1");
  }

  @Test
  void minMax_mixedNumbers_returnTheArgumentItself() {
    assertThat(Ops.MIN.invoke(3, 1L, 2.5)).isEqualTo(1L).isInstanceOf(Long.class);
    assertThat(Ops.MAX.invoke(3, 1L, 2.5)).isEqualTo(3).isInstanceOf(Integer.class);
    assertThat(Ops.MAX.invoke("a", "c", "b")).isEqualTo("c");
    assertThat(Ops.MIN.invoke(4)).isEqualTo(4);
    assertThatThrownBy(() -> Ops.MIN.invoke(1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.MIN");
  }

  @Test
  void evenOdd_integralNumbers_test() {
    assertThat(Ops.IS_EVEN.invoke(4)).isTrue();
    assertThat(Ops.IS_EVEN.invoke(-3L)).isFalse();
    assertThat(Ops.IS_ODD.invoke(-3)).isTrue();
    assertThat(Ops.IS_ODD.invoke(BigInteger.TWO)).isFalse();
    assertThatThrownBy(() -> Ops.IS_ODD.invoke(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.IS_ODD");
  }
}
