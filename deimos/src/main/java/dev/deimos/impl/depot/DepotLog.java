package dev.deimos.impl.depot;

import java.util.concurrent.CompletableFuture;

/**
 * The records of one depot, one ordered log per partition. Asynchronous so that a durable or remote
 * log fits behind the same calls. Records are opaque bytes (serialized at the append).
 */
public interface DepotLog extends AutoCloseable {
  /**
   * Returns the number of partitions.
   *
   * @return the partition count
   */
  int numPartitions();

  /**
   * Appends a record to a partition.
   *
   * @param partition the partition
   * @param record the serialized record
   * @return the record's offset in the partition once stored
   */
  CompletableFuture<Long> append(int partition, byte[] record);

  /**
   * Reads one record.
   *
   * @param partition the partition
   * @param offset the record's offset
   * @return the record's bytes
   */
  CompletableFuture<byte[]> read(int partition, long offset);

  /**
   * Reads the records at offsets {@code [from, to)} in order.
   *
   * @param partition the partition
   * @param from the first offset
   * @param to the end offset (exclusive), at most the end offset of the partition
   * @return the records' bytes
   */
  default CompletableFuture<java.util.List<byte[]>> read(int partition, long from, long to) {
    // one read per offset, all in flight at once; the caller never waits here, so a task thread
    // calling this is not blocked by a log whose reads complete later
    int n = (int) Math.max(0, to - from);
    java.util.List<CompletableFuture<byte[]>> parts = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(read(partition, from + i));
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            v -> {
              java.util.List<byte[]> out = new java.util.ArrayList<>(n);
              for (CompletableFuture<byte[]> f : parts) {
                out.add(f.join()); // complete: allOf succeeded
              }
              return out;
            });
  }

  /**
   * Returns the offset the next append to {@code partition} gets.
   *
   * @param partition the partition
   * @return the end offset
   */
  CompletableFuture<Long> endOffset(int partition);

  /**
   * Returns the offset of the first record of {@code partition} appended at or after {@code
   * millis}, or the end offset when there is none.
   *
   * @param partition the partition
   * @param millis milliseconds since the epoch
   * @return an offset
   * @throws UnsupportedOperationException if the log does not keep append times
   */
  default CompletableFuture<Long> offsetAfterTimestamp(int partition, long millis) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not keep append times");
  }

  /**
   * Returns the first offset of {@code partition} still stored: offsets below it were trimmed. A
   * log that never trims returns 0.
   *
   * @param partition the partition
   * @return the first readable offset (equal to the end offset when nothing is stored)
   */
  default CompletableFuture<Long> firstOffset(int partition) {
    return CompletableFuture.completedFuture(0L);
  }

  /**
   * Asks the log to drop records of {@code partition} below {@code beforeOffset}. A log drops only
   * what it can drop cheaply (a segment file log drops whole segments entirely below the offset,
   * never the segment being appended to), so it may keep more than asked; {@link #firstOffset}
   * tells what it kept. Reading a dropped offset fails with {@link TrimmedOffsetException}. A log
   * that does not trim keeps everything.
   *
   * @param partition the partition
   * @param beforeOffset records below this offset may be dropped
   * @return the first offset still stored once the trim is done
   */
  default CompletableFuture<Long> trim(int partition, long beforeOffset) {
    return firstOffset(partition);
  }

  @Override
  void close();
}
