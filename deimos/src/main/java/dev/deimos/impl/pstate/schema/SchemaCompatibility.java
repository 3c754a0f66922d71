package dev.deimos.impl.pstate.schema;

import dev.deimos.impl.pstate.PStateDeclaration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a PState's stored data can be read under a new schema at module update.
 *
 * <p>A location is compatible when its shape is the same and its classes only widen (a stored
 * {@code Long} still fits {@code Number}). Changing a class to an unrelated one, changing the kind
 * of structure, subindexing or un-subindexing, turning size tracking on, or adding or removing
 * fixed keys needs a {@code PState.migrated(...)} wrapper at that location; a wrapper that turns a
 * value subindexed must say {@code migrateToSubindexed()}, and one that changes fixed keys must
 * list them with {@code addFixedKeys}/{@code removeFixedKeys}. Stateless and thread-safe.
 */
public final class SchemaCompatibility {
  private SchemaCompatibility() {}

  /**
   * Checks a PState's new declaration against the one its data was written under.
   *
   * @param oldDecl the declaration in force so far
   * @param newDecl the declaration of the updated module
   * @throws IllegalArgumentException naming the PState and the location when the change is not
   *     compatible and no migration covers it
   */
  public static void check(PStateDeclaration oldDecl, PStateDeclaration newDecl) {
    check(newDecl.getName(), oldDecl.getSchema(), newDecl.getSchema(), new ArrayList<>());
  }

  private static void check(String pstate, SchemaNode was, SchemaNode now, List<String> loc) {
    SchemaNode before = MigratedSchemaNode.unwrap(was);
    if (now instanceof MigratedSchemaNode) {
      checkMigration(pstate, before, (MigratedSchemaNode) now, loc);
      return;
    }
    if (before.equals(now)) {
      return;
    }
    if (before.getClass() != now.getClass()) {
      throw fail(pstate, loc, before, now, "the kind of value changed");
    }
    if (before.isSubindexed() != now.isSubindexed()) {
      throw fail(pstate, loc, before, now, "subindexing changed");
    }
    if (!before.isSizeTracked() && now.isSizeTracked()) {
      throw fail(pstate, loc, before, now, "size tracking was turned on");
    }
    if (now instanceof ClassSchema) {
      widens(pstate, loc, before, now, ((ClassSchema) before).type(), ((ClassSchema) now).type());
    } else if (now instanceof MapSchema) {
      MapSchema b = (MapSchema) before;
      MapSchema n = (MapSchema) now;
      widens(pstate, loc, before, now, b.keyClass(), n.keyClass());
      check(pstate, b.valueSchema(), n.valueSchema(), with(loc, "map values"));
    } else if (now instanceof SetSchema) {
      widens(
          pstate,
          loc,
          before,
          now,
          ((SetSchema) before).elementClass(),
          ((SetSchema) now).elementClass());
    } else if (now instanceof ListSchema) {
      check(
          pstate,
          ((ListSchema) before).elementSchema(),
          ((ListSchema) now).elementSchema(),
          with(loc, "list elements"));
    } else if (now instanceof FixedKeysSchema) {
      FixedKeysSchema b = (FixedKeysSchema) before;
      FixedKeysSchema n = (FixedKeysSchema) now;
      if (!b.fields().keySet().equals(n.fields().keySet())) {
        throw fail(pstate, loc, before, now, "fixed keys were added or removed");
      }
      for (Object k : n.fields().keySet()) {
        check(pstate, b.fields().get(k), n.fields().get(k), with(loc, "key " + k));
      }
    }
  }

  private static void checkMigration(
      String pstate, SchemaNode before, MigratedSchemaNode m, List<String> loc) {
    SchemaNode target = m.target();
    if (target.isSubindexed() && !before.isSubindexed() && !m.toSubindexed()) {
      throw fail(
          pstate,
          loc,
          before,
          m,
          "migration "
              + m.migrationId()
              + " makes the value subindexed without migrateToSubindexed()");
    }
    if (before instanceof FixedKeysSchema && target instanceof FixedKeysSchema) {
      Set<Object> added = new HashSet<>(((FixedKeysSchema) target).fields().keySet());
      added.removeAll(((FixedKeysSchema) before).fields().keySet());
      Set<Object> removed = new HashSet<>(((FixedKeysSchema) before).fields().keySet());
      removed.removeAll(((FixedKeysSchema) target).fields().keySet());
      if (!m.addedFixedKeys().containsAll(added) || !m.removedFixedKeys().containsAll(removed)) {
        throw fail(
            pstate,
            loc,
            before,
            m,
            "migration "
                + m.migrationId()
                + " changes fixed keys (added "
                + added
                + ", removed "
                + removed
                + ") without declaring them in addFixedKeys/removeFixedKeys");
      }
    }
  }

  private static void widens(
      String pstate, List<String> loc, SchemaNode b, SchemaNode n, Class<?> was, Class<?> now) {
    if (!now.isAssignableFrom(was)) {
      throw fail(
          pstate,
          loc,
          b,
          n,
          "stored " + was.getSimpleName() + " values are not " + now.getSimpleName());
    }
  }

  private static List<String> with(List<String> loc, String step) {
    List<String> out = new ArrayList<>(loc);
    out.add(step);
    return out;
  }

  private static IllegalArgumentException fail(
      String pstate, List<String> loc, SchemaNode was, SchemaNode now, String why) {
    StringBuilder at = new StringBuilder("root");
    for (String s : loc) {
      at.append(" -> ").append(s);
    }
    return new IllegalArgumentException(
        "PState "
            + pstate
            + ": incompatible schema change at "
            + at
            + ": was "
            + was.describe()
            + ", now "
            + now.describe()
            + " ("
            + why
            + "); wrap the new schema at this location in PState.migrated(...)");
  }
}
