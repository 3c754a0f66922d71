package dev.deimos.impl.dataflow;

/**
 * Names the dataflow node where an exception was thrown, attached to that exception as a suppressed
 * one, so the runtime can log the node while callers still get the user's exception itself. Carries
 * no stack trace.
 */
public final class FailedNode extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String node;

  private FailedNode(String node) {
    super("thrown at dataflow node " + node, null, false, false);
    this.node = node;
  }

  /** Attaches {@code node} to {@code e} unless a node is attached already (the innermost wins). */
  static void mark(Throwable e, String node) {
    for (Throwable s : e.getSuppressed()) {
      if (s instanceof FailedNode) {
        return;
      }
    }
    e.addSuppressed(new FailedNode(node));
  }

  /**
   * Returns the node attached to {@code e}, if any.
   *
   * @param e a failure of dataflow code
   * @return the node's description, or null
   */
  public static String of(Throwable e) {
    for (Throwable s : e.getSuppressed()) {
      if (s instanceof FailedNode) {
        return ((FailedNode) s).node;
      }
    }
    return null;
  }
}
