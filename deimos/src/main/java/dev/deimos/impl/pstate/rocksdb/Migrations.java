package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The background rewrite jobs of a schema: one per {@code migrated(...)} wrapper sitting on a value
 * stored as one row, or on a value that {@code migrateToSubindexed()} turns from one row into its
 * own key range. Along the chain of indexed structures each depth has exactly one value schema, so
 * a job rewrites the non-marker rows of one depth (or the Class row).
 */
final class Migrations {
  private Migrations() {}

  /**
   * One job.
   *
   * @param node the migrated schema node
   * @param rowPrefix prefix of the rows to rewrite ({@link Keys#CLASS_ROW} for a Class PState)
   * @param toSubindexed whether each whole row becomes a marker plus rows of its own range
   * @param depth depth of the structure holding the rows (number of outer keys before the element
   *     key); only used when {@code toSubindexed}
   */
  record Job(MigratedSchemaNode node, byte[] rowPrefix, boolean toSubindexed, int depth) {}

  static List<Job> jobs(SchemaNode root, boolean indexedRoot) {
    List<Job> out = new ArrayList<>();
    if (!indexedRoot) {
      if (root instanceof MigratedSchemaNode) {
        out.add(new Job((MigratedSchemaNode) root, Keys.CLASS_ROW, false, 0));
      }
      return out;
    }
    SchemaNode s = MigratedSchemaNode.unwrap(root);
    for (int depth = 0; depth <= Keys.MAX_DEPTH; depth++) {
      SchemaNode vs;
      if (s instanceof MapSchema) {
        vs = ((MapSchema) s).valueSchema();
      } else if (s instanceof ListSchema) {
        vs = ((ListSchema) s).elementSchema();
      } else {
        break;
      }
      byte[] rows = {(byte) (0x10 + depth)};
      if (vs instanceof MigratedSchemaNode && !vs.isSubindexed()) {
        out.add(new Job((MigratedSchemaNode) vs, rows, false, depth));
      } else if (vs instanceof MigratedSchemaNode
          && ((MigratedSchemaNode) vs).toSubindexed()
          && depth + 1 <= Keys.MAX_DEPTH) {
        out.add(new Job((MigratedSchemaNode) vs, rows, true, depth));
      }
      if (!vs.isSubindexed()) {
        break;
      }
      s = MigratedSchemaNode.unwrap(vs);
    }
    return out;
  }
}
