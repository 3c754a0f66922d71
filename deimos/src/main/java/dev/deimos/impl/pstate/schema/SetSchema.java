package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;

/**
 * A set of elements of one class.
 *
 * @param elementClass class every element must be an instance of
 * @param indexed whether elements are stored individually
 * @param sizeTracked whether a subindexed set keeps a size counter
 */
public record SetSchema(Class<?> elementClass, boolean indexed, boolean sizeTracked)
    implements SchemaNode {
  /** Normalizes the element class. */
  public SetSchema {
    elementClass = Classes.boxed(elementClass);
  }

  @Override
  public PState.Schema subindexed() {
    return new SetSchema(elementClass, true, true);
  }

  @Override
  public PState.Schema subindexed(SubindexOptions options) {
    return new SetSchema(elementClass, true, SchemaNode.sizeTracked(options));
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
    return "setSchema(" + elementClass.getSimpleName() + ")" + (indexed ? ".subindexed()" : "");
  }
}
