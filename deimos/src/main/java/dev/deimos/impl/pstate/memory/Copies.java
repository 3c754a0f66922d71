package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Deep copies of plain collection trees, so stored data and caller data never share a mutable. */
final class Copies {
  private Copies() {}

  /** Copies Maps, Sets and Lists recursively; other values are returned as they are. */
  static Object deepCopy(Object v) {
    if (isLeaf(v)) {
      return v;
    }
    if (v instanceof SortedMap) {
      SortedMap<?, ?> m = (SortedMap<?, ?>) v;
      TreeMap<Object, Object> out = new TreeMap<>(comparator(m.comparator()));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(e.getKey(), deepCopy(e.getValue()));
      }
      return out;
    } else if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      Map<Object, Object> out =
          v instanceof LinkedHashMap ? new LinkedHashMap<>() : new HashMap<>(m.size() * 2);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(deepCopy(e.getKey()), deepCopy(e.getValue()));
      }
      return out;
    } else if (v instanceof SortedSet) {
      SortedSet<?> s = (SortedSet<?>) v;
      TreeSet<Object> out = new TreeSet<>(comparator(s.comparator()));
      out.addAll(s);
      return out;
    } else if (v instanceof Set) {
      Set<Object> out = v instanceof LinkedHashSet ? new LinkedHashSet<>() : new HashSet<>();
      for (Object e : (Set<?>) v) {
        out.add(deepCopy(e));
      }
      return out;
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        out.add(deepCopy(e));
      }
      return out;
    }
    return v;
  }

  /**
   * True for null and the common immutable values. Checked first, as exact class tests: testing a
   * Long against several collection interfaces in turn is slow on JDK 17 (each failed interface
   * test rewrites the class's one-entry secondary-supers cache).
   */
  static boolean isLeaf(Object v) {
    return v == null
        || v instanceof Long
        || v instanceof String
        || v instanceof Integer
        || v instanceof Double
        || v instanceof Boolean;
  }

  /**
   * The order of sorted maps handed to callers: the store's key order under another comparator
   * instance, so the store can tell its own maps (see {@link Adopt}) from caller-held copies.
   */
  static final java.util.Comparator<Object> RESULT_ORDER =
      (a, b) -> OrderedKeyEncoding.KEY_ORDER.compare(a, b);

  @SuppressWarnings("unchecked")
  private static java.util.Comparator<Object> comparator(java.util.Comparator<?> c) {
    return c == OrderedKeyEncoding.KEY_ORDER ? RESULT_ORDER : (java.util.Comparator<Object>) c;
  }
}
