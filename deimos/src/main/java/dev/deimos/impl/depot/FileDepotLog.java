package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link DepotLog}: one append-only log per partition in segment files under one
 * directory, every record framed with its length, append time and CRC32C.
 *
 * <pre>
 * dir/depot.lock                              held (FileChannel.tryLock) while open
 * dir/partition-0/00000000000000000000.seg    segments named by base offset, so they sort
 * dir/partition-0/00000000000000052113.seg    the last one takes appends
 * </pre>
 *
 * <p><b>Durability.</b> An append's future completes only after its record is fsynced. Appends are
 * queued to one writer thread per log, which writes everything queued since its last pass and
 * forces each touched partition once (group commit), so concurrent appends share fsyncs. Reads see
 * only records that are durable. After a crash, {@link #open} keeps every acknowledged record and
 * cuts off the unsynced tail; damage to synced data is a {@link DepotLogCorruptException} naming
 * the file and offset, never a silent truncation.
 *
 * <p><b>Threading.</b> All methods are thread-safe. Futures of appends complete on the writer
 * thread, so callbacks chained with the non-async {@code then*} methods run there and delay other
 * appends: keep them short. Reads run on the calling thread (disk reads for old records, a small
 * cache of recent ones) and return completed futures.
 *
 * <p><b>Errors.</b> A failed write (a full disk) fails the pending appends with an {@link
 * IOException} naming the file and leaves the log usable: later appends succeed once there is room.
 * A failed fsync fences the partition until the log is reopened. Appends after {@link #close} fail
 * with {@link IllegalStateException}.
 */
public final class FileDepotLog implements DepotLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileDepotLog.class);

  static final Set<OpenOption> WRITE_OPTIONS =
      Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE);

  /** The name of the lock file in the log's directory. */
  public static final String LOCK_FILE = "depot.lock";

  private final String name;
  private final Path dir;
  private final PartitionLog[] partitions;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Thread writer;

  private final ReentrantLock queueLock = new ReentrantLock();
  private final Condition queued = queueLock.newCondition();
  private AppendBatch filling;
  private AppendBatch writing;
  private boolean writerWaiting;

  /** Appends queued so far; written under the queue lock, read by the spinning writer. */
  private volatile long appended;

  /** {@link #appended} when the writer last took a batch (writer thread). */
  private long written;

  private static final long SPIN_NANOS = 50_000;
  private volatile boolean closed;

  private FileDepotLog(
      String name,
      Path dir,
      PartitionLog[] partitions,
      FileChannel lockChannel,
      FileLock lock,
      FileDepotLogOptions options) {
    this.name = name;
    this.dir = dir;
    this.partitions = partitions;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.filling = new AppendBatch(partitions.length);
    this.writing = new AppendBatch(partitions.length);
    BatchWriter w = new BatchWriter(partitions, options);
    this.writer = new Thread(() -> runWriter(w), "deimos-depot-" + name + "-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Opens the log in {@code dir}, creating it if needed, and recovers it after a crash.
   *
   * @param depotName the depot's name, used in errors and the writer thread's name
   * @param dir the log's directory (one per depot)
   * @param numPartitions the partition count; must match the one the directory was created with
   * @param options settings
   * @return the open log
   * @throws IOException if the directory is locked by another open log (the message names the lock
   *     file), holds corrupt data ({@link DepotLogCorruptException}) or a file of an unknown format
   *     version, or cannot be read or written
   */
  public static FileDepotLog open(
      String depotName, Path dir, int numPartitions, FileDepotLogOptions options)
      throws IOException {
    if (numPartitions < 1) {
      throw new IllegalArgumentException(
          "depot " + depotName + ": partition count must be positive, got " + numPartitions);
    }
    Files.createDirectories(dir);
    Path lockFile = dir.resolve(LOCK_FILE);
    FileChannel lockChannel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException(
          "depot "
              + depotName
              + ": log directory "
              + dir
              + " is in use by another open log (lock file "
              + lockFile
              + " is held)");
    }
    List<PartitionLog> opened = new ArrayList<>();
    try {
      checkPartitionCount(depotName, dir, numPartitions);
      for (int p = 0; p < numPartitions; p++) {
        Path pdir = dir.resolve("partition-" + p);
        Files.createDirectories(pdir);
        SegmentRecovery.Recovered r = SegmentRecovery.open(pdir, options);
        List<LogSegment> segs = r.segments;
        if (segs.isEmpty()) {
          Path f = pdir.resolve(FrameFormat.segmentName(r.endOffset));
          segs = new ArrayList<>(segs);
          segs.add(BatchWriter.create(f, r.endOffset, options));
          BatchWriter.syncDirectory(dir);
        }
        opened.add(new PartitionLog(depotName, p, pdir, segs, r.endOffset, r.lastMillis, options));
      }
    } catch (IOException | RuntimeException e) {
      for (PartitionLog pl : opened) {
        pl.close();
      }
      lock.release();
      lockChannel.close();
      throw e;
    }
    LOG.debug("opened depot log {} in {} with {} partitions", depotName, dir, numPartitions);
    return new FileDepotLog(
        depotName, dir, opened.toArray(new PartitionLog[0]), lockChannel, lock, options);
  }

  private static void checkPartitionCount(String depot, Path dir, int n) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String s = f.getFileName().toString();
        if (s.startsWith("partition-")) {
          int p;
          try {
            p = Integer.parseInt(s.substring("partition-".length()));
          } catch (NumberFormatException e) {
            continue;
          }
          if (p >= n) {
            throw new IOException(
                "depot "
                    + depot
                    + ": "
                    + f
                    + " exists but the log was opened with "
                    + n
                    + " partitions");
          }
        }
      }
    }
  }

  /**
   * Returns the log's directory.
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  @Override
  public int numPartitions() {
    return partitions.length;
  }

  @Override
  public CompletableFuture<Long> append(int partition, byte[] record) {
    if (partition < 0 || partition >= partitions.length) {
      return CompletableFuture.failedFuture(noPartition(partition));
    }
    if (record.length > FrameFormat.MAX_RECORD_BYTES) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "depot "
                  + name
                  + ": a record of "
                  + record.length
                  + " bytes exceeds the limit of "
                  + FrameFormat.MAX_RECORD_BYTES));
    }
    CompletableFuture<Long> f = new CompletableFuture<>();
    queueLock.lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(closedError());
      }
      filling.add(partition, record, f);
      appended++;
      if (writerWaiting) {
        queued.signal();
      }
    } finally {
      queueLock.unlock();
    }
    return f;
  }

  private void runWriter(BatchWriter w) {
    while (true) {
      AppendBatch b;
      // a short spin before parking: a client waiting on its last fsync usually appends again
      // within microseconds, and a wake-up costs more than that on a busy machine
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (appended == written && !closed && System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      queueLock.lock();
      try {
        while (filling.size == 0 && !closed) {
          writerWaiting = true;
          queued.awaitUninterruptibly();
          writerWaiting = false;
        }
        if (filling.size == 0) {
          return;
        }
        written = appended;
        b = filling;
        filling = writing;
        writing = b;
      } finally {
        queueLock.unlock();
      }
      try {
        w.write(b);
      } catch (RuntimeException | Error e) {
        // a bug in the writer: fail what is pending rather than leave it hanging
        LOG.error("depot {} writer failed", name, e);
        for (int i = 0; i < b.size; i++) {
          b.futures[i].completeExceptionally(e);
        }
      }
      b.clear();
    }
  }

  @Override
  public CompletableFuture<byte[]> read(int partition, long offset) {
    try {
      return CompletableFuture.completedFuture(partition(partition).read(offset));
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<List<byte[]>> read(int partition, long from, long to) {
    try {
      return CompletableFuture.completedFuture(partition(partition).read(from, to));
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Long> endOffset(int partition) {
    try {
      return CompletableFuture.completedFuture(partition(partition).durableEnd);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Long> offsetAfterTimestamp(int partition, long millis) {
    try {
      return CompletableFuture.completedFuture(partition(partition).offsetAfterTimestamp(millis));
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Long> firstOffset(int partition) {
    try {
      return CompletableFuture.completedFuture(partition(partition).firstOffset());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Long> trim(int partition, long beforeOffset) {
    try {
      return CompletableFuture.completedFuture(partition(partition).trim(beforeOffset));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private PartitionLog partition(int p) {
    if (closed) {
      throw closedError();
    }
    if (p < 0 || p >= partitions.length) {
      throw noPartition(p);
    }
    return partitions[p];
  }

  private IndexOutOfBoundsException noPartition(int p) {
    return new IndexOutOfBoundsException(
        "depot " + name + " has no partition " + p + " (it has " + partitions.length + ")");
  }

  private IllegalStateException closedError() {
    return new IllegalStateException("depot log " + name + " in " + dir + " is closed");
  }

  /**
   * Waits for the appends already queued to be written and synced (their futures complete), then
   * closes the files and releases the directory's lock. Idempotent.
   */
  @Override
  public void close() {
    queueLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      queued.signal();
    } finally {
      queueLock.unlock();
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    for (PartitionLog pl : partitions) {
      pl.close();
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("releasing {} failed: {}", dir.resolve(LOCK_FILE), e.toString());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
