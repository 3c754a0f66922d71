package dev.deimos.ops;

import dev.deimos.DeimosSerializable;
import java.io.ObjectStreamException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Common base of the implementation types of the {@link Ops} constants.
 *
 * <p>Not meant to be used directly: declare variables with the {@code DeimosFunctionN} or {@code
 * DeimosOperationN} interfaces. Every built-in is a singleton that serializes as its name and
 * deserializes to the same constant, so built-ins shipped inside paths and plans keep their
 * identity.
 */
public abstract class NativeOp implements DeimosSerializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, NativeOp> BY_NAME = new ConcurrentHashMap<>();

  private final String name;

  NativeOp(String name) {
    this.name = name;
    if (BY_NAME.putIfAbsent(name, this) != null) {
      throw new IllegalStateException("duplicate built-in operation " + name);
    }
  }

  /**
   * Returns the constant's name in {@link Ops}.
   *
   * @return e.g. {@code "PLUS"}
   */
  public final String name() {
    return name;
  }

  /**
   * Returns {@code "Ops."} followed by the constant's name.
   *
   * @return e.g. {@code "Ops.PLUS"}
   */
  @Override
  public final String toString() {
    return "Ops." + name;
  }

  /**
   * Replaces a deserialized copy with the singleton of the same name.
   *
   * @return the constant of {@link Ops} with this name
   * @throws ObjectStreamException if this version has no constant of that name
   */
  protected final Object readResolve() throws ObjectStreamException {
    Ops.ensureLoaded();
    NativeOp op = BY_NAME.get(name);
    if (op == null) {
      throw new java.io.InvalidObjectException("no built-in operation Ops." + name);
    }
    return op;
  }

  final IllegalArgumentException arityError(int arity, String expected) {
    return new IllegalArgumentException(
        this
            + " takes "
            + expected
            + " but was called with "
            + arity
            + " argument"
            + (arity == 1 ? "" : "s"));
  }

  final IllegalArgumentException argError(int index, Object value, String expected) {
    return new IllegalArgumentException(
        this
            + ": argument "
            + index
            + " must be "
            + expected
            + " but was "
            + (value == null ? "null" : value + " (" + value.getClass().getName() + ")"));
  }
}
