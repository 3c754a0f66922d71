package dev.deimos;

/**
 * Thrown when dataflow code is invalid, for example when it reads a var that is not bound at that
 * point or binds more output vars than a node produces.
 *
 * <p>The message names the offending node (its position and what it calls) and the var involved.
 * Raised when a block is compiled, before any of it runs.
 */
public class DeimosCompileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public DeimosCompileException(String message) {
    super(message);
  }
}
