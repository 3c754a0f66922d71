package dev.deimos.impl.runtime;

import dev.deimos.impl.depot.DepotLog;
import dev.deimos.module.MicrobatchSourceOptions;
import dev.deimos.module.OffsetAgo;
import java.io.Serializable;
import java.util.Objects;

/** The one implementation of {@link MicrobatchSourceOptions}. */
public final class MicrobatchOptions implements MicrobatchSourceOptions.Impl, Serializable {
  private static final long serialVersionUID = 1L;

  private enum Start {
    END,
    BEGINNING,
    RECORDS_AGO,
    AFTER_TIMESTAMP,
    TIME_AGO
  }

  private Start start = Start.END;
  private long amount;
  private OffsetAgo unit;
  private String sourceId;

  @Override
  public MicrobatchSourceOptions.Impl sourceId(String id) {
    this.sourceId = Objects.requireNonNull(id, "sourceId");
    return this;
  }

  @Override
  public MicrobatchSourceOptions.Impl startFromBeginning() {
    start = Start.BEGINNING;
    return this;
  }

  @Override
  public MicrobatchSourceOptions.Impl startFromOffsetAgo(long amt, OffsetAgo unit) {
    if (amt < 0) {
      throw new IllegalArgumentException("startFromOffsetAgo: amount must be >= 0, got " + amt);
    }
    this.unit = Objects.requireNonNull(unit, "unit");
    this.amount = amt;
    this.start = unit == OffsetAgo.RECORDS ? Start.RECORDS_AGO : Start.TIME_AGO;
    return this;
  }

  @Override
  public MicrobatchSourceOptions.Impl startFromOffsetAfterTimestamp(long millis) {
    start = Start.AFTER_TIMESTAMP;
    amount = millis;
    return this;
  }

  String sourceId() {
    return sourceId;
  }

  /**
   * The offset where a new subscription starts on one depot partition.
   *
   * @param log the depot
   * @param partition the partition
   * @param nowMillis the current time
   * @return the first offset to process
   */
  long startOffset(DepotLog log, int partition, long nowMillis) {
    long end = log.endOffset(partition).join();
    switch (start) {
      case BEGINNING:
        return 0;
      case RECORDS_AGO:
        return Math.max(0, end - amount);
      case AFTER_TIMESTAMP:
        return log.offsetAfterTimestamp(partition, amount).join();
      case TIME_AGO:
        return log.offsetAfterTimestamp(partition, nowMillis - millis(amount, unit)).join();
      default:
        return end;
    }
  }

  private static long millis(long amt, OffsetAgo unit) {
    switch (unit) {
      case SECONDS:
        return amt * 1000L;
      case MINUTES:
        return amt * 60_000L;
      case HOURS:
        return amt * 3_600_000L;
      default:
        return amt * 86_400_000L;
    }
  }
}
