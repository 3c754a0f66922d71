package dev.deimos.module;

/**
 * Units for {@link StreamSourceOptions#startFromOffsetAgo(long, OffsetAgo)}: a count of records, or
 * a span of time before the source first subscribes.
 */
public enum OffsetAgo {
  /** Start this many records before the end of each depot partition. */
  RECORDS,
  /** Start at the first record appended within this many seconds. */
  SECONDS,
  /** Start at the first record appended within this many minutes. */
  MINUTES,
  /** Start at the first record appended within this many hours. */
  HOURS,
  /** Start at the first record appended within this many days. */
  DAYS
}
