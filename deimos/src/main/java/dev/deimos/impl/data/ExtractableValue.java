package dev.deimos.impl.data;

/**
 * An object that stands for a single value, such as a PState whose schema is a plain value.
 *
 * <p>{@code Ops.EXTRACT_VALUE} returns {@link #extractValue()} for such objects, which is how
 * dataflow code reads a value-schema PState bound to a {@code $$} var.
 */
@FunctionalInterface
public interface ExtractableValue {
  /**
   * Returns the value this object stands for.
   *
   * @return the current value, may be null
   */
  Object extractValue();
}
