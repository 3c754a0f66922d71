package dev.deimos.impl.path;

import static dev.deimos.Navigator.VOID;

import dev.deimos.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Navigators built from sub-paths: multiPath, ifPath, subselect, filterSelected, transformed. */
final class ComposeNavs {
  private ComposeNavs() {}

  /** Runs a closed sub-path as a select and returns what it reaches (without collected values). */
  static List<Object> selectSub(Node head, Object v, Run r) {
    List<Object> out = new ArrayList<>();
    Consumer<Object> saved = r.sink;
    r.sink = out::add;
    try {
      head.select(v, r);
    } finally {
      r.sink = saved;
    }
    return out;
  }

  /** Runs a closed sub-path as a transform whose end replaces values with {@code tail}. */
  static Object transformSub(Node head, Object v, Run r, UnaryOperator<Object> tail) {
    UnaryOperator<Object> saved = r.tail;
    r.tail = tail;
    try {
      return head.transform(v, r);
    } finally {
      r.tail = saved;
    }
  }

  /** multiPath(p...): every sub-path from here, in order; each continues with the rest. */
  static final class Multi extends Nav {
    private static final long serialVersionUID = 1L;
    final PathImpl[] paths;

    Multi(PathImpl[] paths) {
      this.paths = paths;
    }

    @Override
    void vars(java.util.Set<String> out) {
      for (PathImpl p : paths) {
        p.vars(out);
      }
    }

    @Override
    String describe() {
      return "multiPath(" + paths.length + " paths)";
    }

    @Override
    Node link(Node next, int index) {
      Node[] subs = new Node[paths.length];
      for (int i = 0; i < subs.length; i++) {
        subs[i] = paths[i].compile(next);
      }
      return new Node(this, next, index, subs);
    }

    @Override
    void select(Object v, Run r, Node n) {
      for (Node sub : n.subs) {
        sub.select(v, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      for (Node sub : n.subs) {
        v = sub.transform(v, r);
        if (v == VOID) {
          return VOID;
        }
      }
      return v;
    }
  }

  /** ifPath(cond, then[, else]). subs: cond (closed), then, else (may be null). */
  static final class If extends Nav {
    private static final long serialVersionUID = 1L;
    final PathImpl cond;
    final PathImpl then;
    final PathImpl otherwise;

    If(PathImpl cond, PathImpl then, PathImpl otherwise) {
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    void vars(java.util.Set<String> out) {
      cond.vars(out);
      then.vars(out);
      if (otherwise != null) {
        otherwise.vars(out);
      }
    }

    @Override
    String describe() {
      return otherwise == null ? "ifPath(cond, then)" : "ifPath(cond, then, else)";
    }

    @Override
    Node link(Node next, int index) {
      return new Node(
          this,
          next,
          index,
          new Node[] {
            cond.compile(Node.end()),
            then.compile(next),
            otherwise == null ? null : otherwise.compile(next)
          });
    }

    private Node branch(Object v, Run r, Node n) {
      return selectSub(n.subs[0], v, r).isEmpty() ? n.subs[2] : n.subs[1];
    }

    @Override
    void select(Object v, Run r, Node n) {
      Node b = branch(v, r, n);
      if (b != null) {
        b.select(v, r);
      }
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      Node b = branch(v, r, n);
      return b == null ? v : b.transform(v, r);
    }
  }

  /** filterSelected(p) / filterNotSelected(p). */
  static final class Selected extends FilterNavs.Filter {
    private static final long serialVersionUID = 1L;
    final PathImpl path;
    final boolean negate;

    Selected(PathImpl path, boolean negate) {
      this.path = path;
      this.negate = negate;
    }

    @Override
    void vars(java.util.Set<String> out) {
      path.vars(out);
    }

    @Override
    String describe() {
      return negate ? "filterNotSelected(path)" : "filterSelected(path)";
    }

    @Override
    Node link(Node next, int index) {
      return new Node(this, next, index, new Node[] {path.compile(Node.end())});
    }

    @Override
    boolean test(Object v, Run r, Node n) {
      return selectSub(n.subs[0], v, r).isEmpty() == negate;
    }
  }

  /** subselect(p) and filteredList(p): one list of the reached values, written back in order. */
  static final class Subselect extends Nav {
    private static final long serialVersionUID = 1L;
    final PathImpl path;
    final String name;

    Subselect(PathImpl path, String name) {
      this.path = path;
      this.name = name;
    }

    @Override
    void vars(java.util.Set<String> out) {
      path.vars(out);
    }

    @Override
    String describe() {
      return name + "(path)";
    }

    @Override
    Node link(Node next, int index) {
      return new Node(this, next, index, new Node[] {path.compile(Node.end())});
    }

    @Override
    void select(Object v, Run r, Node n) {
      n.next.select(selectSub(n.subs[0], v, r), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      List<Object> before = selectSub(n.subs[0], v, r);
      Object after = n.next.transform(before, r);
      if (after == before) {
        return v;
      }
      if (after != VOID && after != null && !(after instanceof Collection)) {
        throw PathErrors.at(n, "needs a list as the new value, got " + PathErrors.className(after));
      }
      Collection<?> replacement =
          after instanceof Collection ? (Collection<?>) after : Collections.emptyList();
      if (replacement.size() > before.size()) {
        throw PathErrors.at(
            n,
            "got a list of "
                + replacement.size()
                + " values to write back to "
                + before.size()
                + " locations");
      }
      Iterator<?> it = replacement.iterator();
      return transformSub(n.subs[0], v, r, old -> it.hasNext() ? it.next() : VOID);
    }
  }

  /** transformed(p): navigates to the result of an inline transform, which is not written back. */
  static final class Transformed extends Nav {
    private static final long serialVersionUID = 1L;
    final PathImpl path;

    Transformed(PathImpl path) {
      this.path = path;
    }

    @Override
    void vars(java.util.Set<String> out) {
      path.vars(out);
    }

    @Override
    String describe() {
      return "transformed(path)";
    }

    @Override
    Node link(Node next, int index) {
      return new Node(this, next, index, new Node[] {path.compile(Node.end())});
    }

    private Object apply(Object v, Run r, Node n) {
      Object[] saved = r.takeCollected();
      try {
        Object out = transformSub(n.subs[0], v, r, Paths.NO_TERM);
        return out == VOID ? null : out;
      } finally {
        r.restoreCollected(saved);
      }
    }

    @Override
    void select(Object v, Run r, Node n) {
      n.next.select(apply(v, r, n), r);
    }

    @Override
    Object transform(Object v, Run r, Node n) {
      return n.next.transform(apply(v, r, n), r);
    }
  }

  /** Cast used by builders: every Path is a PathImpl. */
  static PathImpl impl(Path p, String where) {
    if (p instanceof PathImpl) {
      return (PathImpl) p;
    }
    throw new IllegalArgumentException(
        where + " needs a path built with Path's methods, got " + PathErrors.className(p));
  }
}
