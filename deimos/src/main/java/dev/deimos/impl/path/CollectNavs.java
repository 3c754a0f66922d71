package dev.deimos.impl.path;

import dev.deimos.impl.data.Functions;
import java.util.List;

/** Value collection: collect, collectOne, putCollected, isCollected, dispenseCollected. */
final class CollectNavs {
  private CollectNavs() {}

  /** Base: computes one value to collect, then continues with it pushed. */
  abstract static class Pusher extends Nav {
    private static final long serialVersionUID = 1L;

    abstract Object collected(Object v, Run r, Node n);

    @Override
    final void select(Object v, Run r, Node n) {
      r.push(collected(v, r, n));
      try {
        n.next.select(v, r);
      } finally {
        r.pop();
      }
    }

    @Override
    final Object transform(Object v, Run r, Node n) {
      r.push(collected(v, r, n));
      try {
        return n.next.transform(v, r);
      } finally {
        r.pop();
      }
    }
  }

  /** collect(p) and collectOne(p). */
  static final class Collect extends Pusher {
    private static final long serialVersionUID = 1L;
    final PathImpl path;
    final boolean one;

    Collect(PathImpl path, boolean one) {
      this.path = path;
      this.one = one;
    }

    @Override
    void vars(java.util.Set<String> out) {
      path.vars(out);
    }

    @Override
    String describe() {
      return one ? "collectOne(path)" : "collect(path)";
    }

    @Override
    Node link(Node next, int index) {
      return new Node(this, next, index, new Node[] {path.compile(Node.end())});
    }

    @Override
    Object collected(Object v, Run r, Node n) {
      List<Object> got = ComposeNavs.selectSub(n.subs[0], v, r);
      if (!one) {
        return got;
      }
      if (got.size() > 1) {
        throw PathErrors.at(n, "selected " + got.size() + " values, at most one allowed");
      }
      return got.isEmpty() ? null : got.get(0);
    }
  }

  /** putCollected(v). */
  static final class Put extends Pusher {
    private static final long serialVersionUID = 1L;
    final Object arg;

    Put(Object arg) {
      this.arg = arg;
    }

    @Override
    void vars(java.util.Set<String> out) {
      Args.vars(arg, out);
    }

    @Override
    String describe() {
      return "putCollected(" + Args.show(arg) + ")";
    }

    @Override
    Object collected(Object v, Run r, Node n) {
      return Args.resolve(arg, r.vars);
    }
  }

  /** isCollected(fn): filters on the list of collected values. */
  static final class IsCollected extends FilterNavs.Filter {
    private static final long serialVersionUID = 1L;
    final Object fn;

    IsCollected(Object fn) {
      this.fn = fn;
    }

    @Override
    String describe() {
      return "isCollected(" + Functions.describe(fn) + ")";
    }

    @Override
    boolean test(Object v, Run r, Node n) {
      return Args.truthy(Functions.invoke(fn, r.collectedList()));
    }
  }

  /** dispenseCollected(): forgets collected values for the rest of this branch. */
  static final class Dispense extends Nav {
    private static final long serialVersionUID = 1L;

    @Override
    String describe() {
      return "dispenseCollected()";
    }

    @Override
    void select(Object v, Run r, Node n) {
      Object[] saved = r.takeCollected();
      try {
        n.next.select(v, r);
      } finally {
        r.restoreCollected(saved);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      Object[] saved = r.takeCollected();
      try {
        return n.next.transform(v, r);
      } finally {
        r.restoreCollected(saved);
      }
    }
  }
}
