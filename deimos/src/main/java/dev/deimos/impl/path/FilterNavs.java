package dev.deimos.impl.path;

import dev.deimos.impl.data.Functions;
import java.util.ArrayList;
import java.util.HashSet;

/** Navigators that keep or replace the current value: filters, nullTo*, stay, stop. */
final class FilterNavs {
  private FilterNavs() {}

  /** Shared shape of filters: continue with the value only when the test passes. */
  abstract static class Filter extends Nav {
    private static final long serialVersionUID = 1L;

    abstract boolean test(Object v, Run r, Node n);

    @Override
    final void select(Object v, Run r, Node n) {
      if (test(v, r, n)) {
        n.next.select(v, r);
      }
    }

    @Override
    final Object transform(Object v, Run r, Node n) {
      return test(v, r, n) ? n.next.transform(v, r) : v;
    }
  }

  /** filterPred(fn). */
  static final class Pred extends Filter {
    private static final long serialVersionUID = 1L;
    final Object fn;

    Pred(Object fn) {
      this.fn = fn;
    }

    @Override
    String describe() {
      return "filterPred(" + Functions.describe(fn) + ")";
    }

    @Override
    boolean test(Object v, Run r, Node n) {
      return Args.truthy(Functions.invoke(fn, v));
    }
  }

  /** The comparison filters. */
  enum Op {
    EQ("filterEqual"),
    NE("filterNotEqual"),
    LT("filterLessThan"),
    LE("filterLessThanOrEqual"),
    GT("filterGreaterThan"),
    GE("filterGreaterThanOrEqual");

    final String method;

    Op(String method) {
      this.method = method;
    }
  }

  /** filterEqual(v), filterLessThan(v), ... */
  static final class Compare extends Filter {
    private static final long serialVersionUID = 1L;
    final Op op;
    final Object arg;

    Compare(Op op, Object arg) {
      this.op = op;
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return op.method + "(" + Args.show(arg) + ")";
    }

    @Override
    boolean test(Object v, Run r, Node n) {
      Object x = Args.resolve(arg, r.vars);
      switch (op) {
        case EQ:
          return Args.equal(v, x);
        case NE:
          return !Args.equal(v, x);
        default:
          break;
      }
      if (v == null || x == null) {
        return false;
      }
      int c;
      try {
        c = Args.compare(v, x);
      } catch (ClassCastException e) {
        throw PathErrors.at(
            n, "cannot compare " + PathErrors.className(v) + " with " + PathErrors.className(x));
      }
      switch (op) {
        case LT:
          return c < 0;
        case LE:
          return c <= 0;
        case GT:
          return c > 0;
        default:
          return c >= 0;
      }
    }
  }

  /** nullToVal(v), nullToList(), nullToSet(). */
  static final class NullTo extends Nav {
    private static final long serialVersionUID = 1L;

    /** "val", "list" or "set". */
    final String kind;

    final Object arg;

    NullTo(String kind, Object arg) {
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
        case "list":
          return "nullToList()";
        case "set":
          return "nullToSet()";
        default:
          return "nullToVal(" + Args.show(arg) + ")";
      }
    }

    private Object fill(Object v, Run r) {
      if (v != null) {
        return v;
      }
      switch (kind) {
        case "list":
          return new ArrayList<>();
        case "set":
          return new HashSet<>();
        default:
          return Args.resolve(arg, r.vars);
      }
    }

    @Override
    void select(Object v, Run r, Node n) {
      n.next.select(fill(v, r), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return n.next.transform(fill(v, r), r);
    }
  }

  /** stay(). */
  static final class Stay extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "stay()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      n.next.select(v, r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return n.next.transform(v, r);
    }
  }

  /** stop(). */
  static final class Stop extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "stop()";
    }

    @Override
    void select(Object v, Run r, Node n) {}

    @Override
    Object transform(Object v, Run r, Node n) {
      return v;
    }
  }
}
