package dev.deimos.impl.pstate.schema;

/**
 * Placement rules a whole PState schema must follow, checked once when the PState is declared.
 *
 * <ul>
 *   <li>A list schema cannot be the top level of a PState.
 *   <li>A migration wraps a value that is stored on its own: the whole PState, a value of the
 *       top-level map or fixed-keys schema, or a value or element of a subindexed structure. A
 *       migration deeper inside a value stored in one piece is rejected; move it up instead.
 * </ul>
 */
public final class SchemaRules {
  private SchemaRules() {}

  /**
   * Checks a PState's top-level schema.
   *
   * @param pstate PState name for errors
   * @param root the schema
   * @throws IllegalArgumentException naming the PState and the offending place
   */
  public static void checkDeclarable(String pstate, SchemaNode root) {
    SchemaNode top = MigratedSchemaNode.unwrap(root);
    if (top instanceof ListSchema) {
      throw new IllegalArgumentException(
          "PState "
              + pstate
              + ": a list schema cannot be the top level of a PState, got "
              + root.describe());
    }
    // children of the top level are stored as separate entries
    checkChildren(pstate, top, true, "root");
  }

  private static void check(String pstate, SchemaNode node, boolean ownEntry, String where) {
    if (node instanceof MigratedSchemaNode) {
      if (!ownEntry) {
        throw new IllegalArgumentException(
            "PState "
                + pstate
                + ": migration \""
                + ((MigratedSchemaNode) node).migrationId()
                + "\" at "
                + where
                + " is inside a value stored in one piece; only a whole stored value can be"
                + " migrated, so move the migration up to the enclosing top-level or subindexed"
                + " value");
      }
      node = ((MigratedSchemaNode) node).target();
    }
    // a subindexed structure stores each child separately; anything else stores them in one piece
    checkChildren(pstate, node, node.isSubindexed(), where);
  }

  private static void checkChildren(
      String pstate, SchemaNode node, boolean childOwnEntry, String where) {
    if (node instanceof MapSchema) {
      check(
          pstate,
          ((MapSchema) node).valueSchema(),
          childOwnEntry,
          where + " -> values of " + node.describe());
    } else if (node instanceof ListSchema) {
      check(
          pstate,
          ((ListSchema) node).elementSchema(),
          childOwnEntry,
          where + " -> elements of " + node.describe());
    } else if (node instanceof FixedKeysSchema) {
      for (var e : ((FixedKeysSchema) node).fields().entrySet()) {
        check(pstate, e.getValue(), childOwnEntry, where + " -> key " + e.getKey());
      }
    }
  }
}
