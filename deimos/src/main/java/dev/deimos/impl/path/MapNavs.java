package dev.deimos.impl.path;

import static dev.deimos.Navigator.VOID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Navigators over maps: key, must, mapKey, mapKeys, mapVals, subMap. */
final class MapNavs {
  private MapNavs() {}

  /**
   * False for null (a missing structure navigates to nothing, and a transform leaves it null), true
   * for a map; any other value is a shape error naming this step.
   */
  static boolean isMap(Object v, Node n) {
    if (v == null) {
      return false;
    }
    if (!(v instanceof Map)) {
      throw PathErrors.wrongShape(n, v, "a map");
    }
    return true;
  }

  /** key(k): the value under k (null when absent); also an index into a list. */
  static final class Key extends Nav {
    private static final long serialVersionUID = 1L;
    final Object arg;

    Key(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return "key(" + Args.show(arg) + ")";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v == null) {
        n.next.select(null, r);
      } else if (v instanceof Map) {
        n.next.select(((Map<?, ?>) v).get(Args.resolve(arg, r.vars)), r);
      } else if (v instanceof List) {
        List<?> l = (List<?>) v;
        int i = Args.toInt(Args.resolve(arg, r.vars), n, "a list key");
        n.next.select(i >= 0 && i < l.size() ? l.get(i) : null, r);
      } else {
        throw PathErrors.wrongShape(n, v, "a map");
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      Object k = Args.resolve(arg, r.vars);
      if (v == null) {
        Object nv = n.next.transform(null, r);
        return nv == VOID || nv == null ? null : Colls.assoc(null, k, nv);
      }
      if (v instanceof Map) {
        Map<Object, Object> m = Colls.map(v);
        Nav after = n.next.nav;
        if (m instanceof WriteThrough && after instanceof TermNavs.TermVal) {
          // Blind write: a store need not read the old value.
          m.put(k, ((TermNavs.TermVal) after).value(r));
          return m;
        }
        if (m instanceof WriteThrough && after instanceof TermNavs.TermVoid) {
          m.remove(k);
          return m;
        }
        Object old = m.get(k);
        Object nv = n.next.transform(old, r);
        if (nv == VOID) {
          return Colls.dissoc(m, k);
        }
        if (nv == old) {
          return m;
        }
        return Colls.assoc(m, k, nv);
      }
      if (v instanceof List) {
        return ListNavs.transformIndex(Colls.list(v), Args.toInt(k, n, "a list key"), r, n);
      }
      throw PathErrors.wrongShape(n, v, "a map");
    }
  }

  /** must(k): the value under k, or nowhere when k is absent. */
  static final class Must extends Nav {
    private static final long serialVersionUID = 1L;
    final Object arg;

    Must(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return "must(" + Args.show(arg) + ")";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return;
      }
      Map<?, ?> m = (Map<?, ?>) v;
      Object k = Args.resolve(arg, r.vars);
      Object val = m.get(k);
      if (val != null || m.containsKey(k)) {
        n.next.select(val, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return null;
      }
      Map<Object, Object> m = Colls.map(v);
      Object k = Args.resolve(arg, r.vars);
      Object old = m.get(k);
      if (old == null && !m.containsKey(k)) {
        return m;
      }
      Object nv = n.next.transform(old, r);
      if (nv == VOID) {
        return Colls.dissoc(m, k);
      }
      return nv == old ? m : Colls.assoc(m, k, nv);
    }
  }

  /** mapKey(k): the key k itself if present; a new key renames the entry. */
  static final class MapKey extends Nav {
    private static final long serialVersionUID = 1L;
    final Object arg;

    MapKey(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return "mapKey(" + Args.show(arg) + ")";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return;
      }
      Object k = Args.resolve(arg, r.vars);
      if (((Map<?, ?>) v).containsKey(k)) {
        n.next.select(k, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return null;
      }
      Map<Object, Object> m = Colls.map(v);
      Object k = Args.resolve(arg, r.vars);
      if (!m.containsKey(k)) {
        return m;
      }
      Object nk = n.next.transform(k, r);
      if (nk == VOID) {
        return Colls.dissoc(m, k);
      }
      if (nk == k || (nk != null && nk.equals(k))) {
        return m;
      }
      Map<Object, Object> out = Colls.writable(m);
      Object val = out.remove(k);
      out.put(nk, val);
      return out;
    }
  }

