package dev.deimos;

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
}
