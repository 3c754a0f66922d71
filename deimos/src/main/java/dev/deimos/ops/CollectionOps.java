package dev.deimos.ops;

import dev.deimos.impl.data.ExtractableValue;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;

/** Bodies of the accessor and packing constants of {@link Ops}. */
final class CollectionOps {
  private CollectionOps() {}

  static Integer size(Object o) {
    if (o == null) {
      return 0;
    }
    if (o instanceof Collection) {
      return ((Collection<?>) o).size();
    }
    if (o instanceof Map) {
      return ((Map<?, ?>) o).size();
    }
    if (o instanceof CharSequence) {
      return ((CharSequence) o).length();
    }
    if (o.getClass().isArray()) {
      return Array.getLength(o);
    }
    throw new IllegalArgumentException(
        "Ops.SIZE: argument 0 must be a collection, map, array or string but was "
            + ArithmeticOps.describe(o));
  }

  /** Maps by key, lists and arrays by integral index, sets by membership; null otherwise. */
  static Object get(Object coll, Object key) {
    if (coll == null) {
      return null;
    }
    if (coll instanceof Map) {
      return ((Map<?, ?>) coll).get(key);
    }
    if (coll instanceof List) {
      List<?> l = (List<?>) coll;
      int i = index(key);
      return i >= 0 && i < l.size() ? l.get(i) : null;
    }
    if (coll instanceof Set) {
      return ((Set<?>) coll).contains(key) ? key : null;
    }
    if (coll.getClass().isArray()) {
      int i = index(key);
      return i >= 0 && i < Array.getLength(coll) ? Array.get(coll, i) : null;
    }
    return null;
  }

  private static int index(Object key) {
    if (key instanceof Integer || key instanceof Long || key instanceof Short) {
      long v = ((Number) key).longValue();
      return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }
    return -1;
  }

  static Object first(Object o) {
    if (o instanceof List) {
      List<?> l = (List<?>) o;
      return l.isEmpty() ? null : l.get(0);
    }
    if (o instanceof NavigableSet) {
      NavigableSet<?> s = (NavigableSet<?>) o;
      return s.isEmpty() ? null : s.first();
    }
    if (o instanceof NavigableMap) {
      return entry(((NavigableMap<?, ?>) o).firstEntry());
    }
    Iterator<?> it = iterator("FIRST", o);
    return it != null && it.hasNext() ? it.next() : null;
  }

  static Object last(Object o) {
    if (o instanceof List) {
      List<?> l = (List<?>) o;
      return l.isEmpty() ? null : l.get(l.size() - 1);
    }
    if (o instanceof NavigableSet) {
      NavigableSet<?> s = (NavigableSet<?>) o;
      return s.isEmpty() ? null : s.last();
    }
    if (o instanceof NavigableMap) {
      return entry(((NavigableMap<?, ?>) o).lastEntry());
    }
    Iterator<?> it = iterator("LAST", o);
    Object last = null;
    while (it != null && it.hasNext()) {
      last = it.next();
    }
    return last;
  }

  static Boolean contains(Object coll, Object o) {
    if (coll == null) {
      return false;
    }
    if (coll instanceof Collection) {
      return ((Collection<?>) coll).contains(o);
    }
    if (coll instanceof Map) {
      return ((Map<?, ?>) coll).containsKey(o);
    }
    if (coll.getClass().isArray()) {
      for (int i = 0, n = Array.getLength(coll); i < n; i++) {
        if (java.util.Objects.equals(Array.get(coll, i), o)) {
          return true;
        }
      }
      return false;
    }
    throw new IllegalArgumentException(
        "Ops.CONTAINS: argument 0 must be a collection but was " + ArithmeticOps.describe(coll));
  }

  static List<Object> tuple(Object[] a) {
    return new ArrayList<>(Arrays.asList(a));
  }

  /** Concatenates the arguments' string forms; null contributes nothing. */
  static String str(Object[] a) {
    if (a.length == 1) {
      return a[0] == null ? "" : a[0].toString();
    }
    StringBuilder sb = new StringBuilder();
    for (Object o : a) {
      if (o != null) {
        sb.append(o);
      }
    }
    return sb.toString();
  }

  static Class<?> classOf(Object o) {
    return o == null ? null : o.getClass();
  }

  static Object extractValue(Object o) {
    if (o instanceof ExtractableValue) {
      return ((ExtractableValue) o).extractValue();
    }
    if (o instanceof Map.Entry) {
      return ((Map.Entry<?, ?>) o).getValue();
    }
    return o;
  }

  /** A map entry as the two-element list [key, value], the shape tuples take in dataflow. */
  static List<Object> entry(Map.Entry<?, ?> e) {
    if (e == null) {
      return null;
    }
    List<Object> l = new ArrayList<>(2);
    l.add(e.getKey());
    l.add(e.getValue());
    return l;
  }

  /** Iterates collections, maps (as [key, value] lists), arrays and strings; null for null. */
  static Iterator<?> iterator(String op, Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Map) {
      Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) o).entrySet().iterator();
      return new Iterator<Object>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Object next() {
          return entry(it.next());
        }
      };
    }
    if (o instanceof Iterable) {
      return ((Iterable<?>) o).iterator();
    }
    if (o.getClass().isArray()) {
      List<Object> l = new ArrayList<>();
      for (int i = 0, n = Array.getLength(o); i < n; i++) {
        l.add(Array.get(o, i));
      }
      return l.iterator();
    }
    if (o instanceof CharSequence) {
      CharSequence s = (CharSequence) o;
      List<Object> l = new ArrayList<>(s.length());
      for (int i = 0; i < s.length(); i++) {
        l.add(s.charAt(i));
      }
      return l.iterator();
    }
    throw new IllegalArgumentException(
        "Ops." + op + ": argument 0 must be a collection but was " + ArithmeticOps.describe(o));
  }
}
