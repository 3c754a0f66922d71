package dev.deimos.impl.depot;

/**
 * The most recent durable records of one partition, bounded by count and by bytes, so readers that
 * keep up (stream tasks, the next microbatch) are served without touching the disk. Covers the
 * contiguous offsets {@code [start, start + count)}. Thread-safe.
 */
final class RecordCache {
  private final byte[][] ring;
  private final long maxBytes;
  private long start;
  private int count;
  private long bytes;

  RecordCache(int maxRecords, long maxBytes, long start) {
    this.ring = new byte[Math.max(1, maxRecords)][];
    this.maxBytes = maxBytes;
    this.start = start;
  }

  /** Adds the record at {@code offset}, which must be the next after the cached ones. */
  synchronized void add(long offset, byte[] record) {
    if (offset != start + count || record.length > maxBytes || maxBytes == 0) {
      clearFrom(offset + 1);
      return;
    }
    while (count > 0 && (count == ring.length || bytes + record.length > maxBytes)) {
      int i = (int) (start % ring.length);
      bytes -= ring[i].length;
      ring[i] = null;
      start++;
      count--;
    }
    ring[(int) ((start + count) % ring.length)] = record;
    count++;
    bytes += record.length;
  }

  /** The record at {@code offset}, or null when it is not cached. */
  synchronized byte[] get(long offset) {
    if (offset < start || offset >= start + count) {
      return null;
    }
    return ring[(int) (offset % ring.length)];
  }

  /** The first cached offset (the end when nothing is cached). */
  synchronized long start() {
    return start;
  }

  /** Empties the cache; the next record added must be {@code next}. */
  synchronized void clearFrom(long next) {
    java.util.Arrays.fill(ring, null);
    start = next;
    count = 0;
    bytes = 0;
  }
}
