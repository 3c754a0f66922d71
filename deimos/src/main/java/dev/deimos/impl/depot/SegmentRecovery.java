package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a partition's segment files after a clean close or a crash: checks each file header, walks
 * the frames to rebuild the sparse index, and cuts off a torn tail.
 */
final class SegmentRecovery {
  /*
   * Telling a torn tail from damage to acknowledged data. The writer writes a batch of frames,
   * forces the file, acknowledges the batch, and only then writes the next batch, whose first
   * frame carries the batch-start bit. A crash can leave the last, unsynced batch in any state:
   * cut short, with zeros, or with some of its later pages on disk and earlier ones not (the
   * kernel writes pages back in any order). So a bad frame is a torn tail when no valid
   * batch-start frame follows it: everything from it on belongs to a batch that was never
   * acknowledged, and is cut off. A valid batch-start frame after the bad one proves the bad
   * frame's batch was synced (and maybe acknowledged) before, so that is corruption and an error.
   * Segments before the last were forced before the next was created, so any bad frame there is
   * corruption. Limit: damage inside the last synced batch, with nothing written after it, looks
   * exactly like a torn tail and is cut off; nothing on disk can tell the two apart.
   */
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

  static final class Recovered {
    final List<LogSegment> segments;
    final long endOffset;
    final long lastMillis;

    Recovered(List<LogSegment> segments, long endOffset, long lastMillis) {
      this.segments = segments;
      this.endOffset = endOffset;
      this.lastMillis = lastMillis;
    }
  }

  private SegmentRecovery() {}

