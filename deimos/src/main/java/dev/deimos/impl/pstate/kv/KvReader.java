package dev.deimos.impl.pstate.kv;

import java.util.List;

/**
 * Read access to a sorted byte-key space (unsigned lexicographic order).
 *
 * <p>Implementations: the committed state of a backend, a snapshot of it, or a backend with staged
 * writes laid over it.
 */
public interface KvReader extends AutoCloseable {
  /**
   * Reads one key.
   *
   * @param key the key
   * @return its value, or null when absent
   */
  byte[] get(byte[] key);

  /**
   * Reads up to {@code limit} entries between two bounds, in ascending or descending order.
   *
   * @param from lower bound
   * @param fromInclusive whether {@code from} itself may be returned
   * @param to upper bound
   * @param toInclusive whether {@code to} itself may be returned
   * @param reverse true to walk from {@code to} down to {@code from}
   * @param limit most entries to return
   * @return the entries read and where reading stopped
   */
  Page scan(
      byte[] from,
      boolean fromInclusive,
      byte[] to,
      boolean toInclusive,
      boolean reverse,
      int limit);

  @Override
  void close();

  /**
   * One page of a scan.
   *
   * @param entries key/value pairs, each a two-element array
   * @param last the last key examined (may be past the last entry returned), or null
   * @param done true when nothing more lies in the range past {@code last}
   */
  record Page(List<byte[][]> entries, byte[] last, boolean done) {}
}
