package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.pstate.schema.FixedKeysSchema;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Applies every {@code migrated(...)} of a schema to an in-memory partition at once. */
final class Migrate {
  private Migrate() {}

  static boolean hasMigrations(SchemaNode s) {
    if (s instanceof MigratedSchemaNode) {
      return true;
    }
    if (s instanceof MapSchema) {
      return hasMigrations(((MapSchema) s).valueSchema());
    }
    if (s instanceof ListSchema) {
      return hasMigrations(((ListSchema) s).elementSchema());
    }
    if (s instanceof FixedKeysSchema) {
      for (SchemaNode f : ((FixedKeysSchema) s).fields().values()) {
        if (hasMigrations(f)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns {@code v} with migration functions applied where the schema says; input unchanged.
   * Migrated values go through {@code adopt}, so they are checked and shaped like written ones.
   */
  static Object apply(SchemaNode s, Object v, Adopt adopt) {
    if (v == null || !hasMigrations(s)) {
      return v;
    }
    if (s instanceof MigratedSchemaNode) {
      // checked against the new schema and copied, subindexed structures kept in key order
      return adopt.adopt(s, ((MigratedSchemaNode) s).migrate(v), null, new ArrayList<>(), false);
    }
    if (s instanceof MapSchema && v instanceof Map) {
      Map<Object, Object> out = like((Map<?, ?>) v);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), apply(((MapSchema) s).valueSchema(), e.getValue(), adopt));
      }
      return out;
    }
    if (s instanceof FixedKeysSchema && v instanceof Map) {
      Map<Object, Object> out = like((Map<?, ?>) v);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        SchemaNode f = ((FixedKeysSchema) s).fields().get(e.getKey());
        out.put(e.getKey(), f == null ? e.getValue() : apply(f, e.getValue(), adopt));
      }
      return out;
    }
    if (s instanceof ListSchema && v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(apply(((ListSchema) s).elementSchema(), e, adopt));
      }
      return out;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> like(Map<?, ?> m) {
    if (m instanceof SortedMap) {
      return new TreeMap<>((java.util.Comparator<Object>) ((SortedMap<?, ?>) m).comparator());
    }
    return m instanceof LinkedHashMap ? new LinkedHashMap<>() : new HashMap<>();
  }
}
