package dev.deimos.examples;

/**
 * The README's main job: runs every example and prints what it computed.
 *
 * <p>Until the single-node server exists, examples run in-process.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the examples.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("Deimos examples");
  }
}
