package dev.deimos.impl.runtime;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of durations in nanoseconds with four buckets per power of two (at most 19%
 * above the true value at any percentile), for the latency percentiles of a topology. Recording is
 * one atomic increment; readers take a {@link #snapshot()} and may subtract an earlier one to get
 * the percentiles of an interval.
 */
public final class LatencyHistogram {
  /** Number of buckets. */
  static final int BUCKETS = 256;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /**
   * Counts one duration.
   *
   * @param nanos the duration; negative values count as 0
   */
  public void record(long nanos) {
    counts.getAndIncrement(bucket(Math.max(0, nanos)));
  }

  static int bucket(long v) {
    if (v < 4) {
      return (int) v;
    }
    int e = 63 - Long.numberOfLeadingZeros(v);
    int sub = (int) (v >>> (e - 2)) & 3;
    return 4 * (e - 1) + sub;
  }

  /** The largest value that falls into {@code bucket}. */
  static long upperBound(int bucket) {
    if (bucket < 4) {
      return bucket;
    }
    int e = bucket / 4 + 1;
    int sub = bucket % 4;
    long lower = (4L + sub) << (e - 2);
    return lower + (1L << (e - 2)) - 1;
  }

  /**
   * Copies the counts per bucket.
   *
   * @return a new array
   */
  public long[] snapshot() {
    long[] r = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      r[i] = counts.get(i);
    }
    return r;
  }

  /**
   * Returns the value at quantile {@code q} of a snapshot (or of a difference of two).
   *
   * @param snapshot counts per bucket
   * @param q from 0 to 1
   * @return nanoseconds (the upper bound of the bucket holding it), or -1 when nothing was counted
   */
  public static long quantile(long[] snapshot, double q) {
    long total = 0;
    for (long c : snapshot) {
      total += c;
    }
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < snapshot.length; i++) {
      seen += snapshot[i];
      if (seen >= rank) {
        return upperBound(i);
      }
    }
    return upperBound(snapshot.length - 1);
  }

  /**
   * Returns {@code later - earlier}, bucket by bucket.
   *
   * @param later the newer snapshot
   * @param earlier the older one, or null
   * @return the counts of the interval
   */
  public static long[] minus(long[] later, long[] earlier) {
    long[] r = later.clone();
    if (earlier != null) {
      for (int i = 0; i < r.length; i++) {
        r[i] -= earlier[i];
      }
    }
    return r;
  }
}
