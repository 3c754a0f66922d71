package dev.deimos.impl.depot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link DepotLog} in memory, for tests and the in-process cluster. Thread-safe per partition.
 * Keeps each record's append time so microbatch sources can start from a point in time.
 */
public final class MemoryDepotLog implements InlineAppendLog {
  private final List<Partition> partitions;

  /** One partition's records and their append times (millis), in append order. */
  private static final class Partition {
    final List<byte[]> records = new ArrayList<>();
    long[] times = new long[16];
    // per record: the appended value when the appender shared it (see appendNow), else null
    Object[] values = new Object[16];
  }

  /**
   * Creates an empty log.
   *
   * @param numPartitions the partition count
   */
  public MemoryDepotLog(int numPartitions) {
    partitions = new ArrayList<>(numPartitions);
    for (int i = 0; i < numPartitions; i++) {
      partitions.add(new Partition());
    }
  }

  @Override
  public int numPartitions() {
    return partitions.size();
  }

  @Override
  public CompletableFuture<Long> append(int partition, byte[] record) {
    return CompletableFuture.completedFuture(appendNow(partition, record, null));
  }

  /**
   * Appends synchronously, then runs {@code then} with the new offset while still holding the
   * partition's lock: whatever {@code then} queues for the partition's records is queued in offset
   * order even when several threads append at once (the in-process runtime queues the record's
   * processing there).
   *
   * @param partition the partition
   * @param record the serialized record
   * @param then run with the offset under the partition's lock, or null
   * @return the record's offset
   */
  public long appendNow(int partition, byte[] record, java.util.function.LongConsumer then) {
    return appendNow(partition, record, null, then);
  }

  /**
   * Like {@link #appendNow(int, byte[], java.util.function.LongConsumer)}, and keeps {@code value},
   * the record as appended, for {@link #sharedValues}: the appender passes it only when it is
   * immutable, so a reader may use it instead of decoding its own copy.
   *
   * @param partition the partition
   * @param record the serialized record
   * @param value the record's value when it is immutable and may be shared, else null
   * @param then run with the offset under the partition's lock, or null
   * @return the record's offset
   */
  @Override
  public long appendNow(
      int partition, byte[] record, Object value, java.util.function.LongConsumer then) {
    Partition p = partitions.get(partition);
    synchronized (p) {
      int n = p.records.size();
      if (n == p.times.length) {
        p.times = Arrays.copyOf(p.times, n * 2);
        p.values = Arrays.copyOf(p.values, n * 2);
      }
      p.values[n] = value;
      long now = System.currentTimeMillis();
      // kept non-decreasing even if the wall clock steps back, so the search below stays valid
      p.times[n] = n > 0 && now < p.times[n - 1] ? p.times[n - 1] : now;
      p.records.add(record);
      if (then != null) {
        then.accept(n);
      }
      return n;
    }
  }

  @Override
  public CompletableFuture<byte[]> read(int partition, long offset) {
    Partition p = partitions.get(partition);
    synchronized (p) {
      if (offset < 0 || offset >= p.records.size()) {
        return CompletableFuture.failedFuture(
            new IndexOutOfBoundsException(
                "depot partition " + partition + " has no offset " + offset));
      }
      return CompletableFuture.completedFuture(p.records.get((int) offset));
    }
  }

  @Override
  public CompletableFuture<List<byte[]>> read(int partition, long from, long to) {
    Partition p = partitions.get(partition);
    synchronized (p) {
      if (from < 0 || from > to || to > p.records.size()) {
        return CompletableFuture.failedFuture(
            new IndexOutOfBoundsException(
                "depot partition "
                    + partition
                    + " has no offsets ["
                    + from
                    + ", "
                    + to
                    + "), its end offset is "
                    + p.records.size()));
      }
      return CompletableFuture.completedFuture(
          new ArrayList<>(p.records.subList((int) from, (int) to)));
    }
  }

  /**
   * The values shared at append for offsets [from, to) of a partition (null where a record must be
   * decoded), or null when none was shared.
   *
   * @param partition the partition
   * @param from the first offset
   * @param to the end offset, exclusive; within the partition
   * @return the values by offset from {@code from}, or null
   */
  @Override
  public Object[] sharedValues(int partition, long from, long to) {
    Partition p = partitions.get(partition);
    synchronized (p) {
      Object[] out = Arrays.copyOfRange(p.values, (int) from, (int) to);
      for (Object o : out) {
        if (o != null) {
          return out;
        }
      }
      return null;
    }
  }

  @Override
  public CompletableFuture<Long> endOffset(int partition) {
    Partition p = partitions.get(partition);
    synchronized (p) {
      return CompletableFuture.completedFuture((long) p.records.size());
    }
  }

  @Override
  public CompletableFuture<Long> offsetAfterTimestamp(int partition, long millis) {
    Partition p = partitions.get(partition);
    synchronized (p) {
      // binary search for the first >= millis
      int lo = 0;
      int hi = p.records.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (p.times[mid] < millis) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return CompletableFuture.completedFuture((long) lo);
    }
  }

  @Override
  public void close() {
    for (Partition p : partitions) {
      synchronized (p) {
        p.records.clear();
      }
    }
  }
}
