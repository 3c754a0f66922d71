package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread's work for one batch: per partition, frame the records into one reused direct
 * buffer, write it to the active segment, force the segment once, then publish (raise the readable
 * end, fill the cache) and complete the appends' futures. One fsync per partition per batch is the
 * group commit: every append that arrived while the previous fsync ran shares the next one.
 *
 * <p>Failures. A failed write (a full disk) fails the appends not yet synced with an IOException
 * naming the file, truncates the segment back to its synced size and rewinds the offsets, so a
 * later batch may succeed once there is room again. A failed fsync leaves the file's state unknown
 * (the kernel may have dropped the dirty pages), so the partition is fenced: its later appends fail
 * until the log is reopened and recovery checks the file. Nothing acknowledged is touched either
 * way.
 */
final class BatchWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
  private static final EnumSet<StandardOpenOption> CREATE =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);

  private final PartitionLog[] partitions;
  private final FileDepotLogOptions options;
  private final ByteBuffer buf;
  private final CRC32C crc = new CRC32C();

  // the run: the appends of one partition written to one segment since the last publish
  private long runStartOffset;
  private long runStartMillis;
  private long runStartRecords;

  BatchWriter(PartitionLog[] partitions, FileDepotLogOptions options) {
    this.partitions = partitions;
    this.options = options;
    this.buf = ByteBuffer.allocateDirect(options.writeBufferBytes());
  }

  void write(AppendBatch b) {
    b.link();
    for (int p = 0; p < partitions.length; p++) {
      if (b.heads[p] >= 0) {
        writePartition(partitions[p], b, b.heads[p]);
      }
    }
  }

  private void writePartition(PartitionLog pl, AppendBatch b, int first) {
    if (pl.fenced != null) {
      fail(
          b,
          first,
          new IOException(
              "depot "
                  + pl.depot
                  + " partition "
                  + pl.partition
                  + " takes no appends after a failed fsync; reopen the log to recover",
              pl.fenced));
      return;
    }
    LogSegment seg = pl.active();
    int unpublished = first;
    String phase = "write to";
    startRun(pl, seg);
    buf.clear();
    boolean batchStart = true;
    long segmentBytes = options.segmentBytes();
    try {
      for (int i = first; i >= 0; i = b.next[i]) {
        byte[] rec = b.records[i];
        long pos = seg.size + buf.position();
        if (pos + FrameFormat.FRAME_HEADER_BYTES + rec.length > segmentBytes
            && pos > FrameFormat.FILE_HEADER_BYTES) {
          flush(seg);
          phase = "fsync of";
          sync(seg);
          publish(pl, b, unpublished, i);
          unpublished = i;
          startRun(pl, seg);
          phase = "creating the segment after";
          seg = roll(pl);
          phase = "write to";
          startRun(pl, seg);
          batchStart = true;
          pos = seg.size;
        }
        long offset = pl.nextOffset++;
        long now = options.clock().getAsLong();
        // kept non-decreasing even if the wall clock steps back, so time searches stay valid
        if (now < pl.lastMillis) {
          now = pl.lastMillis;
        }
        pl.lastMillis = now;
        seg.maybeIndex(offset, pos, now, options.indexIntervalBytes());
        seg.records++;
        b.offsets[i] = offset;
        putFrame(seg, rec, now, batchStart);
        batchStart = false;
      }
      flush(seg);
      phase = "fsync of";
      sync(seg);
      publish(pl, b, unpublished, -1);
    } catch (IOException | RuntimeException e) {
      onFailure(pl, seg, b, unpublished, phase, e);
    }
  }

  private void putFrame(LogSegment seg, byte[] rec, long now, boolean batchStart)
      throws IOException {
    if (buf.remaining() < FrameFormat.FRAME_HEADER_BYTES) {
      flush(seg);
    }
    int at = buf.position();
    buf.putInt(rec.length | (batchStart ? FrameFormat.BATCH_START : 0)).putLong(now);
    buf.putInt(FrameFormat.crc(crc, buf, at, 12));
    buf.putInt(FrameFormat.crc(crc, rec, 0, rec.length));
    if (rec.length > buf.remaining()) {
      flush(seg);
    }
    if (rec.length <= buf.remaining()) {
      buf.put(rec);
    } else {
      // larger than the whole buffer: written from the array (the JDK copies it once)
      writeFully(seg, ByteBuffer.wrap(rec));
    }
  }

  private void startRun(PartitionLog pl, LogSegment seg) {
    runStartOffset = pl.nextOffset;
    runStartMillis = pl.lastMillis;
    runStartRecords = seg.records;
  }

  private void flush(LogSegment seg) throws IOException {
    buf.flip();
    writeFully(seg, buf);
    buf.clear();
  }

  private static void writeFully(LogSegment seg, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      seg.size += seg.channel.write(src);
    }
  }

  private static void sync(LogSegment seg) throws IOException {
    // data only (fdatasync): the size change a reader needs is flushed with it
    seg.channel.force(false);
    seg.durableSize = seg.size;
  }

  /** Makes the run's records readable and completes their futures (entries from..stopBefore). */
  private static void publish(PartitionLog pl, AppendBatch b, int from, int stopBefore) {
    for (int i = from; i != stopBefore; i = b.next[i]) {
      pl.cache.add(b.offsets[i], b.records[i]);
    }
    pl.durableEnd = pl.nextOffset;
    for (int i = from; i != stopBefore; i = b.next[i]) {
      b.futures[i].complete(b.offsets[i]);
    }
  }

  private static void fail(AppendBatch b, int from, Throwable error) {
    for (int i = from; i >= 0; i = b.next[i]) {
      b.futures[i].completeExceptionally(error);
    }
  }

  private void onFailure(
      PartitionLog pl, LogSegment seg, AppendBatch b, int from, String phase, Exception e) {
    int n = 0;
    for (int i = from; i >= 0; i = b.next[i]) {
      n++;
    }
    boolean fence = phase.startsWith("fsync");
    if (!fence) {
      // nothing past the synced size was acknowledged: cut it off and rewind
      try {
        seg.channel.truncate(seg.durableSize);
        seg.size = seg.durableSize;
        seg.records = runStartRecords;
        seg.truncateIndex(runStartOffset);
        pl.nextOffset = runStartOffset;
        pl.lastMillis = runStartMillis;
      } catch (IOException | RuntimeException t) {
        e.addSuppressed(t);
        fence = true;
      }
    }
    IOException err =
        new IOException(
            "depot "
                + pl.depot
                + " partition "
                + pl.partition
                + ": "
                + phase
                + " "
                + seg.file
                + " failed ("
                + e
                + "); "
                + n
                + " appends were not stored"
                + (fence ? "; the partition takes no more appends until the log is reopened" : ""),
            e);
    if (fence) {
      pl.fenced = err;
    }
    LOG.error(err.getMessage());
    fail(b, from, err);
  }

  /** Starts a new segment at the partition's next offset; the header is synced before use. */
  private LogSegment roll(PartitionLog pl) throws IOException {
    long base = pl.nextOffset;
    Path f = pl.dir.resolve(FrameFormat.segmentName(base));
    LogSegment s = create(f, base, options);
    pl.addSegment(s);
    return s;
  }

  static LogSegment create(Path f, long base, FileDepotLogOptions options) throws IOException {
    FileChannel ch = options.channelFactory().open(f, CREATE);
    try {
      ByteBuffer h = FrameFormat.fileHeader(base);
      while (h.hasRemaining()) {
        ch.write(h);
      }
      ch.force(true);
      syncDirectory(f.getParent());
    } catch (IOException | RuntimeException e) {
      ch.close();
      Files.deleteIfExists(f);
      throw e;
    }
    return new LogSegment(f, base, ch, FrameFormat.FILE_HEADER_BYTES);
  }

  /** Makes a new file's directory entry durable (Linux allows fsync on a directory). */
  static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("fsync of directory {} not supported here: {}", dir, e.toString());
    }
  }
}
