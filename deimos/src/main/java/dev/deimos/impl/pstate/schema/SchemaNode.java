package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;
import java.io.Serializable;

/**
 * One node of a PState schema: the data behind {@link PState.Schema}.
 *
 * <p>Schemas are plain, immutable, serializable data that the runtime, the console, validation and
 * compatibility checks inspect with {@code instanceof} and getters.
 */
public sealed interface SchemaNode extends PState.Schema, Serializable
    permits ClassSchema, MapSchema, SetSchema, ListSchema, FixedKeysSchema, MigratedSchemaNode {

  /**
   * Tells whether this structure's elements are stored individually.
   *
   * @return true for subindexed maps, sets and lists
   */
  default boolean isSubindexed() {
    return false;
  }

  /**
   * Tells whether a subindexed structure keeps a size counter.
   *
   * @return true when subindexed with size tracking
   */
  default boolean isSizeTracked() {
    return false;
  }

  /**
   * Short description for error messages, e.g. {@code mapSchema(String, Long)}.
   *
   * @return the description
   */
  String describe();

  /**
   * Turns a schema argument ({@link Class} or {@link PState.Schema}) into a node.
   *
   * @param classOrSchema what the user passed
   * @return the node
   * @throws IllegalArgumentException for anything else
   */
  static SchemaNode of(Object classOrSchema) {
    if (classOrSchema instanceof SchemaNode) {
      return (SchemaNode) classOrSchema;
    }
    if (classOrSchema instanceof Class) {
      return new ClassSchema((Class<?>) classOrSchema);
    }
    throw new IllegalArgumentException(
        "A PState schema must be a Class or a PState.Schema, but got "
            + (classOrSchema == null ? "null" : classOrSchema.getClass().getName()));
  }

  /**
   * Reads size tracking from subindex options.
   *
   * @param options options given by the user (null means defaults)
   * @return whether to track size
   */
  static boolean sizeTracked(SubindexOptions options) {
    return !(options instanceof SubindexOptions.CapturedSubindexOptions)
        || ((SubindexOptions.CapturedSubindexOptions) options).isSizeTracked();
  }

  /**
   * Error for {@code subindexed()} on a node that cannot be subindexed.
   *
   * @param what the description of the node
   * @return the exception to throw
   */
  static IllegalArgumentException cannotSubindex(String what) {
    return new IllegalArgumentException(
        what + " cannot be subindexed: only map, set and list schemas can be");
  }
}