  static Recovered open(Path dir, FileDepotLogOptions options) throws IOException {
    List<Long> bases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            long b = FrameFormat.parseSegmentName(f.getFileName().toString());
            if (b >= 0) {
              bases.add(b);
            }
          });
    }
    bases.sort(null);
    List<LogSegment> segments = new ArrayList<>();
    long lastMillis = Long.MIN_VALUE;
    long expected = -1;
    try {
      for (int i = 0; i < bases.size(); i++) {
        long base = bases.get(i);
        Path file = dir.resolve(FrameFormat.segmentName(base));
        boolean last = i == bases.size() - 1;
        if (expected >= 0 && base != expected) {
          throw new DepotLogCorruptException(
              file,
              expected,
              0,
              "segment starts at offset " + base + " but the one before ends at " + expected);
        }
        FileChannel ch = options.channelFactory().open(file, FileDepotLog.WRITE_OPTIONS);
        LogSegment seg;
        try {
          long size = ch.size();
          if (last && size < FrameFormat.FILE_HEADER_BYTES) {
            // the crash came while the segment was being created: nothing in it was acknowledged
            ch.close();
            LOG.warn("deleting {}: created but its header never reached the disk", file);
            Files.delete(file);
            if (expected < 0) {
              expected = base;
            }
            continue;
          }
          checkHeader(file, ch, base);
          seg = new LogSegment(file, base, ch, size);
          lastMillis = Math.max(lastMillis, scan(seg, last, options));
          // appends continue at the end (the writer writes at the channel's position)
          ch.position(seg.size);
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
        segments.add(seg);
        expected = base + seg.records;
      }
    } catch (IOException | RuntimeException e) {
      for (LogSegment s : segments) {
        s.close();
      }
      throw e;
    }
    long end = expected < 0 ? 0 : expected;
    return new Recovered(segments, end, lastMillis);
  }

  private static void checkHeader(Path file, FileChannel ch, long base) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(FrameFormat.FILE_HEADER_BYTES);
    while (h.hasRemaining() && ch.read(h, h.position()) >= 0) {
      // read the whole header
    }
    if (h.hasRemaining()) {
      throw new DepotLogCorruptException(file, -1, 0, "file shorter than its header");
    }
    int magic = h.getInt(0);
    if (magic != FrameFormat.MAGIC) {
      throw new DepotLogCorruptException(
          file, -1, 0, "not a depot log segment (magic 0x" + Integer.toHexString(magic) + ")");
    }
    int version = h.getInt(4);
    if (version != FrameFormat.VERSION) {
      throw new IOException(
          "depot log file "
              + file
              + " has format version "
              + version
              + ", this build reads only version "
              + FrameFormat.VERSION);
    }
    if (FrameFormat.crc(new CRC32C(), h.array(), 0, 16) != h.getInt(16)) {
      throw new DepotLogCorruptException(file, -1, 0, "file header CRC does not match");
    }
    if (h.getLong(8) != base) {
      throw new DepotLogCorruptException(
          file, -1, 8, "header says base offset " + h.getLong(8) + ", the name says " + base);
    }
  }

  /** Walks the frames, rebuilds the index, cuts a torn tail; returns the last append millis. */
  private static long scan(LogSegment seg, boolean last, FileDepotLogOptions options)
      throws IOException {
    FrameReader r =
        new FrameReader(
            seg.channel, seg.size, FrameFormat.FILE_HEADER_BYTES, seg.baseOffset, 1 << 20);
    long lastMillis = Long.MIN_VALUE;
    while (true) {
      FrameReader.Status st = r.next();
      if (st == FrameReader.Status.END) {
        break;
      }
      // payloads are checked in the last segment (where a tear can be) and on every read
      if (st == FrameReader.Status.FRAME && (!last || r.payloadValid())) {
        seg.maybeIndex(r.offset, r.position, r.millis, options.indexIntervalBytes());
        seg.records++;
        lastMillis = r.millis;
        continue;
      }
      String what = st == FrameReader.Status.FRAME ? "payload CRC does not match" : st.toString();
      if (!last) {
        throw new DepotLogCorruptException(
            seg.file, r.offset, r.position, what + " in a segment that was fully synced");
      }
      long later = laterBatchStart(seg, r.position + 1);
      if (later >= 0) {
        throw new DepotLogCorruptException(
            seg.file,
            r.offset,
            r.position,
            what + ", but a batch written after it was synced starts at byte " + later);
      }
      LOG.warn(
          "{}: cutting off an unsynced tail of {} bytes at byte {} (offset {}): {}",
          seg.file,
          seg.size - r.position,
          r.position,
          r.offset,
          what);
      seg.channel.truncate(r.position);
      seg.channel.force(true);
      seg.size = r.position;
      seg.durableSize = r.position;
      break;
    }
    return lastMillis;
  }

  /**
   * Returns the position of the first valid batch-start frame at or after {@code from}, or -1. Slow
   * (tries every byte) but it runs only when a bad frame was found.
   */
  private static long laterBatchStart(LogSegment seg, long from) throws IOException {
    CRC32C crc = new CRC32C();
    int chunk = 1 << 20;
    ByteBuffer b = ByteBuffer.allocate(chunk + FrameFormat.FRAME_HEADER_BYTES);
    for (long start = from; start + FrameFormat.FRAME_HEADER_BYTES <= seg.size; start += chunk) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), seg.size - start));
      while (b.hasRemaining() && seg.channel.read(b, start + b.position()) >= 0) {
        // fill the window
      }
      int n = b.position();
      for (int i = 0; i + FrameFormat.FRAME_HEADER_BYTES <= n && i < chunk; i++) {
        int lenFlags = b.getInt(i);
        if ((lenFlags & FrameFormat.BATCH_START) == 0
            || start + i + FrameFormat.FRAME_HEADER_BYTES + (lenFlags & FrameFormat.LENGTH_MASK)
                > seg.size
            || FrameFormat.crc(crc, b.array(), i, 12) != b.getInt(i + 12)) {
          continue;
        }
        FrameReader r =
            new FrameReader(seg.channel, seg.size, start + i, 0, FrameFormat.FRAME_HEADER_BYTES);
        if (r.next() == FrameReader.Status.FRAME && r.payloadValid()) {
          return start + i;
        }
      }
    }
    return -1;
  }
}
