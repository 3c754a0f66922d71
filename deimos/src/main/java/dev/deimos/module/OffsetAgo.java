package dev.deimos.module;

/**
 * The unit of {@link StreamSourceOptions#startFromOffsetAgo(long, OffsetAgo)} and {@link
 * MicrobatchSourceOptions#startFromOffsetAgo(long, OffsetAgo)}: a count of records, or a span of
 * time back from when the source first meets the depot.
 */
public enum OffsetAgo {
  /** Start this many records before the end of each depot partition. */
  RECORDS,
  /** Start at the first record appended at most this many seconds ago. */
  SECONDS,
  /** Start at the first record appended at most this many minutes ago. */
  MINUTES,
  /** Start at the first record appended at most this many hours ago. */
  HOURS,
  /** Start at the first record appended at most this many days ago. */
  DAYS
}
