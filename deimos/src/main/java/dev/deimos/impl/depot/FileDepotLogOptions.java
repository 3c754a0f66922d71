package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Settings of a {@link FileDepotLog}; immutable, each {@code with*} returns a copy. The defaults
 * suit a single node: 64 MiB segments, a sparse index entry every 16 KiB, 1,024 records or 1 MiB of
 * recent records cached per partition, a 1 MiB write buffer.
 */
public final class FileDepotLogOptions {
  /** Opens segment files; tests pass one that injects faults (a full disk, a failing fsync). */
  @FunctionalInterface
  public interface ChannelFactory {
    /**
     * Opens a file.
     *
     * @param file the file
     * @param options how to open it
     * @return the open channel
     * @throws IOException if it cannot be opened
     */
    FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException;
  }

  private final long segmentBytes;
  private final int indexIntervalBytes;
  private final int cacheRecords;
  private final long cacheBytes;
  private final int writeBufferBytes;
  private final ChannelFactory channelFactory;
  private final LongSupplier clock;

  private FileDepotLogOptions(
      long segmentBytes,
      int indexIntervalBytes,
      int cacheRecords,
      long cacheBytes,
      int writeBufferBytes,
      ChannelFactory channelFactory,
      LongSupplier clock) {
    this.segmentBytes = segmentBytes;
    this.indexIntervalBytes = indexIntervalBytes;
    this.cacheRecords = cacheRecords;
    this.cacheBytes = cacheBytes;
    this.writeBufferBytes = writeBufferBytes;
    this.channelFactory = channelFactory;
    this.clock = clock;
  }

  /**
   * Returns the default settings.
   *
   * @return the defaults
   */
  public static FileDepotLogOptions defaults() {
    return new FileDepotLogOptions(
        64L << 20, 16 << 10, 1024, 1 << 20, 1 << 20, FileChannel::open, System::currentTimeMillis);
  }

  /**
   * Sets the size at which a segment is closed and a new one started (a record larger than this
   * gets a segment of its own).
   *
   * @param bytes at least 1 KiB
   * @return a copy with the setting
   */
  public FileDepotLogOptions withSegmentBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("segment size must be at least 1024 bytes, got " + bytes);
    }
    return new FileDepotLogOptions(
        bytes,
        indexIntervalBytes,
        cacheRecords,
        cacheBytes,
        writeBufferBytes,
        channelFactory,
        clock);
  }

  /**
   * Sets how many bytes of frames lie at most between two sparse index entries (what a read by
   * offset scans at most).
   *
   * @param bytes at least 1
   * @return a copy with the setting
   */
  public FileDepotLogOptions withIndexIntervalBytes(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("index interval must be positive, got " + bytes);
    }
    return new FileDepotLogOptions(
        segmentBytes, bytes, cacheRecords, cacheBytes, writeBufferBytes, channelFactory, clock);
  }

  /**
   * Sets the bounds of the per-partition cache of recent records.
   *
   * @param records at most this many records (at least 1)
   * @param bytes at most this many payload bytes (0 disables the cache)
   * @return a copy with the setting
   */
  public FileDepotLogOptions withCache(int records, long bytes) {
    if (records < 1 || bytes < 0) {
      throw new IllegalArgumentException(
          "cache bounds must be records >= 1 and bytes >= 0, got " + records + ", " + bytes);
    }
    return new FileDepotLogOptions(
        segmentBytes, indexIntervalBytes, records, bytes, writeBufferBytes, channelFactory, clock);
  }

  /**
   * Sets the size of the writer's direct buffer (frames are written in chunks of this size).
   *
   * @param bytes at least 64
   * @return a copy with the setting
   */
  public FileDepotLogOptions withWriteBufferBytes(int bytes) {
    if (bytes < 64) {
      throw new IllegalArgumentException("write buffer must be at least 64 bytes, got " + bytes);
    }
    return new FileDepotLogOptions(
        segmentBytes, indexIntervalBytes, cacheRecords, cacheBytes, bytes, channelFactory, clock);
  }

  /**
   * Sets how segment files are opened.
   *
   * @param factory the factory
   * @return a copy with the setting
   */
  public FileDepotLogOptions withChannelFactory(ChannelFactory factory) {
    return new FileDepotLogOptions(
        segmentBytes,
        indexIntervalBytes,
        cacheRecords,
        cacheBytes,
        writeBufferBytes,
        java.util.Objects.requireNonNull(factory, "factory"),
        clock);
  }

  /**
   * Sets the clock that stamps appends (milliseconds since the epoch).
   *
   * @param millis the clock
   * @return a copy with the setting
   */
  public FileDepotLogOptions withClock(LongSupplier millis) {
    return new FileDepotLogOptions(
        segmentBytes,
        indexIntervalBytes,
        cacheRecords,
        cacheBytes,
        writeBufferBytes,
        channelFactory,
        java.util.Objects.requireNonNull(millis, "millis"));
  }

  long segmentBytes() {
    return segmentBytes;
  }

  int indexIntervalBytes() {
    return indexIntervalBytes;
  }

  int cacheRecords() {
    return cacheRecords;
  }

  long cacheBytes() {
    return cacheBytes;
  }

  int writeBufferBytes() {
    return writeBufferBytes;
  }

  ChannelFactory channelFactory() {
    return channelFactory;
  }

  LongSupplier clock() {
    return clock;
  }
}
