package dev.deimos.impl.data;

/**
 * Resolves dataflow vars ({@code "*x"}) that appear in paths and expressions.
 *
 * <p>The caller passes one per evaluation, so a path or expression is built once and resolved
 * against many frames without being copied.
 */
@FunctionalInterface
public interface Vars {
  /** Resolves nothing: any var reference fails with an error naming it. */
  Vars NONE =
      name -> {
        throw new IllegalArgumentException(
            "Var " + name + " is not bound: this path or expression runs outside dataflow code");
      };

  /**
   * Returns the value bound to a var.
   *
   * @param name the var's name, including its {@code *} prefix
   * @return the bound value (may be null)
   * @throws IllegalArgumentException if the var is not bound
   */
  Object get(String name);

  /**
   * Tells whether a value written in a path or expression is a var reference.
   *
   * @param o any argument value
   * @return true for strings that start with {@code *}
   */
  static boolean isVar(Object o) {
    return o instanceof String && ((String) o).length() > 1 && ((String) o).charAt(0) == '*';
  }
}
