package dev.deimos.impl.path;

import java.io.Serializable;

/**
 * One compiled navigation step. Steps are immutable and shared by every run of a path; all per-call
 * state lives in {@link Run}.
 */
abstract class Nav implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Short form used in error messages, e.g. {@code nth(3)}. */
  abstract String describe();

  /** Calls {@code n.next.select} once per sub-value. */
  abstract void select(Object v, Run r, Node n);

  /** Returns the new value, or {@link dev.deimos.Navigator#VOID} to remove it from its parent. */
  abstract Object transform(Object v, Run r, Node n);

  /** Builds this step's node; steps with sub-paths link them here, so it runs once per path. */
  Node link(Node next, int index) {
    return new Node(this, next, index, null);
  }

  /**
   * Adds the vars ({@code "*x"}) this step reads, including those of its sub-paths, to {@code out}.
   * Steps without var arguments add nothing.
   */
  void vars(java.util.Set<String> out) {}

  /** True for term navigators, which must end a path. */
  boolean terminal() {
    return false;
  }
}
