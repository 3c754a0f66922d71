package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;

/**
 * A map from keys of one class to values of one schema.
 *
 * @param keyClass class every key must be an instance of
 * @param valueSchema schema of every value
 * @param indexed whether entries are stored individually
 * @param sizeTracked whether a subindexed map keeps a size counter
 */
public record MapSchema(
    Class<?> keyClass, SchemaNode valueSchema, boolean indexed, boolean sizeTracked)
    implements SchemaNode {
  /** Normalizes the key class. */
  public MapSchema {
    keyClass = Classes.boxed(keyClass);
  }

  @Override
  public PState.Schema subindexed() {
    return new MapSchema(keyClass, valueSchema, true, true);
  }

  @Override
  public PState.Schema subindexed(SubindexOptions options) {
    return new MapSchema(keyClass, valueSchema, true, SchemaNode.sizeTracked(options));
  }

  @Override
  public boolean isSubindexed() {
    return indexed;
  }

  @Override
  public boolean isSizeTracked() {
    return indexed && sizeTracked;
  }

  @Override
  public String describe() {
    return "mapSchema("
        + keyClass.getSimpleName()
        + ", "
        + valueSchema.describe()
        + ")"
        + (indexed ? ".subindexed()" : "");
  }
}
