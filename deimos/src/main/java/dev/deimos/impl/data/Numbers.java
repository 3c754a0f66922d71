package dev.deimos.impl.data;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numeric promotion, equality and ordering shared by {@code Ops} and the aggregators.
 *
 * <p>Each number belongs to a category; a binary operation works in the wider of its operands'
 * categories, in this order: {@link Byte}/{@link Short}/{@link Integer} (int), {@link Long}, {@link
 * BigInteger}, {@link BigDecimal}, {@link Float}/{@link Double} (double). So two Integers give an
 * Integer, an Integer and a Long give a Long, and anything with a Double gives a Double.
 *
 * <p>int and long arithmetic is exact: a result that does not fit throws {@link
 * ArithmeticException} rather than wrapping around silently, as in Clojure, which Rama is built on.
 * Callers that want a wider type ask for it ({@code Ops.PLUS_LONG}, {@link #toLong}).
 */
public final class Numbers {
  /** int category: Byte, Short, Integer. */
  static final int INT = 0;

  /** long category. */
  static final int LONG = 1;

  /** BigInteger category. */
  static final int BIGINT = 2;

  /** BigDecimal category. */
  static final int BIGDEC = 3;

  /** double category: Float, Double. */
  static final int DOUBLE = 4;

  private Numbers() {}

  /**
   * Adds two numbers in the wider of their categories.
   *
   * @param a a Number
   * @param b a Number
   * @return the sum; Integer for two Integers, Long if the widest is Long, and so on
   * @throws IllegalArgumentException if an argument is null or not a Number
   * @throws ArithmeticException on int or long overflow
   */
  public static Number plus(Object a, Object b) {
    if (a instanceof Integer && b instanceof Integer) {
      return Math.addExact((Integer) a, (Integer) b);
    }
    Number x = num("plus", a);
    Number y = num("plus", b);
    switch (Math.max(category(x), category(y))) {
      case INT:
        return Math.addExact(x.intValue(), y.intValue());
      case LONG:
        return Math.addExact(x.longValue(), y.longValue());
      case BIGINT:
        return toBigInteger(x).add(toBigInteger(y));
      case BIGDEC:
        return toBigDecimal(x).add(toBigDecimal(y));
      default:
        return x.doubleValue() + y.doubleValue();
    }
  }

  /**
   * Subtracts {@code b} from {@code a} in the wider of their categories.
   *
   * @param a a Number
   * @param b a Number
   * @return the difference, typed as {@link #plus} would type it
   * @throws IllegalArgumentException if an argument is null or not a Number
   * @throws ArithmeticException on int or long overflow
   */
  public static Number minus(Object a, Object b) {
    if (a instanceof Integer && b instanceof Integer) {
      return Math.subtractExact((Integer) a, (Integer) b);
    }
    Number x = num("minus", a);
    Number y = num("minus", b);
    switch (Math.max(category(x), category(y))) {
      case INT:
        return Math.subtractExact(x.intValue(), y.intValue());
      case LONG:
        return Math.subtractExact(x.longValue(), y.longValue());
      case BIGINT:
        return toBigInteger(x).subtract(toBigInteger(y));
      case BIGDEC:
        return toBigDecimal(x).subtract(toBigDecimal(y));
      default:
        return x.doubleValue() - y.doubleValue();
    }
  }

  /**
   * Multiplies two numbers in the wider of their categories.
   *
   * @param a a Number
   * @param b a Number
   * @return the product, typed as {@link #plus} would type it
   * @throws IllegalArgumentException if an argument is null or not a Number
   * @throws ArithmeticException on int or long overflow
   */
  public static Number times(Object a, Object b) {
    Number x = num("times", a);
    Number y = num("times", b);
    switch (Math.max(category(x), category(y))) {
      case INT:
        return Math.multiplyExact(x.intValue(), y.intValue());
      case LONG:
        return Math.multiplyExact(x.longValue(), y.longValue());
      case BIGINT:
        return toBigInteger(x).multiply(toBigInteger(y));
      case BIGDEC:
        return toBigDecimal(x).multiply(toBigDecimal(y));
      default:
        return x.doubleValue() * y.doubleValue();
    }
  }

  /**
   * Negates a number, keeping its category.
   *
   * @param a a Number
   * @return {@code -a}
   * @throws ArithmeticException when negating the minimum int or long
   */
  public static Number negate(Object a) {
    Number x = num("negate", a);
    switch (category(x)) {
      case INT:
        return Math.negateExact(x.intValue());
      case LONG:
        return Math.negateExact(x.longValue());
      case BIGINT:
        return toBigInteger(x).negate();
      case BIGDEC:
        return toBigDecimal(x).negate();
      default:
        return -x.doubleValue();
    }
  }

  /**
   * Widens a number to at least the long category, for the {@code *_LONG} operations.
   *
   * @param a a Number
   * @return an Integer-category value as a Long; any other number unchanged
   */
  public static Number atLeastLong(Object a) {
    Number x = num("widen", a);
    return category(x) == INT ? (Number) x.longValue() : x;
  }

  /**
   * Converts a number to a Long, truncating any fraction.
   *
   * @param a a Number
   * @return its long value
   * @throws IllegalArgumentException if {@code a} is null or not a Number
   */
  public static Long toLong(Object a) {
    if (a instanceof Long) {
      return (Long) a;
    }
    return num("toLong", a).longValue();
  }

  /**
   * Converts a number to an Integer, truncating any fraction.
   *
   * @param a a Number
   * @return its int value
   * @throws ArithmeticException if its integral part does not fit in an int
   */
  public static Integer toInteger(Object a) {
    if (a instanceof Integer) {
      return (Integer) a;
    }
    return Math.toIntExact(num("toInteger", a).longValue());
  }

  /**
   * Tells whether a value is a Number this class knows how to combine.
   *
   * @param a any value
   * @return true for the boxed primitives, BigInteger and BigDecimal
   */
  public static boolean isNumber(Object a) {
    return a instanceof Integer
        || a instanceof Long
        || a instanceof Double
        || a instanceof Float
        || a instanceof Short
        || a instanceof Byte
        || a instanceof BigInteger
        || a instanceof BigDecimal;
  }

  /**
   * Tests equality the way dataflow code expects: numbers of the same kind (integral or floating
   * point or decimal) are equal when their values are, whatever their boxed class; everything else
   * uses {@link Object#equals}.
   *
   * @param a any value, may be null
   * @param b any value, may be null
   * @return true if equal, so {@code equiv(1, 1L)} is true but {@code equiv(1, 1.0)} is false
   */
  public static boolean equiv(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isNumber(a) && isNumber(b)) {
      int ca = category((Number) a);
      int cb = category((Number) b);
      if (kind(ca) != kind(cb)) {
        return false;
      }
      return compareNumbers((Number) a, (Number) b) == 0;
    }
    return a.equals(b);
  }

  /**
   * Compares two values: numbers by value across categories, anything else through {@link
   * Comparable}.
   *
   * @param a a non-null value
   * @param b a non-null value
   * @return negative, zero or positive as {@code a} is less than, equal to or greater than {@code
   *     b}
   * @throws IllegalArgumentException if either is null or they cannot be compared
   */
  @SuppressWarnings("unchecked")
  public static int compare(Object a, Object b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("cannot compare null with " + (a == null ? b : a));
    }
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers((Number) a, (Number) b);
    }
    if (a instanceof Comparable && a.getClass().isInstance(b)
        || b instanceof Comparable && b.getClass().isInstance(a)) {
      return ((Comparable<Object>) a).compareTo(b);
    }
    throw new IllegalArgumentException(
        "cannot compare " + a.getClass().getName() + " with " + b.getClass().getName());
  }

  private static int compareNumbers(Number x, Number y) {
    if (x instanceof Integer && y instanceof Integer) {
      return Integer.compare((Integer) x, (Integer) y);
    }
    switch (Math.max(category(x), category(y))) {
      case INT:
      case LONG:
        return Long.compare(x.longValue(), y.longValue());
      case BIGINT:
        return toBigInteger(x).compareTo(toBigInteger(y));
      case BIGDEC:
        return toBigDecimal(x).compareTo(toBigDecimal(y));
      default:
        return Double.compare(x.doubleValue(), y.doubleValue());
    }
  }

  /** Integral, decimal or floating point: categories of different kinds are never equal. */
  private static int kind(int category) {
    return category <= BIGINT ? 0 : category == BIGDEC ? 1 : 2;
  }

  static int category(Number x) {
    if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
      return INT;
    }
    if (x instanceof Long) {
      return LONG;
    }
    if (x instanceof Double || x instanceof Float) {
      return DOUBLE;
    }
    if (x instanceof BigInteger) {
      return BIGINT;
    }
    if (x instanceof BigDecimal) {
      return BIGDEC;
    }
    throw new IllegalArgumentException("unsupported Number class " + x.getClass().getName());
  }

  private static BigInteger toBigInteger(Number x) {
    return x instanceof BigInteger ? (BigInteger) x : BigInteger.valueOf(x.longValue());
  }

  private static BigDecimal toBigDecimal(Number x) {
    if (x instanceof BigDecimal) {
      return (BigDecimal) x;
    }
    if (x instanceof BigInteger) {
      return new BigDecimal((BigInteger) x);
    }
    return BigDecimal.valueOf(x.longValue());
  }

  private static Number num(String what, Object a) {
    if (a instanceof Number) {
      return (Number) a;
    }
    throw new IllegalArgumentException(
        what
            + " needs a Number but got "
            + (a == null ? "null" : a + " (" + a.getClass().getName() + ")"));
  }
}
