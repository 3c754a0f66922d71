package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns store views into plain {@code java.util} copies before they leave the store. */
final class Plain {
  private Plain() {}

  /**
   * Returns {@code v} with every store view in it (at any depth of a plain Map or List) replaced by
   * a plain copy: maps become TreeMaps, sets TreeSets, lists ArrayLists. Values without views come
   * back as they are (they were decoded fresh for this caller).
   */
  static Object copy(Object v) {
    // exact class tests first: failed interface tests on a Long are slow on JDK 17
    if (v == null || v instanceof Long || v instanceof String || v instanceof Integer) {
      return v;
    }
    if (v instanceof KvMap) {
      TreeMap<Object, Object> out = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      for (Map.Entry<Object, Object> e : ((KvMap) v).entrySet()) {
        out.put(e.getKey(), copy(e.getValue()));
      }
      return out;
    }
    if (v instanceof KvSet) {
      TreeSet<Object> out = new TreeSet<>(OrderedKeyEncoding.KEY_ORDER);
      out.addAll((KvSet) v);
      return out;
    }
    if (v instanceof KvList) {
      List<Object> out = new ArrayList<>();
      for (Object e : (KvList) v) {
        out.add(copy(e));
      }
      return out;
    }
    if (v instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> m = (Map<Object, Object>) v;
      for (Map.Entry<Object, Object> e : m.entrySet()) {
        Object c = e.getValue();
        if (c instanceof Map || c instanceof List || c instanceof KvSet) {
          Object n = copy(c);
          if (n != c) {
            e.setValue(n);
          }
        }
      }
    } else if (v instanceof List && !(v instanceof Set)) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) v;
      for (int i = 0; i < l.size(); i++) {
        Object c = l.get(i);
        if (c instanceof Map || c instanceof List || c instanceof KvSet) {
          Object n = copy(c);
          if (n != c) {
            l.set(i, n);
          }
        }
      }
    }
    return v;
  }

  /**
   * Returns {@code v} ready for the value codec: collections sorted by the store's key order (read
   * results, or values read back) become insertion-ordered copies, since the codec stores only
   * naturally ordered sorted collections; reads sort them again where the schema says so. Returns
   * {@code v} itself when nothing needs changing.
   */
  static Object forCodec(Object v) {
    if (v instanceof java.util.SortedMap
        && ((java.util.SortedMap<?, ?>) v).comparator() == OrderedKeyEncoding.KEY_ORDER) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), forCodec(e.getValue()));
      }
      return out;
    }
    if (v instanceof java.util.SortedSet
        && ((java.util.SortedSet<?>) v).comparator() == OrderedKeyEncoding.KEY_ORDER) {
      return new java.util.LinkedHashSet<>((Set<?>) v);
    }
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      Map<Object, Object> out = null;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object c = forCodec(e.getValue());
        if (c != e.getValue() && out == null) {
          out = new java.util.LinkedHashMap<>(m);
        }
        if (out != null) {
          out.put(e.getKey(), c);
        }
      }
      return out == null ? v : out;
    }
    if (v instanceof List) {
      List<?> l = (List<?>) v;
      List<Object> out = null;
      for (int i = 0; i < l.size(); i++) {
        Object c = forCodec(l.get(i));
        if (c != l.get(i) && out == null) {
          out = new ArrayList<>(l);
        }
        if (out != null) {
          out.set(i, c);
        }
      }
      return out == null ? v : out;
    }
    return v;
  }
}
