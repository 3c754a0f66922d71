package dev.deimos.impl.path;

import static dev.deimos.Navigator.VOID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** sortedMapRange* and sortedSetRange*: a key range of a sorted map or set as a sorted copy. */
final class SortedNavs {
  private SortedNavs() {}

  /** Marks an open side of a range (From has no end, To has no start). */
  static final String OPEN = "<open>";

  static final class Range extends Nav {
    private static final long serialVersionUID = 1L;
    final boolean map;
    final Object start;
    final boolean startIncl;
    final Object end;
    final boolean endIncl;

    /** Null for no limit; a limited To range reads backwards from the end. */
    final Object maxAmt;

    Range(
        boolean map, Object start, boolean startIncl, Object end, boolean endIncl, Object maxAmt) {
      this.map = map;
      this.start = start;
      this.startIncl = startIncl;
      this.end = end;
      this.endIncl = endIncl;
      this.maxAmt = maxAmt;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(start, out);
      Args.vars(end, out);
      Args.vars(maxAmt, out);
    }

    @Override
    String describe() {
      String kind = map ? "sortedMapRange" : "sortedSetRange";
      String lim = maxAmt == null ? "" : ", max " + Args.show(maxAmt);
      if (start == OPEN) {
        return kind + "To(" + Args.show(end) + lim + ")";
      }
      if (end == OPEN) {
        return kind + "From(" + Args.show(start) + lim + ")";
      }
      return kind + "(" + Args.show(start) + ", " + Args.show(end) + ")";
    }

    /** The keys (or elements) in range, in ascending order, limited by maxAmt. */
    private List<Object> keys(Object v, Run r, Node n) {
      List<Object> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      Object s = start == OPEN ? OPEN : Args.resolve(start, r.vars);
      Object e = end == OPEN ? OPEN : Args.resolve(end, r.vars);
      int max =
          maxAmt == null
              ? Integer.MAX_VALUE
              : Args.toInt(Args.resolve(maxAmt, r.vars), n, "the max amount");
      NavigableSet<Object> ks;
      if (map) {
        if (!(v instanceof NavigableMap)) {
          throw PathErrors.wrongShape(n, v, "a sorted map");
        }
        ks = Colls.navMap(v).navigableKeySet();
      } else {
        if (!(v instanceof NavigableSet)) {
          throw PathErrors.wrongShape(n, v, "a sorted set");
        }
        ks = Colls.navSet(v);
      }
      if (s != OPEN && e != OPEN) {
        ks = ks.subSet(s, startIncl, e, endIncl);
      } else if (s != OPEN) {
        ks = ks.tailSet(s, startIncl);
      } else if (e != OPEN) {
        ks = ks.headSet(e, endIncl);
      }
      boolean backwards = s == OPEN && maxAmt != null;
      Iterator<Object> it = backwards ? ks.descendingIterator() : ks.iterator();
      while (it.hasNext() && out.size() < max) {
        out.add(it.next());
      }
      if (backwards) {
        java.util.Collections.reverse(out);
      }
      return out;
    }

    private Object sub(Object v, List<Object> keys) {
      if (map) {
        NavigableMap<Object, Object> m = Colls.navMap(v);
        TreeMap<Object, Object> out = new TreeMap<>(m == null ? null : m.comparator());
        for (Object k : keys) {
          out.put(k, m.get(k));
        }
        return out;
      }
      NavigableSet<Object> s = Colls.navSet(v);
      TreeSet<Object> out = new TreeSet<>(s == null ? null : s.comparator());
      out.addAll(keys);
      return out;
    }

    @Override
    void select(Object v, Run r, Node n) {
      n.next.select(sub(v, keys(v, r, n)), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      List<Object> keys = keys(v, r, n);
      Object before = sub(v, keys);
      Object after = n.next.transform(before, r);
      if (after == before) {
        return v;
      }
      if (map) {
        if (after != VOID && after != null && !(after instanceof Map)) {
          throw PathErrors.at(
              n, "needs a map as the new value, got " + PathErrors.className(after));
        }
        Map<Object, Object> out = v == null ? new TreeMap<>() : Colls.writable(Colls.navMap(v));
        for (Object k : keys) {
          // a store view keeps nested views of unchanged keys: removing them would drop their rows
          if (!(Colls.inPlace(out) && after instanceof Map && Colls.map(after).containsKey(k))) {
            out.remove(k);
          }
        }
        if (after instanceof Map) {
          out.putAll(Colls.map(after));
        }
        return out;
      }
      if (after != VOID && after != null && !(after instanceof Collection)) {
        throw PathErrors.at(n, "needs a set as the new value, got " + PathErrors.className(after));
      }
      java.util.Set<Object> out = v == null ? new TreeSet<>() : Colls.writable(Colls.navSet(v));
      out.removeAll(keys);
      if (after instanceof Collection) {
        out.addAll((Collection<?>) after);
      }
      return out;
    }
  }
}
