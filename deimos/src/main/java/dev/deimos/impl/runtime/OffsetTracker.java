package dev.deimos.impl.runtime;

/**
 * How far one stream source got on one depot partition: the offset below which every record has
 * finished (succeeded, or failed for good), i.e. contiguous completion rather than the highest
 * offset seen. Records finish out of order (async steps, hops to other tasks, retries), so each
 * finished offset above the low mark is remembered in a ring until the gap below it closes.
 *
 * <p>One call per finished record ({@link #done}), synchronized and constant time unless the ring
 * grows; the stream checkpoint reads {@link #mark} every interval. Threads: any.
 */
final class OffsetTracker {
  // every offset below base has finished
  private long base;
  // ring[(head + i) & mask] is 1 when offset base + i has finished
  private byte[] ring = new byte[64];
  private int head;

  OffsetTracker(long start) {
    this.base = start;
  }

  /** Records that the record at {@code offset} has finished; advances the mark if it can. */
  synchronized void done(long offset) {
    long d = offset - base;
    if (d < 0) {
      // below the mark: a replay of a record that finished before (cannot happen in order)
      return;
    }
    if (d >= ring.length) {
      grow(d);
    }
    ring[(int) ((head + d) & (ring.length - 1))] = 1;
    if (d == 0) {
      advance();
    }
  }

  private void advance() {
    int mask = ring.length - 1;
    while (ring[head] == 1) {
      ring[head] = 0;
      head = (head + 1) & mask;
      base++;
    }
  }

  private void grow(long d) {
    int n = ring.length;
    while (n <= d) {
      if (n >= 1 << 30) {
        throw new IllegalStateException("more than 2^30 stream records in flight on a partition");
      }
      n <<= 1;
    }
    byte[] next = new byte[n];
    for (int i = 0; i < ring.length; i++) {
      next[i] = ring[(head + i) & (ring.length - 1)];
    }
    ring = next;
    head = 0;
  }

  /** The offset below which every record has finished. */
  synchronized long mark() {
    return base;
  }
}
