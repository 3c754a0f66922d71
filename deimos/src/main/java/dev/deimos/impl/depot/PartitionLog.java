package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition of a {@link FileDepotLog}: its segments (sorted by base offset, the last one taking
 * appends), the end offset readers may see, the cache of recent records, and the read paths.
 *
 * <p>Readers see only offsets below {@link #durableEnd}, which the writer raises after the fsync
 * and before it completes the appends' futures, so no read returns a record that is not durable.
 */
final class PartitionLog {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionLog.class);

  final String depot;
  final int partition;
  final Path dir;
  final RecordCache cache;
  private final int readChunkBytes;

  /** Copy-on-write; replaced under this object's monitor (roll, trim). */
  private volatile LogSegment[] segments;

  /** Records below this offset are durable and readable. */
  volatile long durableEnd;

  // writer-thread state
  long nextOffset;
  long lastMillis;
  IOException fenced;

  PartitionLog(
      String depot,
      int partition,
      Path dir,
      List<LogSegment> segments,
      long end,
      long lastMillis,
      FileDepotLogOptions options) {
    this.depot = depot;
    this.partition = partition;
    this.dir = dir;
    this.segments = segments.toArray(new LogSegment[0]);
    this.durableEnd = end;
    this.nextOffset = end;
    this.lastMillis = lastMillis;
    this.cache = new RecordCache(options.cacheRecords(), options.cacheBytes(), end);
    this.readChunkBytes = Math.max(8 << 10, options.indexIntervalBytes() + (4 << 10));
  }

  LogSegment active() {
    LogSegment[] s = segments;
    return s[s.length - 1];
  }

  synchronized void addSegment(LogSegment s) {
    LogSegment[] old = segments;
    LogSegment[] n = Arrays.copyOf(old, old.length + 1);
    n[old.length] = s;
    segments = n;
  }

  long firstOffset() {
    return segments[0].baseOffset;
  }

  byte[] read(long offset) throws IOException {
    long end = durableEnd;
    if (offset < 0 || offset >= end) {
      throw new IndexOutOfBoundsException(
          "depot "
              + depot
              + " partition "
              + partition
              + " has no offset "
              + offset
              + ", its end offset is "
              + end);
    }
    byte[] cached = cache.get(offset);
    if (cached != null) {
      return cached;
    }
    List<byte[]> out = new ArrayList<>(1);
    readDisk(offset, offset + 1, out, readChunkBytes);
    return out.get(0);
  }

  List<byte[]> read(long from, long to) throws IOException {
    long end = durableEnd;
    if (from < 0 || from > to || to > end) {
      throw new IndexOutOfBoundsException(
          "depot "
              + depot
              + " partition "
              + partition
              + " has no offsets ["
              + from
              + ", "
              + to
              + "), its end offset is "
              + end);
    }
    List<byte[]> out = new ArrayList<>((int) (to - from));
    long o = from;
    long diskEnd = Math.min(to, Math.max(from, cache.start()));
    if (diskEnd > o) {
      readDisk(o, diskEnd, out, 256 << 10);
      o = diskEnd;
    }
    for (; o < to; o++) {
      byte[] r = cache.get(o);
      if (r == null) {
        // evicted since we looked: the rest comes from disk
        readDisk(o, to, out, 256 << 10);
        break;
      }
      out.add(r);
    }
    return out;
  }

  /** Reads durable offsets {@code [from, to)} from the segment files into {@code out}. */
  private void readDisk(long from, long to, List<byte[]> out, int chunk) throws IOException {
    LogSegment[] segs = segments;
    int i = segmentIndex(segs, from);
    if (i < 0) {
      throw new TrimmedOffsetException(depot, partition, from, segs[0].baseOffset);
    }
    long o = from;
    try {
      for (; i < segs.length && o < to; i++) {
        LogSegment seg = segs[i];
        long segEnd = i + 1 < segs.length ? segs[i + 1].baseOffset : to;
        long stop = Math.min(to, segEnd);
        long[] floor = seg.floorByOffset(o);
        FrameReader r = new FrameReader(seg.channel, seg.channel.size(), floor[1], floor[0], chunk);
        while (true) {
          FrameReader.Status st = r.next();
          if (st != FrameReader.Status.FRAME) {
            throw new DepotLogCorruptException(
                seg.file, r.offset, r.position, "expected a durable record, found " + st);
          }
          if (r.offset < o) {
            continue;
          }
          byte[] p = r.payload();
          if (p == null) {
            throw new DepotLogCorruptException(
                seg.file, r.offset, r.position, "payload CRC does not match");
          }
          out.add(p);
          o++;
          if (o >= stop) {
            break;
          }
        }
      }
    } catch (ClosedChannelException e) {
      // a trim deleted the segment under this read
      long first = firstOffset();
      if (o < first) {
        throw new TrimmedOffsetException(depot, partition, o, first);
      }
      throw e;
    }
  }

  /** Index of the last segment whose base offset is at most {@code offset}, or -1. */
  private static int segmentIndex(LogSegment[] segs, long offset) {
    int lo = 0;
    int hi = segs.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (segs[mid].baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  long offsetAfterTimestamp(long millis) throws IOException {
    long end = durableEnd;
    LogSegment[] segs = segments;
    int pick = -1;
    for (int i = segs.length - 1; i >= 0; i--) {
      if (segs[i].firstTime() < millis) {
        pick = i;
        break;
      }
    }
    if (pick < 0) {
      return Math.min(segs[0].baseOffset, end);
    }
    LogSegment seg = segs[pick];
    long segEnd = pick + 1 < segs.length ? Math.min(segs[pick + 1].baseOffset, end) : end;
    long[] floor = seg.floorByTime(millis);
    if (floor[0] >= segEnd) {
      return segEnd;
    }
    FrameReader r =
        new FrameReader(seg.channel, seg.channel.size(), floor[1], floor[0], readChunkBytes);
    while (true) {
      FrameReader.Status st = r.next();
      if (r.offset >= segEnd) {
        return segEnd;
      }
      if (st != FrameReader.Status.FRAME) {
        throw new DepotLogCorruptException(
            seg.file, r.offset, r.position, "expected a durable record, found " + st);
      }
      if (r.millis >= millis) {
        return r.offset;
      }
    }
  }

  /** Deletes the segments entirely below {@code before} (never the active one). */
  synchronized long trim(long before) {
    LogSegment[] segs = segments;
    int k = 0;
    while (k < segs.length - 1 && segs[k + 1].baseOffset <= before) {
      k++;
    }
    if (k > 0) {
      segments = Arrays.copyOfRange(segs, k, segs.length);
      for (int j = 0; j < k; j++) {
        try {
          segs[j].close();
          Files.deleteIfExists(segs[j].file);
        } catch (IOException e) {
          // out of the log either way; a leftover file comes back on the next open, which only
          // keeps more than was asked
          LOG.warn("could not delete trimmed segment {}: {}", segs[j].file, e.toString());
        }
      }
    }
    return segments[0].baseOffset;
  }

  void close() {
    for (LogSegment s : segments) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.warn("closing {} failed: {}", s.file, e.toString());
      }
    }
  }
}
