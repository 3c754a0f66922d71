package dev.deimos.impl.runtime;

import dev.deimos.Agg;
import dev.deimos.impl.dataflow.AckAggregator;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.module.OffsetAgo;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.DeimosFunction1;
import java.io.Serializable;
import java.util.Objects;

/** The one implementation of {@link StreamSourceOptions}. */
public final class SourceOptions implements StreamSourceOptions.Impl, Serializable {
  private static final long serialVersionUID = 1L;

  /** What happens to a record whose processing failed. */
  enum RetryMode {
    /** Retry just that record. */
    INDIVIDUAL,
    /** Retry it before any later record of its partition runs. */
    ALL_AFTER,
    /** Never retry. */
    NONE
  }

  /** Where a source starts on a depot partition the first time it meets it. */
  enum StartFrom {
    END,
    BEGINNING,
    RECORDS_AGO,
    TIME_AGO,
    TIMESTAMP
  }

  private RetryMode retryMode = RetryMode.INDIVIDUAL;
  private StartFrom startFrom = StartFrom.END;
  private long startAmount;
  private OffsetAgo startUnit;
  private AckAggregator ackAgg;
  private String sourceId;

  @Override
  public StreamSourceOptions.Impl retryAllAfter() {
    retryMode = RetryMode.ALL_AFTER;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl retryNone() {
    retryMode = RetryMode.NONE;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl startFromBeginning() {
    startFrom = StartFrom.BEGINNING;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl startFromOffsetAgo(long amt, OffsetAgo unit) {
    Objects.requireNonNull(unit, "unit");
    if (amt < 0) {
      throw new IllegalArgumentException("startFromOffsetAgo: amount must be >= 0, got " + amt);
    }
    startFrom = unit == OffsetAgo.RECORDS ? StartFrom.RECORDS_AGO : StartFrom.TIME_AGO;
    startAmount = amt;
    startUnit = unit;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl startFromOffsetAfterTimestamp(long millis) {
    startFrom = StartFrom.TIMESTAMP;
    startAmount = millis;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl ackReturnAgg(DeimosFunction1<Object, Agg> agg) {
    ackAgg = AckAggregator.of(Objects.requireNonNull(agg, "agg"));
    return this;
  }

  @Override
  public StreamSourceOptions.Impl ackReturnAgg(DeimosCombinerAgg<?> agg) {
    ackAgg = AckAggregator.of(Objects.requireNonNull(agg, "agg"));
    return this;
  }

  @Override
  public StreamSourceOptions.Impl ackReturnAgg(DeimosAccumulatorAgg1<?, ?> agg) {
    ackAgg = AckAggregator.of(Objects.requireNonNull(agg, "agg"));
    return this;
  }

  @Override
  public StreamSourceOptions.Impl sourceId(String id) {
    sourceId = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * Whether a failed record is retried: in the individual and all-after modes it is, with backoff,
   * until it succeeds or has been failing for {@code topology.stream.timeout.seconds} (see {@link
   * RecordRun}); retryNone never retries.
   */
  boolean retried() {
    return retryMode != RetryMode.NONE;
  }

  RetryMode retryMode() {
    return retryMode;
  }

  AckAggregator ackAggregator() {
    return ackAgg;
  }

  String sourceId() {
    return sourceId;
  }

  boolean fromBeginning() {
    return startFrom == StartFrom.BEGINNING;
  }

  /**
   * The offset this source starts at on a partition it meets for the first time.
   *
   * @param log the depot
   * @param partition the partition
   * @param now the current time in millis
   */
  long startOffset(DepotLog log, int partition, long now) {
    long end = log.endOffset(partition).join();
    switch (startFrom) {
      case BEGINNING:
        return 0;
      case RECORDS_AGO:
        return Math.max(0, end - startAmount);
      case TIMESTAMP:
        return Math.min(end, log.offsetAfterTimestamp(partition, startAmount).join());
      case TIME_AGO:
        return Math.min(
            end, log.offsetAfterTimestamp(partition, now - unitMillis() * startAmount).join());
      default:
        return end;
    }
  }

  private long unitMillis() {
    switch (startUnit) {
      case SECONDS:
        return 1000L;
      case MINUTES:
        return 60_000L;
      case HOURS:
        return 3_600_000L;
      default:
        return 86_400_000L;
    }
  }
}
