package dev.deimos.impl.path;

import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.impl.data.Functions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** User code in paths: customNav, customNavBuilder, pathBuilder. */
final class CustomNavs {
  private CustomNavs() {}

  @SuppressWarnings("unchecked")
  private static Navigator<Object> cast(Object nav, Node n) {
    if (!(nav instanceof Navigator)) {
      throw PathErrors.at(n, "needs a Navigator, got " + PathErrors.className(nav));
    }
    return (Navigator<Object>) nav;
  }

  /** Gives a navigator its own mutable copy of a plain collection, so it may change it. */
  private static Object privateCopy(Object v) {
    if (v instanceof WriteThrough) {
      return v;
    }
    if (v instanceof Map) {
      return Colls.writable((Map<?, ?>) v);
    }
    if (v instanceof List) {
      return Colls.writable((List<?>) v);
    }
    if (v instanceof Set) {
      return Colls.writable((Set<?>) v);
    }
    return v;
  }

  static void select(Navigator<Object> nav, Object v, Run r, Node n) {
    nav.select(
        v,
        x -> {
          n.next.select(x, r);
          return null;
        });
  }

  static Object transform(Navigator<Object> nav, Object v, Run r, Node n) {
    return nav.transform(privateCopy(v), x -> n.next.transform(x, r));
  }

  /** customNav(nav). */
  static final class Custom extends Nav {
    private static final long serialVersionUID = 1L;
    final Object nav;

    Custom(Object nav) {
      this.nav = nav;
    }

    @Override
    String describe() {
      return "customNav(" + Functions.describe(nav) + ")";
    }

    @Override
    void select(Object v, Run r, Node n) {
      CustomNavs.select(cast(nav, n), v, r, n);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return CustomNavs.transform(cast(nav, n), v, r, n);
    }
  }

  /** customNavBuilder(fn, args...) and pathBuilder(fn, args...): built per call from args. */
  static final class Builder extends Nav {
    private static final long serialVersionUID = 1L;
    final Object fn;
    final Object[] args;
    final boolean path;

    Builder(Object fn, Object[] args, boolean path) {
      this.fn = fn;
      this.args = args;
      this.path = path;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.varsAll(args, out);
    }

    @Override
    String describe() {
      return (path ? "pathBuilder(" : "customNavBuilder(")
          + Functions.describe(fn)
          + (args.length == 0 ? "" : ", " + Args.showAll(args))
          + ")";
    }

    private Object build(Run r) {
      return Functions.invoke(fn, Args.resolveAll(args, r.vars));
    }

    private Node pathNode(Run r, Node n) {
      Object p = build(r);
      if (!(p instanceof Path)) {
        throw PathErrors.at(
            n, "needs the function to return a Path, got " + PathErrors.className(p));
      }
      return ComposeNavs.impl((Path) p, "pathBuilder").compile(n.next);
    }

    @Override
    void select(Object v, Run r, Node n) {
      if (path) {
        pathNode(r, n).select(v, r);
      } else {
        CustomNavs.select(cast(build(r), n), v, r, n);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (path) {
        return pathNode(r, n).transform(v, r);
      }
      return CustomNavs.transform(cast(build(r), n), v, r, n);
    }
  }
}
