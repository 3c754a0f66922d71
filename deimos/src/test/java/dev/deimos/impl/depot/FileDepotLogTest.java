package dev.deimos.impl.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDepotLogTest {
  @TempDir Path dir;

  private static final FileDepotLogOptions SMALL =
      FileDepotLogOptions.defaults()
          .withSegmentBytes(4096)
          .withIndexIntervalBytes(256)
          .withCache(8, 1 << 20)
          .withWriteBufferBytes(512);

  private static byte[] rec(int i) {
    return ("record-" + i + "-" + "x".repeat(i % 37)).getBytes(StandardCharsets.UTF_8);
  }

  private FileDepotLog open(FileDepotLogOptions o) throws IOException {
    return FileDepotLog.open("d", dir, 2, o);
  }

  private static void appendAll(DepotLog log, int partition, int from, int to) {
    List<CompletableFuture<Long>> fs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      fs.add(log.append(partition, rec(i)));
    }
    for (int i = from; i < to; i++) {
      assertThat(fs.get(i - from).join()).isEqualTo(i);
    }
  }

  private static void assertRecords(DepotLog log, int partition, int from, int to) {
    List<byte[]> all = log.read(partition, from, to).join();
    for (int i = from; i < to; i++) {
      assertThat(all.get(i - from)).as("offset %d", i).isEqualTo(rec(i));
      assertThat(log.read(partition, i).join()).as("offset %d", i).isEqualTo(rec(i));
    }
  }

  private List<Path> segments(int partition) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("partition-" + partition))) {
      return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
  }

  @Test
  void reopen_afterClose_keepsEveryRecord_andContinuesOffsets() throws Exception {
    try (FileDepotLog log = open(SMALL)) {
      appendAll(log, 0, 0, 300);
      appendAll(log, 1, 0, 3);
    }
    try (FileDepotLog log = open(SMALL)) {
      assertThat(log.endOffset(0).join()).isEqualTo(300);
      assertRecords(log, 0, 0, 300);
      appendAll(log, 0, 300, 310);
      assertRecords(log, 0, 290, 310);
      assertRecords(log, 1, 0, 3);
    }
  }

  @Test
  void append_pastSegmentSize_rollsToSegmentsNamedByBaseOffset() throws Exception {
    try (FileDepotLog log = open(SMALL)) {
      appendAll(log, 0, 0, 400);
      List<Path> segs = segments(0);
      assertThat(segs.size()).isGreaterThan(4);
      assertThat(segs.get(0).getFileName().toString()).isEqualTo("00000000000000000000.seg");
      for (Path p : segs) {
        assertThat(Files.size(p)).isLessThanOrEqualTo(4096);
      }
      // a record bigger than a segment gets a segment of its own
      byte[] big = new byte[10_000];
      big[9_999] = 7;
      assertThat(log.append(0, big).join()).isEqualTo(400);
      assertThat(log.read(0, 400).join()).isEqualTo(big);
    }
  }

  @Test
  void trim_deletesWholeSegmentsBelowOffset_andTrimmedReadsNameTheOffset() throws Exception {
    try (FileDepotLog log = open(SMALL)) {
      appendAll(log, 0, 0, 400);
      int before = segments(0).size();
      long first = log.trim(0, 200).join();
      assertThat(first).isLessThanOrEqualTo(200).isGreaterThan(0);
      assertThat(log.firstOffset(0).join()).isEqualTo(first);
      assertThat(segments(0).size()).isLessThan(before);
      assertThat(segments(0).get(0).getFileName().toString())
          .isEqualTo(FrameFormat.segmentName(first));
      assertRecords(log, 0, (int) first, 400);
      assertThatThrownBy(() -> log.read(0, first - 1).join())
          .hasCauseInstanceOf(TrimmedOffsetException.class)
          .hasMessageContaining("depot d partition 0: offset " + (first - 1) + " was trimmed");
      // the active segment is never deleted
      assertThat(log.trim(0, Long.MAX_VALUE).join()).isLessThanOrEqualTo(400);
      assertThat(segments(0)).isNotEmpty();
      appendAll(log, 0, 400, 410);
    }
    try (FileDepotLog log = open(SMALL)) {
      long first = log.firstOffset(0).join();
      assertThat(first).isGreaterThan(200);
      assertRecords(log, 0, (int) first, 410);
    }
  }

  @Test
  void secondOpen_ofSameDirectory_failsNamingTheLockFile() throws Exception {
    try (FileDepotLog log = open(SMALL)) {
      assertThatThrownBy(() -> open(SMALL))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(dir.resolve("depot.lock").toString());
    }
    open(SMALL).close();
  }

  @Test
  void open_withFewerPartitionsThanOnDisk_failsNamingTheDirectory() throws Exception {
    open(SMALL).close();
    assertThatThrownBy(() -> FileDepotLog.open("d", dir, 1, SMALL))
        .hasMessageContaining("partition-1");
  }

  @Test
  void open_onUnknownFormatVersion_failsNamingTheFile() throws Exception {
    try (FileDepotLog log = open(SMALL)) {
      appendAll(log, 0, 0, 3);
    }
    Path seg = segments(0).get(0);
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).putInt(0, 99), 4);
    }
    assertThatThrownBy(() -> open(SMALL))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(seg.toString())
        .hasMessageContaining("version 99");
    // and the failed open released the lock
    Files.delete(seg);
    open(SMALL).close();
  }

  @Test
  void open_afterTailCutMidFrame_dropsOnlyTheTornRecord() throws Exception {
    try (FileDepotLog log = open(SMALL.withSegmentBytes(1 << 20))) {
      appendAll(log, 0, 0, 50);
    }
    Path seg = segments(0).get(0);
    long size = Files.size(seg);
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(size - 5);
    }
    try (FileDepotLog log = open(SMALL)) {
      assertThat(log.endOffset(0).join()).isEqualTo(49);
      assertRecords(log, 0, 0, 49);
      assertThat(log.append(0, rec(49)).join()).isEqualTo(49);
    }
    try (FileDepotLog log = open(SMALL)) {
      assertRecords(log, 0, 0, 50);
    }
  }

  @Test
  void open_afterFlippedByteInLastFrame_cutsTheUnsyncedTail() throws Exception {
    try (FileDepotLog log = open(SMALL.withSegmentBytes(1 << 20))) {
      appendAll(log, 0, 0, 50);
    }
    Path seg = segments(0).get(0);
    flip(seg, Files.size(seg) - 3);
    try (FileDepotLog log = open(SMALL)) {
      assertThat(log.endOffset(0).join()).isEqualTo(49);
      assertRecords(log, 0, 0, 49);
    }
  }

  @Test
  void open_afterFlippedByteMidLog_failsNamingFileAndOffset_insteadOfTruncating() throws Exception {
    // each synchronous append is its own batch, so later batches follow the damaged frame
    try (FileDepotLog log = open(SMALL.withSegmentBytes(1 << 20))) {
      for (int i = 0; i < 50; i++) {
        assertThat(log.append(0, rec(i)).join()).isEqualTo(i);
      }
    }
    Path seg = segments(0).get(0);
    long pos = FrameFormat.FILE_HEADER_BYTES;
    for (int i = 0; i < 20; i++) {
      pos += FrameFormat.FRAME_HEADER_BYTES + rec(i).length;
    }
    flip(seg, pos + FrameFormat.FRAME_HEADER_BYTES + 2); // payload of offset 20
    assertThatThrownBy(() -> open(SMALL))
        .isInstanceOf(DepotLogCorruptException.class)
        .hasMessageContaining(seg.toString())
        .hasMessageContaining("record offset 20");
    assertThat(Files.size(seg)).isGreaterThan(pos);
  }

  @Test
  void read_ofDamagedRecordInOlderSegment_failsNamingFileAndOffset() throws Exception {
    try (FileDepotLog log = open(SMALL.withCache(1, 0))) {
      appendAll(log, 0, 0, 400);
    }
    Path seg = segments(0).get(0);
    long pos = FrameFormat.FILE_HEADER_BYTES + FrameFormat.FRAME_HEADER_BYTES + 1;
    flip(seg, pos); // payload of offset 0: header CRCs still hold, so open succeeds
    try (FileDepotLog log = open(SMALL.withCache(1, 0))) {
      assertThatThrownBy(() -> log.read(0, 0).join())
          .hasCauseInstanceOf(DepotLogCorruptException.class)
          .hasMessageContaining(seg.toString())
          .hasMessageContaining("record offset 0");
      assertRecords(log, 0, 1, 400);
    }
  }

  @Test
  void fullDisk_failsPendingAppendsNamingTheFile_keepsAcknowledged_andRecoversWithRoom()
      throws Exception {
    AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    AtomicBoolean failForce = new AtomicBoolean();
    FileDepotLogOptions o =
        SMALL.withChannelFactory(
            (f, opts) -> new FaultyChannel(FileChannel.open(f, opts), budget, failForce));
    try (FileDepotLog log = open(o)) {
      appendAll(log, 0, 0, 20);
      budget.set(100); // room for about two frames
      List<CompletableFuture<Long>> fs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        fs.add(log.append(0, rec(100 + i)));
      }
      int failed = 0;
      long ok = 20;
      for (CompletableFuture<Long> f : fs) {
        try {
          assertThat(f.join()).isEqualTo(ok++);
        } catch (CompletionException e) {
          failed++;
          assertThat(e.getCause())
              .isInstanceOf(IOException.class)
              .hasMessageContaining(dir.resolve("partition-0").toString())
              .hasMessageContaining("No space left on device");
        }
      }
      assertThat(failed).isPositive();
      long end = log.endOffset(0).join();
      assertThat(end).isEqualTo(ok);
      assertRecords(log, 0, 0, 20);
      // still full: later appends keep failing clearly
      assertThatThrownBy(() -> log.append(0, rec(0)).join()).hasCauseInstanceOf(IOException.class);
      budget.set(Long.MAX_VALUE);
      assertThat(log.append(0, rec(5)).join()).isEqualTo(end);
    }
    try (FileDepotLog log = open(SMALL)) {
      assertRecords(log, 0, 0, 20);
    }
  }

  @Test
  void failedFsync_fencesThePartition_untilReopen() throws Exception {
    AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    AtomicBoolean failForce = new AtomicBoolean();
    FileDepotLogOptions o =
        SMALL.withChannelFactory(
            (f, opts) -> new FaultyChannel(FileChannel.open(f, opts), budget, failForce));
    try (FileDepotLog log = open(o)) {
      appendAll(log, 0, 0, 5);
      failForce.set(true);
      assertThatThrownBy(() -> log.append(0, rec(5)).join())
          .hasCauseInstanceOf(IOException.class)
          .hasMessageContaining("fsync of");
      failForce.set(false);
      assertThatThrownBy(() -> log.append(0, rec(5)).join()).hasMessageContaining("reopen the log");
      assertThat(log.endOffset(0).join()).isEqualTo(5);
      assertThat(log.append(1, rec(0)).join()).isZero();
    }
    try (FileDepotLog log = open(SMALL)) {
      assertRecords(log, 0, 0, 5);
    }
  }

  @Test
  void offsetAfterTimestamp_acrossSegments_usesTheInjectedClock() throws Exception {
    AtomicLong clock = new AtomicLong(1000);
    FileDepotLogOptions o = SMALL.withClock(clock::get);
    try (FileDepotLog log = open(o)) {
      for (int i = 0; i < 300; i++) {
        clock.set(1000 + 10L * i);
        assertThat(log.append(0, rec(i)).join()).isEqualTo(i);
      }
      clock.set(0); // a clock stepping back does not break the order
      assertThat(log.append(0, rec(300)).join()).isEqualTo(300);
    }
    try (FileDepotLog log = open(o)) {
      assertThat(log.offsetAfterTimestamp(0, 0).join()).isZero();
      assertThat(log.offsetAfterTimestamp(0, 1000).join()).isZero();
      assertThat(log.offsetAfterTimestamp(0, 1001).join()).isEqualTo(1);
      assertThat(log.offsetAfterTimestamp(0, 1000 + 10 * 157).join()).isEqualTo(157);
      assertThat(log.offsetAfterTimestamp(0, 1000 + 10 * 157 - 3).join()).isEqualTo(157);
      assertThat(log.offsetAfterTimestamp(0, 1000 + 10 * 299 + 1).join()).isEqualTo(301);
    }
  }

  @Test
  void append_afterClose_failsNamingTheLog() throws Exception {
    FileDepotLog log = open(SMALL);
    log.close();
    assertThatThrownBy(() -> log.append(0, rec(0)).join())
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> log.read(0, 0).join()).hasCauseInstanceOf(IllegalStateException.class);
  }

  private static void flip(Path file, long pos) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, pos);
      b.put(0, (byte) (b.get(0) ^ 0x5A));
      ch.write(b.rewind(), pos);
    }
  }
}
