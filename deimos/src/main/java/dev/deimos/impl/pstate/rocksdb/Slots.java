package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.pstate.schema.FixedKeysSchema;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import dev.deimos.impl.pstate.schema.SetSchema;
import dev.deimos.impl.serial.ValueCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one element value of an indexed structure: a plain value is one codec-encoded
 * row; an indexed (subindexed) value is a {@link Keys#MARKER} row plus its own key range, handed
 * out as a lazy view.
 */
final class Slots {
  final Kv kv;
  final String name;
  final ValueCodec codec = ValueCodec.PLAIN;

  Slots(Kv kv, String name) {
    this.kv = kv;
    this.name = name;
  }

  /** Whether values of this schema get their own key range at the given child depth. */
  static boolean indexed(SchemaNode valueSchema, byte[] childPrefix) {
    return valueSchema != null
        && MigratedSchemaNode.unwrap(valueSchema).isSubindexed()
        && (childPrefix[0] - 0x10) <= Keys.MAX_DEPTH;
  }

  static int indexedLevels(SchemaNode s) {
    SchemaNode u = s == null ? null : MigratedSchemaNode.unwrap(s);
    if (u == null || !u.isSubindexed()) {
      return 0;
    }
    if (u instanceof MapSchema) {
      return 1 + indexedLevels(((MapSchema) u).valueSchema());
    }
    if (u instanceof ListSchema) {
      return 1 + indexedLevels(((ListSchema) u).elementSchema());
    }
    return 1;
  }

  /** A view over the structure at {@code prefix} with schema {@code s}. */
  Object view(byte[] prefix, SchemaNode s, List<Object> location) {
    SchemaNode u = MigratedSchemaNode.unwrap(s);
    if (u instanceof MapSchema) {
      MapSchema m = (MapSchema) u;
      return new KvMap(this, prefix, u, m.keyClass(), m.valueSchema(), m.isSizeTracked(), location);
    }
    if (u instanceof SetSchema) {
      SetSchema ss = (SetSchema) u;
      return new KvSet(
          new KvMap(this, prefix, u, ss.elementClass(), null, ss.isSizeTracked(), location));
    }
    return new KvList(this, prefix, (ListSchema) u, location);
  }

  Object read(byte[] prefix, Object key, byte[] raw, SchemaNode valueSchema, List<Object> loc) {
    if (raw == null) {
      return null;
    }
    if (Keys.isMarker(raw)) {
      return view(Keys.child(prefix, key), valueSchema, with(loc, key));
    }
    Object v = codec.decode(raw);
    if (valueSchema instanceof MigratedSchemaNode) {
      v = ((MigratedSchemaNode) valueSchema).migrate(v);
    }
    return sortSubindexed(valueSchema, v);
  }

  /**
   * A subindexed map or set inside a value stored whole (e.g. in a fixed-keys record) is kept in
   * that value's row; reads hand it out sorted in key order, as subindexed structures always are.
   */
  static Object sortSubindexed(SchemaNode schema, Object v) {
    if (v == null || schema == null) {
      return v;
    }
    SchemaNode s = MigratedSchemaNode.unwrap(schema);
    if (s instanceof MapSchema && v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      SchemaNode vs = ((MapSchema) s).valueSchema();
      boolean nested = hasSubindexed(vs);
      if (!s.isSubindexed() && !nested) {
        return v;
      }
      Map<Object, Object> out =
          s.isSubindexed()
              ? new java.util.TreeMap<>(OrderedKeyEncoding.KEY_ORDER)
              : new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(e.getKey(), nested ? sortSubindexed(vs, e.getValue()) : e.getValue());
      }
      return out;
    }
    if (s instanceof SetSchema && s.isSubindexed() && v instanceof java.util.Set) {
      java.util.TreeSet<Object> out = new java.util.TreeSet<>(OrderedKeyEncoding.KEY_ORDER);
      out.addAll((java.util.Set<?>) v);
      return out;
    }
    if (s instanceof FixedKeysSchema && v instanceof Map) {
      Map<Object, SchemaNode> fields = ((FixedKeysSchema) s).fields();
      if (!hasSubindexed(s)) {
        return v;
      }
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), sortSubindexed(fields.get(e.getKey()), e.getValue()));
      }
      return out;
    }
    if (s instanceof ListSchema && v instanceof List && hasSubindexed(s)) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(sortSubindexed(((ListSchema) s).elementSchema(), e));
      }
      return out;
    }
    return v;
  }

  private static boolean hasSubindexed(SchemaNode schema) {
    SchemaNode s = MigratedSchemaNode.unwrap(schema);
    if (s.isSubindexed()) {
      return true;
    }
    if (s instanceof MapSchema) {
      return hasSubindexed(((MapSchema) s).valueSchema());
    }
    if (s instanceof ListSchema) {
      return hasSubindexed(((ListSchema) s).elementSchema());
    }
    if (s instanceof FixedKeysSchema) {
      for (SchemaNode f : ((FixedKeysSchema) s).fields().values()) {
        if (hasSubindexed(f)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Writes {@code v} as the value of element {@code key}; returns whether the element existed (only
   * looked up when {@code needOld}).
   */
  boolean write(
      byte[] prefix,
      Object key,
      Object v,
      SchemaNode valueSchema,
      List<Object> loc,
      boolean needOld) {
    byte[] row = Keys.element(prefix, key);
    byte[] childPrefix = Keys.child(prefix, key);
    List<Object> at = with(loc, key);
    if (!indexed(valueSchema, childPrefix)) {
      boolean existed = needOld && kv.get(row) != null;
      SchemaValidator.validate(name, valueSchema, v, at);
      kv.put(row, codec.encode(Plain.forCodec(v instanceof KvStruct ? Plain.copy(v) : v)));
      return existed;
    }
    if (v instanceof KvStruct && java.util.Arrays.equals(((KvStruct) v).prefix(), childPrefix)) {
      // the structure was changed in place through its own view; it is already stored
      return true;
    }
    SchemaValidator.validate(name, valueSchema, v, at);
    // copy first: v may be a view over the rows about to be deleted
    Object copy = Plain.copy(v);
    byte[] old = kv.get(row);
    if (old != null) {
      deleteChild(childPrefix, valueSchema);
    }
    if (copy == null) {
      kv.put(row, codec.encode(null));
      return old != null;
    }
    kv.put(row, Keys.MARKER);
    fill(view(childPrefix, valueSchema, at), copy);
    return old != null;
  }

  @SuppressWarnings("unchecked")
  private static void fill(Object view, Object plain) {
    if (view instanceof KvMap) {
      ((KvMap) view).putAll((Map<Object, Object>) plain);
    } else if (view instanceof KvSet) {
      ((KvSet) view).addAll((Collection<Object>) plain);
    } else {
      ((KvList) view).addAll((Collection<Object>) plain);
    }
  }

  /** Deletes element {@code key} and everything nested under it; returns whether it existed. */
  boolean delete(byte[] prefix, Object key, SchemaNode valueSchema, boolean needOld) {
    byte[] row = Keys.element(prefix, key);
    byte[] childPrefix = Keys.child(prefix, key);
    boolean nested = indexed(valueSchema, childPrefix);
    boolean existed = (needOld || nested) && kv.get(row) != null;
    if (nested && existed) {
      deleteChild(childPrefix, valueSchema);
    }
    kv.delete(row);
    return existed;
  }

  void deleteChild(byte[] childPrefix, SchemaNode schema) {
    int levels = indexedLevels(schema);
    for (int j = 0; j < levels; j++) {
      byte[] p = Keys.deeper(childPrefix, j);
      kv.deletePrefix(p);
      kv.deletePrefix(Keys.size(p));
    }
  }

  long size(byte[] prefix) {
    byte[] b = kv.get(Keys.size(prefix));
    return b == null ? 0 : Keys.readLong(b);
  }

  void addSize(byte[] prefix, long delta) {
    if (delta != 0) {
      kv.put(Keys.size(prefix), Keys.longBytes(size(prefix) + delta));
    }
  }

  static List<Object> with(List<Object> loc, Object key) {
    List<Object> out = new ArrayList<>(loc.size() + 1);
    out.addAll(loc);
    out.add(key);
    return out;
  }
}
