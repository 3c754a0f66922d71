package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;

/**
 * A leaf schema: any value that is an instance of {@code type} (or null).
 *
 * @param type the declared class; primitive classes mean their boxed class
 */
public record ClassSchema(Class<?> type) implements SchemaNode {
  /** Normalizes primitive classes to their boxes. */
  public ClassSchema {
    type = Classes.boxed(type);
  }

  @Override
  public PState.Schema subindexed() {
    throw SchemaNode.cannotSubindex(describe());
  }

  @Override
  public PState.Schema subindexed(SubindexOptions options) {
    throw SchemaNode.cannotSubindex(describe());
  }

  @Override
  public String describe() {
    return type.getSimpleName();
  }
}