  /** mapVals(): every value of a map. */
  static final class MapVals extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "mapVals()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return;
      }
      for (Object val : ((Map<?, ?>) v).values()) {
        n.next.select(val, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return null;
      }
      Map<Object, Object> m = Colls.map(v);
      List<Object> changes = null; // key, new value (VOID to remove), ...
      for (Map.Entry<Object, Object> e : m.entrySet()) {
        Object old = e.getValue();
        Object nv = n.next.transform(old, r);
        if (nv != old) {
          if (changes == null) {
            changes = new ArrayList<>();
          }
          changes.add(e.getKey());
          changes.add(nv);
        }
      }
      if (changes == null) {
        return m;
      }
      Map<Object, Object> out = Colls.writable(m);
      for (int i = 0; i < changes.size(); i += 2) {
        Object nv = changes.get(i + 1);
        if (nv == VOID) {
          out.remove(changes.get(i));
        } else {
          out.put(changes.get(i), nv);
        }
      }
      return out;
    }
  }

  /** mapKeys(): every key of a map; a new key renames its entry. */
  static final class MapKeys extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "mapKeys()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return;
      }
      for (Object k : ((Map<?, ?>) v).keySet()) {
        n.next.select(k, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (!isMap(v, n)) {
        return null;
      }
      Map<Object, Object> m = Colls.map(v);
      List<Object> changes = null; // old key, new key (VOID to remove), value, ...
      for (Map.Entry<Object, Object> e : m.entrySet()) {
        Object nk = n.next.transform(e.getKey(), r);
        if (nk != e.getKey()) {
          if (changes == null) {
            changes = new ArrayList<>();
          }
          changes.add(e.getKey());
          changes.add(nk);
          changes.add(e.getValue());
        }
      }
      return changes == null ? m : applyRenames(m, changes);
    }
  }

  /** Removes every renamed key first, then puts the new keys, so renames may overlap. */
  static Map<Object, Object> applyRenames(Map<Object, Object> m, List<Object> changes) {
    Map<Object, Object> out = Colls.writable(m);
    for (int i = 0; i < changes.size(); i += 3) {
      Object ok = changes.get(i);
      Object nk = changes.get(i + 1);
      if (nk == VOID || !java.util.Objects.equals(nk, ok)) {
        out.remove(ok);
      }
    }
    for (int i = 0; i < changes.size(); i += 3) {
      Object nk = changes.get(i + 1);
      if (nk != VOID) {
        out.put(nk, changes.get(i + 2));
      }
    }
    return out;
  }

  /** subMap(k...): a map of the given keys that are present; writes back replace them. */
  static final class SubMap extends Nav {
    private static final long serialVersionUID = 1L;
    final Object[] args;

    SubMap(Object[] args) {
      this.args = args.clone();
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.varsAll(args, out);
    }

    @Override
    String describe() {
      return "subMap(" + Args.showAll(args) + ")";
    }

    private Map<Object, Object> sub(Map<?, ?> m, Object[] keys) {
      Map<Object, Object> out = Colls.emptyLike(m);
      for (Object k : keys) {
        Object val = m.get(k);
        if (val != null || m.containsKey(k)) {
          out.put(k, val);
        }
      }
      return out;
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v != null && !(v instanceof Map)) {
        throw PathErrors.wrongShape(n, v, "a map");
      }
      Object[] keys = Args.resolveAll(args, r.vars);
      n.next.select(v == null ? new java.util.HashMap<>() : sub((Map<?, ?>) v, keys), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v != null && !(v instanceof Map)) {
        throw PathErrors.wrongShape(n, v, "a map");
      }
      Object[] keys = Args.resolveAll(args, r.vars);
      Map<Object, Object> before = v == null ? new java.util.HashMap<>() : sub((Map<?, ?>) v, keys);
      Object nv = n.next.transform(before, r);
      if (nv == before) {
        return v;
      }
      if (nv != VOID && nv != null && !(nv instanceof Map)) {
        throw PathErrors.at(n, "needs a map as the new submap, got " + PathErrors.className(nv));
      }
      Map<Object, Object> out =
          v == null ? new java.util.HashMap<>() : Colls.writable((Map<?, ?>) v);
      for (Object k : Arrays.asList(keys)) {
        out.remove(k);
      }
      if (nv instanceof Map) {
        out.putAll((Map<?, ?>) nv);
      }
      return out;
    }
  }
}
