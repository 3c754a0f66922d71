package dev.deimos.impl.storage;

import dev.deimos.impl.depot.FileDepotLogOptions;

/** Settings of a {@link DiskStorageFactory}. Immutable; each {@code with} method returns a copy. */
public final class DiskStorageOptions {
  private final boolean syncCommits;
  private final int maxPendingRows;
  private final long writeBufferBytes;
  private final long blockCacheBytes;
  private final FileDepotLogOptions depotLog;

  private DiskStorageOptions(
      boolean syncCommits,
      int maxPendingRows,
      long writeBufferBytes,
      long blockCacheBytes,
      FileDepotLogOptions depotLog) {
    this.syncCommits = syncCommits;
    this.maxPendingRows = maxPendingRows;
    this.writeBufferBytes = writeBufferBytes;
    this.blockCacheBytes = blockCacheBytes;
    this.depotLog = depotLog;
  }

  /**
   * The defaults: progress commits synced to the WAL, 4096 pending rows per task, 16 MB memtables,
   * a 64 MB block cache shared by every task, default depot log settings.
   *
   * @return the defaults
   */
  public static DiskStorageOptions defaults() {
    return new DiskStorageOptions(true, 4096, 16L << 20, 64L << 20, FileDepotLogOptions.defaults());
  }

  /**
   * Whether a progress commit waits until RocksDB's WAL is on the disk (true by default). Off, a
   * commit survives a process crash but may be lost with the machine.
   *
   * @param sync whether to sync
   * @return a copy with the setting
   */
  public DiskStorageOptions withSyncCommits(boolean sync) {
    return new DiskStorageOptions(
        sync, maxPendingRows, writeBufferBytes, blockCacheBytes, depotLog);
  }

  /**
   * Most PState rows a task keeps committed in memory without a progress commit; beyond that they
   * are written on their own at the next commit (a restart replays the records after the last
   * progress commit on top of them).
   *
   * @param rows the limit, positive
   * @return a copy with the setting
   */
  public DiskStorageOptions withMaxPendingRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("max pending rows must be positive, got " + rows);
    }
    return new DiskStorageOptions(syncCommits, rows, writeBufferBytes, blockCacheBytes, depotLog);
  }

  /**
   * RocksDB memtable size per PState and task.
   *
   * @param bytes the size, at least 64 KB
   * @return a copy with the setting
   */
  public DiskStorageOptions withWriteBufferBytes(long bytes) {
    if (bytes < 64 << 10) {
      throw new IllegalArgumentException("write buffer must be at least 64 KB, got " + bytes);
    }
    return new DiskStorageOptions(syncCommits, maxPendingRows, bytes, blockCacheBytes, depotLog);
  }

  /**
   * Size of the block cache shared by all tasks of the factory.
   *
   * @param bytes the size, not negative
   * @return a copy with the setting
   */
  public DiskStorageOptions withBlockCacheBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("block cache must not be negative, got " + bytes);
    }
    return new DiskStorageOptions(syncCommits, maxPendingRows, writeBufferBytes, bytes, depotLog);
  }

  /**
   * Settings of every depot log.
   *
   * @param options the depot log settings
   * @return a copy with the setting
   */
  public DiskStorageOptions withDepotLog(FileDepotLogOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("depot log options are null");
    }
    return new DiskStorageOptions(
        syncCommits, maxPendingRows, writeBufferBytes, blockCacheBytes, options);
  }

  /** Whether progress commits are synced. */
  public boolean syncCommits() {
    return syncCommits;
  }

  /** The pending row limit per task. */
  public int maxPendingRows() {
    return maxPendingRows;
  }

  /** The memtable size. */
  public long writeBufferBytes() {
    return writeBufferBytes;
  }

  /** The shared block cache size. */
  public long blockCacheBytes() {
    return blockCacheBytes;
  }

  /** The depot log settings. */
  public FileDepotLogOptions depotLog() {
    return depotLog;
  }
}
