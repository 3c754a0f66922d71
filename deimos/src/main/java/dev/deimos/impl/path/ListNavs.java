package dev.deimos.impl.path;

import static dev.deimos.Navigator.VOID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Navigators over lists (and all(), which also covers sets and maps). */
final class ListNavs {
  private ListNavs() {}

  /** Replaces or removes one index of a list. */
  static Object transformIndex(List<Object> l, int i, Run r, Node n) {
    if (i < 0 || i >= l.size()) {
      throw PathErrors.at(n, "index " + i + " is out of bounds for a list of size " + l.size());
    }
    Object old = l.get(i);
    Object nv = n.next.transform(old, r);
    if (nv == old) {
      return l;
    }
    List<Object> out = Colls.writable(l);
    if (nv == VOID) {
      out.remove(i);
    } else {
      out.set(i, nv);
    }
    return out;
  }

  /** Applies (index, new value or VOID) changes found while iterating. */
  static List<Object> applyListChanges(List<Object> l, List<Object> changes) {
    List<Object> out = Colls.writable(l);
    boolean removes = false;
    for (int c = 0; c < changes.size(); c += 2) {
      Object nv = changes.get(c + 1);
      if (nv == VOID) {
        removes = true;
      } else {
        out.set((Integer) changes.get(c), nv);
      }
    }
    if (removes) {
      for (int c = changes.size() - 2; c >= 0; c -= 2) {
        if (changes.get(c + 1) == VOID) {
          out.remove((int) (Integer) changes.get(c));
        }
      }
    }
    return out;
  }

