package dev.deimos.impl.storage;

/**
 * How far one task got: per stream source partition the offset after the last record processed, per
 * microbatch topology the last committed microbatch with its offset ranges, and named counters
 * (unique-id counters, mirror offsets and the like). One store per (module, task), from {@link
 * StorageFactory#openProgressStore}.
 *
 * <p>Commit group: progress is written in {@link Batch}es, and a batch's {@link Batch#commit} is
 * also the point where the PState commits the task made since its previous progress commit become
 * durable. A durable implementation can therefore put the PState writes and the progress entries
 * covering them into one atomic write (for RocksDB, one {@code WriteBatch} per task); the memory
 * implementation applies both at once. The runtime always ends a unit of work (a microbatch's
 * commit on a task) with one batch commit.
 *
 * <p>Threads: writes come from the task's thread only; reads may come from any thread and see
 * committed batches only.
 */
public interface ProgressStore extends AutoCloseable {
  /** Returned by {@link #streamOffset} and {@link #counter} lookups when nothing was recorded. */
  long NONE = -1L;

  /**
   * The offset after the last record of a depot partition a stream source processed.
   *
   * @param topology the stream topology
   * @param depotVar the source depot's var
   * @param partition the depot partition
   * @return the offset, or {@link #NONE}
   */
  long streamOffset(String topology, String depotVar, int partition);

  /**
   * The last microbatch of a topology committed on this task.
   *
   * @param topology the microbatch topology
   * @return the commit record, or null if none committed yet
   */
  MicrobatchCommit lastMicrobatch(String topology);

  /**
   * A named counter of the task.
   *
   * @param name the counter
   * @return its value, or {@link #NONE}
   */
  long counter(String name);

  /**
   * Refuses a stream offset entry with a negative partition or offset, naming the entry; every
   * implementation's {@link Batch#streamOffset} checks through here so they fail alike.
   *
   * @param topology the stream topology
   * @param depotVar the source depot's var
   * @param partition the depot partition
   * @param offset the offset
   * @throws IllegalArgumentException if the partition or the offset is negative
   */
  static void checkStreamOffset(String topology, String depotVar, int partition, long offset) {
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "stream offset of "
              + topology
              + " on "
              + depotVar
              + ": partition and offset must not be negative, got "
              + partition
              + " and "
              + offset);
    }
  }

  /**
   * Refuses a missing microbatch commit record (see {@link Batch#microbatch}).
   *
   * @param topology the microbatch topology
   * @param commit the record
   * @throws IllegalArgumentException if {@code commit} is null
   */
  static void checkMicrobatch(String topology, MicrobatchCommit commit) {
    if (commit == null) {
      throw new IllegalArgumentException("microbatch commit of " + topology + " is null");
    }
  }

  /**
   * Refuses a negative counter value (see {@link Batch#counter}).
   *
   * @param name the counter
   * @param value its new value
   * @throws IllegalArgumentException if {@code value} is negative
   */
  static void checkCounter(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("counter " + name + " must not be negative, got " + value);
    }
  }

  /**
   * Starts a batch of progress entries, applied together by its {@link Batch#commit}.
   *
   * @return an empty batch, used by one thread
   */
  Batch begin();

  /** Releases the store; its data stays where the implementation is durable. */
  @Override
  void close();

  /** Progress entries applied together, with the task's PState commits made since the last one. */
  interface Batch {
    /**
     * Records a stream source's offset.
     *
     * @param topology the stream topology
     * @param depotVar the source depot's var
     * @param partition the depot partition
     * @param offset the offset after the last record processed
     * @return this batch
     */
    Batch streamOffset(String topology, String depotVar, int partition, long offset);

    /**
     * Records a committed microbatch.
     *
     * @param topology the microbatch topology
     * @param commit its id and offset ranges
     * @return this batch
     */
    Batch microbatch(String topology, MicrobatchCommit commit);

    /**
     * Sets a named counter.
     *
     * @param name the counter
     * @param value its new value, not negative
     * @return this batch
     */
    Batch counter(String name, long value);

    /** Applies the entries (and, durably, the PState commits they cover) atomically. */
    void commit();
  }
}
