package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record-like map: a fixed set of keys, each with its own schema; every key is optional.
 *
 * @param fields each key's schema, in declaration order (unmodifiable)
 */
public record FixedKeysSchema(Map<Object, SchemaNode> fields) implements SchemaNode {
  /** Copies and freezes the fields. */
  public FixedKeysSchema {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Builds the schema from alternating keys and schemas ({@code Class} or {@code Schema}).
   *
   * @param keyAndSchemas k1, s1, k2, s2, ...
   * @return the schema
   */
  public static FixedKeysSchema of(Object... keyAndSchemas) {
    if (keyAndSchemas.length % 2 != 0) {
      throw new IllegalArgumentException(
          "fixedKeysSchema needs alternating keys and schemas, but got "
              + keyAndSchemas.length
              + " arguments");
    }
    Map<Object, SchemaNode> m = new LinkedHashMap<>();
    for (int i = 0; i < keyAndSchemas.length; i += 2) {
      if (m.put(keyAndSchemas[i], SchemaNode.of(keyAndSchemas[i + 1])) != null) {
        throw new IllegalArgumentException(
            "fixedKeysSchema declares key " + keyAndSchemas[i] + " twice");
      }
    }
    return new FixedKeysSchema(m);
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
    StringBuilder sb = new StringBuilder("fixedKeysSchema(");
    boolean first = true;
    for (Map.Entry<Object, SchemaNode> e : fields.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append(": ").append(e.getValue().describe());
    }
    return sb.append(")").toString();
  }
}
