package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;

/**
 * A list of elements of one schema. A subindexed list always tracks its size (appends need it).
 *
 * @param elementSchema schema of every element
 * @param indexed whether elements are stored individually
 */
public record ListSchema(SchemaNode elementSchema, boolean indexed) implements SchemaNode {
  @Override
  public PState.Schema subindexed() {
    return new ListSchema(elementSchema, true);
  }

  @Override
  public PState.Schema subindexed(SubindexOptions options) {
    return new ListSchema(elementSchema, true);
  }

  @Override
  public boolean isSubindexed() {
    return indexed;
  }

  @Override
  public boolean isSizeTracked() {
    return indexed;
  }

  @Override
  public String describe() {
    return "listSchema(" + elementSchema.describe() + ")" + (indexed ? ".subindexed()" : "");
  }
}
