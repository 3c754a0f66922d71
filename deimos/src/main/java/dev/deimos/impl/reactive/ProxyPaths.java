package dev.deimos.impl.reactive;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.pstate.schema.FixedKeysSchema;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;

/**
 * Refuses proxies on locations whose elements are indexed one by one: the whole partition of a
 * map-shaped PState, and a subindexed structure. Proxies follow values inside them instead.
 */
public final class ProxyPaths {
  private ProxyPaths() {}

  /**
   * Checks that {@code path} may be proxied on a PState with schema {@code schema}.
   *
   * @param pstate the PState name, for the message
   * @param schema its schema
   * @param path the proxy path
   * @throws IllegalArgumentException naming the PState and the path otherwise
   */
  public static void check(String pstate, SchemaNode schema, Path path) {
    SchemaNode s = unwrap(schema);
    if (PathKeys.isEmpty(path) && (s instanceof MapSchema || s instanceof FixedKeysSchema)) {
      throw new IllegalArgumentException(
          "cannot proxy the whole of PState "
              + pstate
              + ": its top-level "
              + (s instanceof MapSchema ? "map" : "fixed-keys map")
              + " is indexed per key; proxy a value inside it, e.g. Path.key(k)");
    }
    Object[] keys = PathKeys.keyChain(path, Vars.NONE);
    if (keys == null) {
      return;
    }
    for (int i = 0; i < keys.length && s != null; i++) {
      s = unwrap(child(s, keys[i]));
    }
    {
      if (s != null && s.isSubindexed()) {
        throw new IllegalArgumentException(
            "cannot proxy "
                + path
                + " on PState "
                + pstate
                + ": it reaches a subindexed structure, whose elements are indexed separately;"
                + " proxy a value inside it");
      }
    }
  }

  private static SchemaNode child(SchemaNode s, Object key) {
    if (s instanceof MapSchema) {
      return ((MapSchema) s).valueSchema();
    }
    if (s instanceof FixedKeysSchema) {
      return ((FixedKeysSchema) s).fields().get(key);
    }
    if (s instanceof ListSchema) {
      return ((ListSchema) s).elementSchema();
    }
    return null;
  }

  private static SchemaNode unwrap(SchemaNode s) {
    while (s instanceof MigratedSchemaNode) {
      s = ((MigratedSchemaNode) s).target();
    }
    return s;
  }
}
