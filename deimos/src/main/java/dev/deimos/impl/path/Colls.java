package dev.deimos.impl.path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copy-on-write helpers. Plain collections are copied (keeping their kind and comparator) before
 * the first change; {@link WriteThrough} views are changed in place.
 */
final class Colls {
  private Colls() {}

  @SuppressWarnings("unchecked")
  static Map<Object, Object> map(Object o) {
    return (Map<Object, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  static Set<Object> set(Object o) {
    return (Set<Object>) o;
  }

  static boolean inPlace(Object o) {
    return o instanceof WriteThrough;
  }

  /** An empty map of the same kind (and comparator) as {@code m}. */
  @SuppressWarnings("unchecked")
  static Map<Object, Object> emptyLike(Map<?, ?> m) {
    if (m instanceof SortedMap) {
      return new TreeMap<>((java.util.Comparator<Object>) ((SortedMap<?, ?>) m).comparator());
    }
    if (m instanceof LinkedHashMap) {
      return new LinkedHashMap<>();
    }
    return new HashMap<>();
  }

  /** A mutable copy of the same kind, or {@code m} itself for a write-through view. */
  static Map<Object, Object> writable(Map<?, ?> m) {
    if (inPlace(m)) {
      return map(m);
    }
    if (m instanceof LinkedHashMap) {
      return new LinkedHashMap<>(m);
    }
    if (m instanceof SortedMap) {
      Map<Object, Object> out = emptyLike(m);
      out.putAll(m);
      return out;
    }
    return new HashMap<>(m);
  }

  @SuppressWarnings("unchecked")
  static Set<Object> emptyLike(Set<?> s) {
    if (s instanceof SortedSet) {
      return new TreeSet<>((java.util.Comparator<Object>) ((SortedSet<?>) s).comparator());
    }
    if (s instanceof LinkedHashSet) {
      return new LinkedHashSet<>();
    }
    return new HashSet<>();
  }

  static Set<Object> writable(Set<?> s) {
    if (inPlace(s)) {
      return set(s);
    }
    Set<Object> out = emptyLike(s);
    out.addAll(s);
    return out;
  }

  static List<Object> writable(List<?> l) {
    return inPlace(l) ? list(l) : new ArrayList<>(l);
  }

  /** Associates {@code k} with {@code v}; a null map becomes a new HashMap. */
  static Map<Object, Object> assoc(Object m, Object k, Object v) {
    Map<Object, Object> out = m == null ? new HashMap<>() : writable(map(m));
    out.put(k, v);
    return out;
  }

  static Object dissoc(Map<?, ?> m, Object k) {
    if (!m.containsKey(k)) {
      return m;
    }
    Map<Object, Object> out = writable(m);
    out.remove(k);
    return out;
  }

  /** The value as a list for writing, or a new ArrayList for null. */
  static List<Object> writableListOrNew(Object v) {
    return v == null ? new ArrayList<>() : writable(list(v));
  }

  @SuppressWarnings("unchecked")
  static NavigableMap<Object, Object> navMap(Object o) {
    return (NavigableMap<Object, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static NavigableSet<Object> navSet(Object o) {
    return (NavigableSet<Object>) o;
  }
}
