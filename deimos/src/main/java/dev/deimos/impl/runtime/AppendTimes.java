package dev.deimos.impl.runtime;

import java.util.Arrays;

/**
 * When each record of a depot was appended, per partition, so a stream source can start "from the
 * first record appended after a time". Kept beside the depot log (the log stores opaque bytes).
 * Times never decrease within a partition, even if the clock steps back, so a binary search works.
 */
final class AppendTimes {
  private final long[][] times;
  private final int[] sizes;

  AppendTimes(int partitions) {
    times = new long[partitions][16];
    sizes = new int[partitions];
  }

  /** Records that the record at {@code offset} of {@code partition} was appended now. */
  void record(int partition, long offset) {
    long now = System.currentTimeMillis();
    synchronized (this) {
      int n = sizes[partition];
      if (offset != n) {
        // offsets come in order on the partition's task thread; anything else is a runtime bug
        throw new IllegalStateException(
            "append times out of step: partition "
                + partition
                + " offset "
                + offset
                + ", have "
                + n);
      }
      long[] t = times[partition];
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        times[partition] = t;
      }
      t[n] = n > 0 ? Math.max(now, t[n - 1]) : now;
      sizes[partition] = n + 1;
    }
  }

  /** The first offset of {@code partition} appended at or after {@code millis}, else its end. */
  synchronized long firstAtOrAfter(int partition, long millis) {
    long[] t = times[partition];
    int lo = 0;
    int hi = sizes[partition];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] < millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
