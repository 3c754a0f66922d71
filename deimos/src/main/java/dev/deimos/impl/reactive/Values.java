package dev.deimos.impl.reactive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Copies of the plain collections proxied values are made of, keeping sorted ones sorted. */
final class Values {
  private Values() {}

  /** A copy of {@code v} sharing nothing mutable with it (leaves are immutable values). */
  static Object deepCopy(Object v) {
    if (v instanceof Map) {
      Map<Object, Object> out = emptyLike((Map<?, ?>) v);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), deepCopy(e.getValue()));
      }
      return out;
    }
    if (v instanceof Set) {
      Set<Object> out = emptyLike((Set<?>) v);
      out.addAll((Set<?>) v);
      return out;
    }
    if (v instanceof List) {
      List<?> l = (List<?>) v;
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        out.add(deepCopy(e));
      }
      return out;
    }
    return v;
  }

  /** A shallow, mutable copy of a map (or an empty map for null). */
  static Map<Object, Object> copyMap(Object v) {
    if (v == null) {
      return new LinkedHashMap<>();
    }
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("a map diff on a " + v.getClass().getName());
    }
    Map<Object, Object> out = emptyLike((Map<?, ?>) v);
    out.putAll((Map<?, ?>) v);
    return out;
  }

  /** A shallow, mutable copy of a set (or an empty set for null). */
  static Set<Object> copySet(Object v) {
    if (v == null) {
      return new LinkedHashSet<>();
    }
    if (!(v instanceof Set)) {
      throw new IllegalArgumentException("a set diff on a " + v.getClass().getName());
    }
    Set<Object> out = emptyLike((Set<?>) v);
    out.addAll((Set<?>) v);
    return out;
  }

  /** A shallow, mutable copy of a list (or an empty list for null). */
  static List<Object> copyList(Object v) {
    if (v == null) {
      return new ArrayList<>();
    }
    if (!(v instanceof List)) {
      throw new IllegalArgumentException("a sequence diff on a " + v.getClass().getName());
    }
    return new ArrayList<>((List<?>) v);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> emptyLike(Map<?, ?> m) {
    return m instanceof SortedMap
        ? new TreeMap<>((java.util.Comparator<Object>) ((SortedMap<?, ?>) m).comparator())
        : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  private static Set<Object> emptyLike(Set<?> s) {
    return s instanceof SortedSet
        ? new TreeSet<>((java.util.Comparator<Object>) ((SortedSet<?>) s).comparator())
        : new LinkedHashSet<>();
  }
}
