package dev.deimos.impl.path;

import static dev.deimos.Navigator.VOID;

import dev.deimos.impl.data.Functions;

/** Term navigators (termVal, term, termVoid) and view, which share function calling. */
final class TermNavs {
  private TermNavs() {}

  private static String fnWithArgs(String name, Object fn, Object[] args) {
    return name
        + "("
        + Functions.describe(fn)
        + (args.length == 0 ? "" : ", " + Args.showAll(args))
        + ")";
  }

  /** Base of the terminals: they end a path and cannot select. */
  abstract static class Terminal extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    final boolean terminal() {
      return true;
    }

    @Override
    final void select(Object v, Run r, Node n) {
      throw PathErrors.at(n, "is a term navigator: it only works in a transform");
    }
  }

  /** termVal(v): replaces the value. */
  static final class TermVal extends Terminal {
    private static final long serialVersionUID = 1L;
    final Object arg;

    TermVal(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    Object value(Run r) {
      return Args.resolve(arg, r.vars);
    }

    @Override
    String describe() {
      return "termVal(" + Args.show(arg) + ")";
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return value(r);
    }
  }

  /** termVoid(): removes the value from its parent. */
  static final class TermVoid extends Terminal {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "termVoid()";
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return VOID;
    }
  }

  /** term(fn, args...): replaces the value with fn(collected..., value, args...). */
  static final class Term extends Terminal {
    private static final long serialVersionUID = 1L;
    final Object fn;
    final Object[] args;

    Term(Object fn, Object[] args) {
      this.fn = fn;
      this.args = args;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.varsAll(args, out);
    }

    @Override
    String describe() {
      return fnWithArgs("term", fn, args);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      if (args.length == 0 && r.collectedCount() == 0) {
        return Functions.invoke(fn, v);
      }
      return Functions.invoke(fn, r.termArgs(v, Args.resolveAll(args, r.vars)));
    }
  }

  /** view(fn, args...): navigates to fn(value, args...). */
  static final class View extends Nav {
    private static final long serialVersionUID = 1L;
    final Object fn;
    final Object[] args;

    View(Object fn, Object[] args) {
      this.fn = fn;
      this.args = args;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.varsAll(args, out);
    }

    @Override
    String describe() {
      return fnWithArgs("view", fn, args);
    }

    private Object apply(Object v, Run r) {
      if (args.length == 0) {
        return Functions.invoke(fn, v);
      }
      Object[] a = new Object[args.length + 1];
      a[0] = v;
      for (int i = 0; i < args.length; i++) {
        a[i + 1] = Args.resolve(args[i], r.vars);
      }
      return Functions.invoke(fn, a);
    }

    @Override
    void select(Object v, Run r, Node n) {
      n.next.select(apply(v, r), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return n.next.transform(apply(v, r), r);
    }
  }
}
