package dev.deimos.ops;

/**
 * Bodies of the truthiness and type-test constants of {@link Ops}. A value is truthy unless it is
 * null or {@link Boolean#FALSE}.
 */
final class LogicOps {
  private LogicOps() {}

  static boolean truthy(Object o) {
    return o != null && !Boolean.FALSE.equals(o);
  }

  /** Returns the first falsy argument, else the last one (true when there are none). */
  static Object and(Object[] a) {
    Object last = Boolean.TRUE;
    for (Object o : a) {
      if (!truthy(o)) {
        return o;
      }
      last = o;
    }
    return last;
  }

  /** Returns the first truthy argument, else the last one (null when there are none). */
  static Object or(Object[] a) {
    Object last = null;
    for (Object o : a) {
      if (truthy(o)) {
        return o;
      }
      last = o;
    }
    return last;
  }

  static Boolean not(Object o) {
    return !truthy(o);
  }

  static Boolean isNull(Object o) {
    return o == null;
  }

  static Boolean isNotNull(Object o) {
    return o != null;
  }

  static Boolean isInstanceOf(Object type, Object o) {
    if (!(type instanceof Class)) {
      throw new IllegalArgumentException(
          "Ops.IS_INSTANCE_OF: argument 0 must be a Class but was " + ArithmeticOps.describe(type));
    }
    return ((Class<?>) type).isInstance(o);
  }
}
