package dev.deimos.impl.pstate.schema;

/**
 * Marks a store-backed view of a subindexed structure. Its contents were checked when written, so
 * validation of the value that holds it only checks the view's schema.
 */
public interface StoredStructure {
  /**
   * Returns the schema this structure was stored under.
   *
   * @return the schema node
   */
  SchemaNode storedSchema();
}
