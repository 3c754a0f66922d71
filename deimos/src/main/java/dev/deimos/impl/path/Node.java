package dev.deimos.impl.path;

/**
 * A step linked to what follows it. A path compiles to a chain of nodes ending in an end node
 * ({@code nav == null}); sub-paths of multiPath and ifPath are linked straight to the enclosing
 * path's next node, so no continuation objects are created per call.
 */
final class Node {
  final Nav nav;
  final Node next;
  final int index;
  final Node[] subs;

  Node(Nav nav, Node next, int index, Node[] subs) {
    this.nav = nav;
    this.next = next;
    this.index = index;
    this.subs = subs;
  }

  static Node end() {
    return new Node(null, null, -1, null);
  }

  void select(Object v, Run r) {
    if (nav == null) {
      r.sink.accept(v);
    } else {
      nav.select(v, r, this);
    }
  }

  Object transform(Object v, Run r) {
    if (nav == null) {
      return r.tail.apply(v);
    }
    return nav.transform(v, r, this);
  }

  String where() {
    return "step " + index + " (" + (nav == null ? "end" : nav.describe()) + ")";
  }
}