  /** all(): every element of a list or set, every [key, value] pair of a map. */
  static final class All extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "all()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v == null) {
        return;
      }
      if (v instanceof Map) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          n.next.select(Arrays.asList(e.getKey(), e.getValue()), r);
        }
      } else if (v instanceof Iterable) {
        for (Object e : (Iterable<?>) v) {
          n.next.select(e, r);
        }
      } else {
        throw PathErrors.wrongShape(n, v, "a list, set or map");
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v == null) {
        return null;
      }
      if (v instanceof List) {
        List<Object> l = Colls.list(v);
        List<Object> changes = null;
        int i = 0;
        for (Object e : l) {
          Object nv = n.next.transform(e, r);
          if (nv != e) {
            if (changes == null) {
              changes = new ArrayList<>();
            }
            changes.add(i);
            changes.add(nv);
          }
          i++;
        }
        return changes == null ? l : applyListChanges(l, changes);
      }
      if (v instanceof Set) {
        Set<Object> s = Colls.set(v);
        List<Object> changes = null;
        for (Object e : s) {
          Object nv = n.next.transform(e, r);
          if (nv != e) {
            if (changes == null) {
              changes = new ArrayList<>();
            }
            changes.add(e);
            changes.add(nv);
          }
        }
        return changes == null ? s : SetNavs.applySetChanges(s, changes);
      }
      if (v instanceof Map) {
        Map<Object, Object> m = Colls.map(v);
        List<Object> changes = null;
        for (Map.Entry<Object, Object> e : m.entrySet()) {
          Object k = e.getKey();
          Object val = e.getValue();
          List<Object> pair = Arrays.asList(k, val);
          Object np = n.next.transform(pair, r);
          Object nk;
          Object nval;
          if (np == VOID) {
            nk = VOID;
            nval = null;
          } else if (np instanceof List && ((List<?>) np).size() == 2) {
            nk = ((List<?>) np).get(0);
            nval = ((List<?>) np).get(1);
            if (nk == k && nval == val) {
              continue;
            }
          } else {
            throw PathErrors.at(
                n, "needs a [key, value] list as a new map entry, got " + String.valueOf(np));
          }
          if (changes == null) {
            changes = new ArrayList<>();
          }
          changes.add(k);
          changes.add(nk);
          changes.add(nval);
        }
        return changes == null ? m : MapNavs.applyRenames(m, changes);
      }
      throw PathErrors.wrongShape(n, v, "a list, set or map");
    }
  }

  /** first() / last(): one end of a list. */
  static final class End1 extends Nav {
    private static final long serialVersionUID = 1L;
    final boolean last;

    End1(boolean last) {
      this.last = last;
    }

    @Override
    String describe() {
      return last ? "last()" : "first()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v == null) {
        return;
      }
      if (!(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      List<?> l = (List<?>) v;
      if (!l.isEmpty()) {
        n.next.select(l.get(last ? l.size() - 1 : 0), r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v == null) {
        return null;
      }
      if (!(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      List<Object> l = Colls.list(v);
      return l.isEmpty() ? l : transformIndex(l, last ? l.size() - 1 : 0, r, n);
    }
  }

  /** nth(i): the element at an index. */
  static final class Nth extends Nav {
    private static final long serialVersionUID = 1L;
    final Object arg;

    Nth(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return "nth(" + Args.show(arg) + ")";
    }

    @Override
    void select(Object v, Run r, Node n) {
      int i = Args.toInt(Args.resolve(arg, r.vars), n, "the index");
      if (v == null) {
        n.next.select(null, r);
        return;
      }
      if (!(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      List<?> l = (List<?>) v;
      if (i < 0 || i >= l.size()) {
        throw PathErrors.at(n, "index " + i + " is out of bounds for a list of size " + l.size());
      }
      n.next.select(l.get(i), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      int i = Args.toInt(Args.resolve(arg, r.vars), n, "the index");
      if (!(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      return transformIndex(Colls.list(v), i, r, n);
    }
  }

  /** sublist(start, end), beginning() and end(): a contiguous range written back in place. */
  static final class Sublist extends Nav {
    private static final long serialVersionUID = 1L;

    /** Both null: beginning(); start null only: end(). */
    final Object startArg;

    final Object endArg;
    final String name;

    Sublist(String name, Object startArg, Object endArg) {
      this.name = name;
      this.startArg = startArg;
      this.endArg = endArg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(startArg, out);
      Args.vars(endArg, out);
    }

    @Override
    String describe() {
      return "sublist".equals(name)
          ? "sublist(" + Args.show(startArg) + ", " + Args.show(endArg) + ")"
          : name + "()";
    }

    private int[] bounds(List<?> l, Run r, Node n) {
      int size = l.size();
      if ("beginning".equals(name)) {
        return new int[] {0, 0};
      }
      if ("end".equals(name)) {
        return new int[] {size, size};
      }
      int s = Args.toInt(Args.resolve(startArg, r.vars), n, "the start");
      int e = Args.toInt(Args.resolve(endArg, r.vars), n, "the end");
      if (s < 0 || e < s || e > size) {
        throw PathErrors.at(
            n, "range [" + s + ", " + e + ") is out of bounds for a list of size " + size);
      }
      return new int[] {s, e};
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v != null && !(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      List<?> l = v == null ? List.of() : (List<?>) v;
      int[] b = bounds(l, r, n);
      n.next.select(new ArrayList<>(l.subList(b[0], b[1])), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v != null && !(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      List<Object> l = v == null ? List.of() : Colls.list(v);
      int[] b = bounds(l, r, n);
      List<Object> sub = new ArrayList<>(l.subList(b[0], b[1]));
      Object nv = n.next.transform(sub, r);
      if (nv == sub
          || (nv instanceof Collection && sub.isEmpty() && ((Collection<?>) nv).isEmpty())) {
        return v;
      }
      if (nv != VOID && nv != null && !(nv instanceof Collection)) {
        throw PathErrors.at(n, "needs a list as the new sublist, got " + PathErrors.className(nv));
      }
      List<Object> out = Colls.writableListOrNew(v);
      out.subList(b[0], b[1]).clear();
      if (nv instanceof Collection) {
        out.addAll(b[0], (Collection<?>) nv);
      }
      return out;
    }
  }

  /** beforeElem(), afterElem(), beforeIndex(i): write-only slots that insert one element. */
  static final class Insert extends Nav {
    private static final long serialVersionUID = 1L;

    /** "before", "after" or "index". */
    final String kind;

    final Object arg;

    Insert(String kind, Object arg) {
      this.kind = kind;
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      switch (kind) {
        case "before":
          return "beforeElem()";
        case "after":
          return "afterElem()";
        default:
          return "beforeIndex(" + Args.show(arg) + ")";
      }
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v != null && !(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v != null && !(v instanceof List)) {
        throw PathErrors.wrongShape(n, v, "a list");
      }
      int size = v == null ? 0 : ((List<?>) v).size();
      int at;
      if ("before".equals(kind)) {
        at = 0;
      } else if ("after".equals(kind)) {
        at = size;
      } else {
        at = Args.toInt(Args.resolve(arg, r.vars), n, "the index");
        if (at < 0 || at > size) {
          throw PathErrors.at(n, "index " + at + " is out of bounds for a list of size " + size);
        }
      }
      Object nv = n.next.transform(null, r);
      if (nv == VOID) {
        return v;
      }
      List<Object> out = Colls.writableListOrNew(v);
      out.add(at, nv);
      return out;
    }
  }
}
