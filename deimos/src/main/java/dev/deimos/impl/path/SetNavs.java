package dev.deimos.impl.path;

import static dev.deimos.Navigator.VOID;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Navigators over sets: setElem, voidSetElem. */
final class SetNavs {
  private SetNavs() {}

  /** Applies (old element, new element or VOID) changes: removals first so renames may overlap. */
  static Set<Object> applySetChanges(Set<Object> s, List<Object> changes) {
    Set<Object> out = Colls.writable(s);
    for (int c = 0; c < changes.size(); c += 2) {
      out.remove(changes.get(c));
    }
    for (int c = 0; c < changes.size(); c += 2) {
      Object nv = changes.get(c + 1);
      if (nv != VOID) {
        out.add(nv);
      }
    }
    return out;
  }

  /** setElem(e): the element e if the set holds it. */
  static final class SetElem extends Nav {
    private static final long serialVersionUID = 1L;
    final Object arg;

    SetElem(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return "setElem(" + Args.show(arg) + ")";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v == null) {
        return;
      }
      if (!(v instanceof Set)) {
        throw PathErrors.wrongShape(n, v, "a set");
      }
      Object e = Args.resolve(arg, r.vars);
      if (((Set<?>) v).contains(e)) {
        n.next.select(e, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v == null) {
        return null;
      }
      if (!(v instanceof Set)) {
        throw PathErrors.wrongShape(n, v, "a set");
      }
      Set<Object> s = Colls.set(v);
      Object e = Args.resolve(arg, r.vars);
      if (s instanceof WriteThrough && n.next.nav instanceof TermNavs.TermVoid) {
        s.remove(e); // blind delete
        return s;
      }
      if (!s.contains(e)) {
        return s;
      }
      Object nv = n.next.transform(e, r);
      if (nv == e) {
        return s;
      }
      Set<Object> out = Colls.writable(s);
      out.remove(e);
      if (nv != VOID) {
        out.add(nv);
      }
      return out;
    }
  }

  /** voidSetElem(): a write-only slot; the value written there is added to the set. */
  static final class VoidSetElem extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "voidSetElem()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (v != null && !(v instanceof Set)) {
        throw PathErrors.wrongShape(n, v, "a set");
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (v != null && !(v instanceof Set)) {
        throw PathErrors.wrongShape(n, v, "a set");
      }
      Object nv = n.next.transform(null, r);
      if (nv == VOID) {
        return v;
      }
      if (v != null && ((Set<?>) v).contains(nv)) {
        return v;
      }
      Set<Object> out = v == null ? new HashSet<>() : Colls.writable((Set<?>) v);
      out.add(nv);
      return out;
    }
  }
}
