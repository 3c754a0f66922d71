package dev.deimos.ops;

/** Wording of accepted argument counts in arity errors. */
final class Arities {
  static final int ANY = Integer.MAX_VALUE;

  private Arities() {}

  static String describe(int min, int max) {
    if (min == max) {
      return min + " argument" + (min == 1 ? "" : "s");
    }
    if (max == ANY) {
      return "at least " + min + " argument" + (min == 1 ? "" : "s");
    }
    return min + " to " + max + " arguments";
  }
}
