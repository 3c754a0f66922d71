package dev.deimos.impl.depot;

import java.util.function.LongConsumer;

/**
 * A capability of depot logs that store a record synchronously on the appending thread (memory):
 * the runtime then appends on the client's thread and queues the record's processing under the
 * partition's lock, and microbatches may share immutable values kept from the append instead of
 * decoding. Logs without it (disk) are appended to on the task thread through {@link
 * DepotLog#append}. Found once per log with {@link #of}.
 */
public interface InlineAppendLog extends DepotLog {
  /**
   * Appends now and runs {@code then} with the offset while still holding the partition's lock.
   *
   * @param partition the partition
   * @param record the serialized record
   * @param value the record's value when it is immutable and may be shared, else null
   * @param then run with the offset under the partition's lock, or null
   * @return the record's offset
   */
  long appendNow(int partition, byte[] record, Object value, LongConsumer then);

  /**
   * The values shared at append for offsets [from, to) of a partition (null where a record must be
   * decoded), or null when none was shared.
   *
   * @param partition the partition
   * @param from the first offset
   * @param to the end offset, exclusive; within the partition
   * @return the values by offset from {@code from}, or null
   */
  Object[] sharedValues(int partition, long from, long to);

  /**
   * Returns the log's inline capability, or null if it has none.
   *
   * @param log any depot log
   * @return the log as an inline log, or null
   */
  static InlineAppendLog of(DepotLog log) {
    return log instanceof InlineAppendLog ? (InlineAppendLog) log : null;
  }
}
