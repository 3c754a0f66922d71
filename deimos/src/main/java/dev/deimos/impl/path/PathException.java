package dev.deimos.impl.path;

/**
 * A path step met a value it cannot navigate, or a path was used in a way it does not support. The
 * message names the step (0-based index and navigator) and the value's class.
 */
public final class PathException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a full message.
   *
   * @param message what went wrong and where
   */
  public PathException(String message) {
    super(message);
  }

  static PathException wrongShape(Node n, Object value, String expected) {
    return new PathException(
        n.where() + " cannot navigate into " + className(value) + ": expects " + expected);
  }

  static PathException at(Node n, String problem) {
    return new PathException(n.where() + " " + problem);
  }

  static String className(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
