package dev.deimos.impl.reactive;

/**
 * Checksums of proxied values. Based on the {@code hashCode} contracts of {@link java.util.List},
 * {@link java.util.Set}, {@link java.util.Map} and the value types, which depend only on content (a
 * {@code TreeMap} and a {@code HashMap} with the same entries agree), so server and client agree
 * whatever collection classes each side built.
 */
public final class Checksums {
  private Checksums() {}

  /**
   * Returns the checksum of a value.
   *
   * @param value a value, or null
   * @return its checksum
   */
  public static long of(Object value) {
    long h = value == null ? 0x9E3779B97F4A7C15L : value.hashCode();
    // a 64-bit finaliser (splitmix64), so close hash codes do not give close checksums
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }
}
