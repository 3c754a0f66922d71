package dev.deimos.impl.pstate.schema;

/** Class helpers for schema checks. */
public final class Classes {
  private Classes() {}

  /**
   * Maps a primitive class to its box; other classes unchanged.
   *
   * @param c a class
   * @return the boxed class
   */
  public static Class<?> boxed(Class<?> c) {
    if (c == null || !c.isPrimitive()) {
      return c;
    }
    if (c == long.class) {
      return Long.class;
    } else if (c == int.class) {
      return Integer.class;
    } else if (c == double.class) {
      return Double.class;
    } else if (c == boolean.class) {
      return Boolean.class;
    } else if (c == float.class) {
      return Float.class;
    } else if (c == short.class) {
      return Short.class;
    } else if (c == byte.class) {
      return Byte.class;
    } else if (c == char.class) {
      return Character.class;
    }
    return Void.class;
  }

  /**
   * Names a value's type for error messages.
   *
   * @param v a value
   * @return its simple class name, or "null"
   */
  public static String typeOf(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }
}
