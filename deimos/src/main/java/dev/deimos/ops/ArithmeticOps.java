package dev.deimos.ops;

import dev.deimos.impl.data.Numbers;
import java.math.BigInteger;
import java.util.function.BinaryOperator;

/** Bodies of the arithmetic constants of {@link Ops}; promotion rules live in {@link Numbers}. */
final class ArithmeticOps {
  private ArithmeticOps() {}

  static Object plus(Object[] a) {
    return fold("PLUS", a, 0, Numbers::plus);
  }

  static Object minus(Object[] a) {
    if (a.length == 1) {
      return negate("MINUS", a[0]);
    }
    return fold("MINUS", a, 0, Numbers::minus);
  }

  static Object times(Object[] a) {
    return fold("TIMES", a, 1, Numbers::times);
  }

  static Object plusLong(Object[] a) {
    return Numbers.toLong(fold("PLUS_LONG", widen("PLUS_LONG", a), 0L, Numbers::plus));
  }

  static Object minusLong(Object[] a) {
    Object[] w = widen("MINUS_LONG", a);
    if (w.length == 1) {
      return Numbers.toLong(negate("MINUS_LONG", w[0]));
    }
    return Numbers.toLong(fold("MINUS_LONG", w, 0L, Numbers::minus));
  }

  static Object timesLong(Object[] a) {
    return Numbers.toLong(fold("TIMES_LONG", widen("TIMES_LONG", a), 1L, Numbers::times));
  }

  static Integer inc(Object a) {
    return Math.toIntExact(step("INC", a, 1));
  }

  static Integer dec(Object a) {
    return Math.toIntExact(step("DEC", a, -1));
  }

  static Long incLong(Object a) {
    return step("INC_LONG", a, 1);
  }

  static Long decLong(Object a) {
    return step("DEC_LONG", a, -1);
  }

  static Double div(Object a, Object b) {
    return number("DIV", 0, a).doubleValue() / number("DIV", 1, b).doubleValue();
  }

  static Object sum(Object coll) {
    if (coll == null) {
      return 0;
    }
    if (!(coll instanceof Iterable)) {
      throw new IllegalArgumentException(
          "Ops.SUM: argument 0 must be a collection of numbers but was "
              + coll
              + " ("
              + coll.getClass().getName()
              + ")");
    }
    Object acc = 0;
    int i = 0;
    for (Object o : (Iterable<?>) coll) {
      if (!Numbers.isNumber(o)) {
        throw new IllegalArgumentException(
            "Ops.SUM: element " + i + " must be a Number but was " + describe(o));
      }
      Object x = acc;
      acc = exact("SUM", () -> Numbers.plus(x, o));
      i++;
    }
    return acc;
  }

  static Object min(Object[] a) {
    return extreme("MIN", a, -1);
  }

  static Object max(Object[] a) {
    return extreme("MAX", a, 1);
  }

  static Boolean isEven(Object a) {
    return !odd("IS_EVEN", a);
  }

  static Boolean isOdd(Object a) {
    return odd("IS_ODD", a);
  }

  private static boolean odd(String op, Object a) {
    if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
      return (((Number) a).longValue() & 1L) != 0;
    }
    if (a instanceof BigInteger) {
      return ((BigInteger) a).testBit(0);
    }
    throw new IllegalArgumentException(
        "Ops." + op + ": argument 0 must be an integral Number but was " + describe(a));
  }

  private static Object extreme(String op, Object[] a, int sign) {
    Object best = notNull(op, 0, a[0]);
    for (int i = 1; i < a.length; i++) {
      Object v = notNull(op, i, a[i]);
      if (ComparisonOps.compare(op, best, v) * sign < 0) {
        best = v;
      }
    }
    return best;
  }

  private static long step(String op, Object a, int delta) {
    long v = number(op, 0, a).longValue();
    try {
      return Math.addExact(v, delta);
    } catch (ArithmeticException e) {
      throw new ArithmeticException("Ops." + op + ": long overflow on " + v);
    }
  }

  private static Object[] widen(String op, Object[] a) {
    Object[] w = new Object[a.length];
    for (int i = 0; i < a.length; i++) {
      w[i] = Numbers.atLeastLong(number(op, i, a[i]));
    }
    return w;
  }

  private static Object negate(String op, Object a) {
    Number n = number(op, 0, a);
    return exact(op, () -> Numbers.negate(n));
  }

  private static Object fold(String op, Object[] a, Object zero, BinaryOperator<Object> f) {
    if (a.length == 0) {
      return zero;
    }
    Object acc = number(op, 0, a[0]);
    for (int i = 1; i < a.length; i++) {
      Object x = acc;
      Object y = number(op, i, a[i]);
      acc = exact(op, () -> f.apply(x, y));
    }
    return acc;
  }

  private static Object exact(String op, java.util.function.Supplier<Object> f) {
    try {
      return f.get();
    } catch (ArithmeticException e) {
      throw new ArithmeticException(
          "Ops."
              + op
              + ": "
              + e.getMessage()
              + "; Integer arithmetic does not wrap around, use the *_LONG variant for Long"
              + " results");
    }
  }

  static Number number(String op, int index, Object a) {
    if (Numbers.isNumber(a)) {
      return (Number) a;
    }
    throw new IllegalArgumentException(
        "Ops." + op + ": argument " + index + " must be a Number but was " + describe(a));
  }

  static Object notNull(String op, int index, Object a) {
    if (a == null) {
      throw new IllegalArgumentException("Ops." + op + ": argument " + index + " is null");
    }
    return a;
  }

  static String describe(Object a) {
    return a == null ? "null" : a + " (" + a.getClass().getName() + ")";
  }
}
