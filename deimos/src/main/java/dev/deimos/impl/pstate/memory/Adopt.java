package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.pstate.schema.FixedKeysSchema;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import dev.deimos.impl.pstate.schema.SetSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Takes a transform's result into the store: parts identical (same object) to the previous root
 * were already checked and are owned by the store, so they are shared; every other part is checked
 * against its schema and copied, so the caller's term values never alias stored data. A write so
 * costs the width of the maps along the written route plus the size of the new values, not the size
 * of the partition. Subindexed maps and sets (and the top-level map or set) are kept as sorted
 * collections in key order, as the RocksDB store returns them.
 */
final class Adopt {
  private final String name;

  Adopt(String name) {
    this.name = name;
  }

  Object adopt(SchemaNode schema, Object nv, Object old, List<Object> loc, boolean sorted) {
    if (nv == old || nv == null) {
      return nv;
    }
    SchemaNode s = MigratedSchemaNode.unwrap(schema);
    if (s instanceof MapSchema && nv instanceof Map) {
      MapSchema m = (MapSchema) s;
      // a StoredSortedMap is stored data (e.g. moved here by a term function): never update it
      if (nv instanceof SortedMap
          && !(nv instanceof StoredSortedMap)
          && old instanceof SortedMap
          && (sorted || m.isSubindexed())) {
        SortedMap<?, ?> a = (SortedMap<?, ?>) nv;
        if (a.comparator() == OrderedKeyEncoding.KEY_ORDER
            && ((SortedMap<?, ?>) old).comparator() == OrderedKeyEncoding.KEY_ORDER) {
          return stored(m, adoptSorted(m, a, (SortedMap<?, ?>) old, loc));
        }
      }
      Map<?, ?> oldMap = old instanceof Map ? (Map<?, ?>) old : Map.of();
      Map<Object, Object> out =
          sorted || m.isSubindexed() ? new TreeMap<>(OrderedKeyEncoding.KEY_ORDER) : emptyLike(nv);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) nv).entrySet()) {
        SchemaValidator.validateKey(name, m.keyClass(), e.getKey(), loc);
        loc.add(e.getKey());
        Object oldChild = oldMap.isEmpty() ? null : oldMap.get(e.getKey());
        out.put(e.getKey(), adopt(m.valueSchema(), e.getValue(), oldChild, loc, false));
        loc.remove(loc.size() - 1);
      }
      return stored(m, out);
    }
    if (s instanceof FixedKeysSchema && nv instanceof Map) {
      FixedKeysSchema f = (FixedKeysSchema) s;
      Map<?, ?> oldMap = old instanceof Map ? (Map<?, ?>) old : Map.of();
      Map<Object, Object> out = emptyLike(nv);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) nv).entrySet()) {
        SchemaNode field = SchemaValidator.fixedKey(name, f, e.getKey(), loc);
        loc.add(e.getKey());
        Object oldChild = oldMap.isEmpty() ? null : oldMap.get(e.getKey());
        out.put(e.getKey(), adopt(field, e.getValue(), oldChild, loc, false));
        loc.remove(loc.size() - 1);
      }
      return out;
    }
    if (s instanceof ListSchema && nv instanceof List) {
      ListSchema ls = (ListSchema) s;
      List<?> oldList = old instanceof List ? (List<?>) old : List.of();
      List<?> l = (List<?>) nv;
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        loc.add((long) i);
        Object oldChild = i < oldList.size() ? oldList.get(i) : null;
        out.add(adopt(ls.elementSchema(), l.get(i), oldChild, loc, false));
        loc.remove(loc.size() - 1);
      }
      return out;
    }
    SchemaValidator.validate(name, schema, nv, loc);
    if (s instanceof SetSchema && (sorted || s.isSubindexed())) {
      TreeSet<Object> out = new TreeSet<>(OrderedKeyEncoding.KEY_ORDER);
      out.addAll((Set<?>) nv);
      return out;
    }
    return Copies.deepCopy(nv);
  }

  /**
   * Both maps sorted the same way: one merge walk finds the entries that are not the old ones (a
   * compare or two per entry instead of a lookup), and only the changed entries are checked and
   * copied.
   */
  private Object adoptSorted(
      MapSchema m, SortedMap<?, ?> nv, SortedMap<?, ?> old, List<Object> loc) {
    // nv has the store's own comparator, so the path engine made it as a fresh copy of a stored map
    // (read results carry another comparator): update it in place instead of copying it again
    @SuppressWarnings("unchecked")
    SortedMap<Object, Object> out = (SortedMap<Object, Object>) nv;
    Iterator<? extends Map.Entry<?, ?>> oi = old.entrySet().iterator();
    Map.Entry<?, ?> o = oi.hasNext() ? oi.next() : null;
    for (Map.Entry<Object, Object> e : out.entrySet()) {
      Object k = e.getKey();
      while (o != null && OrderedKeyEncoding.KEY_ORDER.compare(o.getKey(), k) < 0) {
        o = oi.hasNext() ? oi.next() : null;
      }
      boolean same =
          o != null && e.getValue() == o.getValue() && (o.getKey() == k || o.getKey().equals(k));
      if (!same) {
        SchemaValidator.validateKey(name, m.keyClass(), k, loc);
        loc.add(k);
        Object oldChild =
            o != null && OrderedKeyEncoding.KEY_ORDER.compare(o.getKey(), k) == 0
                ? o.getValue()
                : null;
        e.setValue(adopt(m.valueSchema(), e.getValue(), oldChild, loc, false));
        loc.remove(loc.size() - 1);
      }
    }
    return out;
  }

  /** A finished subindexed map in its stored form (with a lazily built hash index). */
  @SuppressWarnings("unchecked")
  private static Object stored(MapSchema m, Object finished) {
    return m.isSubindexed() && !(finished instanceof StoredSortedMap)
        ? new StoredSortedMap((SortedMap<Object, Object>) finished)
        : finished;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> emptyLike(Object m) {
    if (m instanceof java.util.LinkedHashMap) {
      return new java.util.LinkedHashMap<>();
    }
    if (m instanceof java.util.SortedMap) {
      return new TreeMap<>(
          (java.util.Comparator<Object>) ((java.util.SortedMap<?, ?>) m).comparator());
    }
    return new java.util.HashMap<>();
  }
}
