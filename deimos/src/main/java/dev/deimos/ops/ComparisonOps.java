package dev.deimos.ops;

import dev.deimos.impl.data.Numbers;

/** Bodies of the equality and ordering constants of {@link Ops}. */
final class ComparisonOps {
  private ComparisonOps() {}

  static Boolean equal(Object[] a) {
    for (int i = 1; i < a.length; i++) {
      if (!Numbers.equiv(a[0], a[i])) {
        return false;
      }
    }
    return true;
  }

  static Boolean notEqual(Object[] a) {
    return !equal(a);
  }

  static Boolean lessThan(Object[] a) {
    return chain("LESS_THAN", a, c -> c < 0);
  }

  static Boolean lessThanOrEqual(Object[] a) {
    return chain("LESS_THAN_OR_EQUAL", a, c -> c <= 0);
  }

  static Boolean greaterThan(Object[] a) {
    return chain("GREATER_THAN", a, c -> c > 0);
  }

  static Boolean greaterThanOrEqual(Object[] a) {
    return chain("GREATER_THAN_OR_EQUAL", a, c -> c >= 0);
  }

  /** Each neighbouring pair must satisfy the test, like {@code a < b < c}. */
  private static boolean chain(String op, Object[] a, java.util.function.IntPredicate test) {
    ArithmeticOps.notNull(op, 0, a[0]);
    for (int i = 1; i < a.length; i++) {
      ArithmeticOps.notNull(op, i, a[i]);
      if (!test.test(compare(op, a[i - 1], a[i]))) {
        return false;
      }
    }
    return true;
  }

  static int compare(String op, Object x, Object y) {
    try {
      return Numbers.compare(x, y);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("Ops." + op + ": " + e.getMessage(), e);
    }
  }
}
