package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One segment file of a partition: its channel, the base offset its name carries, and a sparse
 * in-memory index (offset, byte position, append millis) with an entry at the segment's first frame
 * and then at least every {@code indexIntervalBytes}. The index is rebuilt on open.
 *
 * <p>Threading: the log's writer thread appends and owns {@link #size}, {@link #durableSize} and
 * {@link #records}; readers use the index under this object's monitor and read the channel with
 * positional reads, which never move the writer's position.
 */
final class LogSegment {
  final Path file;
  final long baseOffset;
  final FileChannel channel;

  /** Bytes written (writer thread). */
  long size;

  /** Bytes known synced (writer thread); a failed write truncates back to it. */
  long durableSize;

  /** Records in the segment (writer thread, or recovery). */
  long records;

  private long lastIndexedPosition = -1;
  private long[] indexOffsets = new long[8];
  private long[] indexPositions = new long[8];
  private long[] indexTimes = new long[8];
  private int indexCount;

  LogSegment(Path file, long baseOffset, FileChannel channel, long size) {
    this.file = file;
    this.baseOffset = baseOffset;
    this.channel = channel;
    this.size = size;
    this.durableSize = size;
  }

  /** Adds an index entry if the frame at {@code position} is far enough from the last one. */
  synchronized void maybeIndex(long offset, long position, long millis, int intervalBytes) {
    if (lastIndexedPosition >= 0 && position - lastIndexedPosition < intervalBytes) {
      return;
    }
    if (indexCount == indexOffsets.length) {
      int n = indexCount * 2;
      indexOffsets = Arrays.copyOf(indexOffsets, n);
      indexPositions = Arrays.copyOf(indexPositions, n);
      indexTimes = Arrays.copyOf(indexTimes, n);
    }
    indexOffsets[indexCount] = offset;
    indexPositions[indexCount] = position;
    indexTimes[indexCount] = millis;
    indexCount++;
    lastIndexedPosition = position;
  }

  /** Drops index entries at or above {@code offset} (after a failed write). */
  synchronized void truncateIndex(long offset) {
    while (indexCount > 0 && indexOffsets[indexCount - 1] >= offset) {
      indexCount--;
    }
    lastIndexedPosition = indexCount == 0 ? -1 : indexPositions[indexCount - 1];
  }

  /**
   * Returns {offset, position} of the last index entry at or below {@code offset}, or the first
   * frame when there is none.
   */
  synchronized long[] floorByOffset(long offset) {
    int lo = 0;
    int hi = indexCount - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (indexOffsets[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0
        ? new long[] {baseOffset, FrameFormat.FILE_HEADER_BYTES}
        : new long[] {indexOffsets[found], indexPositions[found]};
  }

  /**
   * Returns {offset, position} of the last index entry whose append time is below {@code millis}
   * (times are non-decreasing), or the first frame when there is none.
   */
  synchronized long[] floorByTime(long millis) {
    int lo = 0;
    int hi = indexCount - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (indexTimes[mid] < millis) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0
        ? new long[] {baseOffset, FrameFormat.FILE_HEADER_BYTES}
        : new long[] {indexOffsets[found], indexPositions[found]};
  }

  /** Append time of the first record, or {@code Long.MAX_VALUE} for an empty segment. */
  synchronized long firstTime() {
    return indexCount == 0 ? Long.MAX_VALUE : indexTimes[0];
  }

  synchronized int indexEntries() {
    return indexCount;
  }

  void close() throws IOException {
    channel.close();
  }
}
