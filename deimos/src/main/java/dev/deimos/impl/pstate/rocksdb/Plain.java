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
}
