package dev.deimos;

import java.util.Objects;

/**
 * Wraps a literal that would otherwise be read as a var.
 *
 * <p>Strings that start with {@code *}, {@code $$} or {@code %} name vars in dataflow code and
 * paths. To pass such a string as a plain value, wrap it: {@code new Constant("*not-a-var")}.
 */
public final class Constant implements DeimosSerializable {
  private static final long serialVersionUID = 1L;

  private final Object value;

  /**
   * Creates a constant.
   *
   * @param value the literal value, used as is
   */
  public Constant(Object value) {
    this.value = value;
  }

  /**
   * Returns the wrapped value.
   *
   * @return the literal value
   */
  public Object getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Constant && Objects.equals(((Constant) o).value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value) * 31 + 7;
  }

  @Override
  public String toString() {
    return "Constant(" + value + ")";
  }
}
