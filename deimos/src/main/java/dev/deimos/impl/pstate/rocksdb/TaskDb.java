package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.storage.ProgressStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB database holding one task's partitions of every PState of a module (a column family
 * per PState, named {@code pstate:<name>}) and the task's progress (column family {@code
 * progress}). The default column family holds the database's own records (format version).
 *
 * <p><b>Commit group.</b> A PState store's {@code commit} does not write to RocksDB: it lays the
 * committed rows over the column family in memory (readers see them at once, see {@link Layer}) and
 * registers the store here. The next {@link RocksProgressStore} batch commit writes the pending
 * rows of every store of the task together with the progress entries in ONE {@link WriteBatch},
 * synced to the WAL when {@link Settings#syncCommits} is on, so the state and the progress that
 * covers it become durable together or not at all. A task that goes more than {@link
 * Settings#maxPendingRows} rows without a progress commit has its pending rows written on their own
 * at its next plain commit (bounding memory; a restart then replays those records on top of them:
 * at-least-once). Closing does not write pending rows: what no progress commit covered is replayed.
 *
 * <p>Threads: writes (commits, progress batches) come from the task's thread; reads from any thread
 * hold the {@link #handles} read lock so {@link #close} cannot free native handles mid-read.
 */
public final class TaskDb implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  static final String PROGRESS_CF = "progress";
  static final String PSTATE_CF_PREFIX = "pstate:";
  private static final byte[] FORMAT_KEY = "deimos.format".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FORMAT = {1};

  /** Settings shared by the task databases of one storage factory. */
  public static final class Settings implements AutoCloseable {
    final boolean syncCommits;
    final int maxPendingRows;
    final long writeBufferBytes;
    final Cache cache;

    /**
     * Creates the settings.
     *
     * @param syncCommits whether progress commits wait for the WAL to reach the disk
     * @param maxPendingRows most committed rows a task keeps in memory without a progress commit
     * @param writeBufferBytes memtable size per column family
     * @param blockCacheBytes the block cache shared by every database opened with these settings
     */
    public Settings(
        boolean syncCommits, int maxPendingRows, long writeBufferBytes, long blockCacheBytes) {
      RocksDB.loadLibrary();
      this.syncCommits = syncCommits;
      this.maxPendingRows = maxPendingRows;
      this.writeBufferBytes = writeBufferBytes;
      this.cache = new LRUCache(blockCacheBytes);
    }

    /** Frees the shared block cache; after every database using it closed. */
    @Override
    public void close() {
      cache.close();
    }
  }

  private final String label;
  private final java.nio.file.Path dir;
  private final boolean standalone;
  private final int maxPendingRows;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;
  private final RocksDB db;
  private final Map<String, ColumnFamilyHandle> families = new HashMap<>();
  // stores with committed rows not yet written, in commit order
  private final Set<RocksPStateStore> pending = new LinkedHashSet<>();
  // every open store, so close can release their snapshots before the database goes
  private final Set<RocksPStateStore> stores = new LinkedHashSet<>();
  private int pendingRows;
  final ReentrantReadWriteLock handles = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private TaskDb(
      String label,
      java.nio.file.Path dir,
      boolean standalone,
      int maxPendingRows,
      DBOptions dbOptions,
      ColumnFamilyOptions cfOptions,
      WriteOptions writeOptions,
      RocksDB db,
      List<ColumnFamilyDescriptor> descs,
      List<ColumnFamilyHandle> hs) {
    this.label = label;
    this.dir = dir;
    this.standalone = standalone;
    this.maxPendingRows = maxPendingRows;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.writeOptions = writeOptions;
    this.db = db;
    for (int i = 0; i < descs.size(); i++) {
      families.put(new String(descs.get(i).getName(), StandardCharsets.UTF_8), hs.get(i));
    }
  }

  /**
   * Opens (creating if missing) a task database.
   *
   * @param label what the database belongs to, for errors (e.g. {@code module m, task 2})
   * @param dir its directory
   * @param settings shared settings
   * @return the open database
   * @throws IllegalStateException naming the directory (and RocksDB's reason, which names a corrupt
   *     file) if it cannot be opened
   */
  public static TaskDb open(String label, java.nio.file.Path dir, Settings settings) {
    return open(
        label,
        dir,
        false,
        settings.syncCommits,
        settings.maxPendingRows,
        settings.writeBufferBytes,
        settings.cache);
  }

  /** A database of one stand-alone store: every commit written (synced) at once. */
  static TaskDb openStandalone(String label, java.nio.file.Path dir) {
    return open(label, dir, true, true, 0, 64L << 20, null);
  }

  private static TaskDb open(
      String label,
      java.nio.file.Path dir,
      boolean standalone,
      boolean sync,
      int maxPendingRows,
      long writeBufferBytes,
      Cache cache) {
    DBOptions dbo =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setParanoidChecks(true);
    ColumnFamilyOptions cfo = new ColumnFamilyOptions().setWriteBufferSize(writeBufferBytes);
    if (cache != null) {
      cfo.setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
    }
    WriteOptions wo = new WriteOptions().setSync(sync);
    List<ColumnFamilyDescriptor> descs = new ArrayList<>();
    List<ColumnFamilyHandle> hs = new ArrayList<>();
    RocksDB db;
    try {
      Files.createDirectories(dir);
      List<byte[]> names;
      try (Options o = new Options()) {
        names =
            Files.exists(dir.resolve("CURRENT"))
                ? RocksDB.listColumnFamilies(o, dir.toString())
                : List.of();
      }
      descs.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfo));
      for (byte[] n : names) {
        if (!java.util.Arrays.equals(n, RocksDB.DEFAULT_COLUMN_FAMILY)) {
          descs.add(new ColumnFamilyDescriptor(n, cfo));
        }
      }
      db = RocksDB.open(dbo, dir.toString(), descs, hs);
    } catch (RocksDBException | java.io.IOException e) {
      wo.close();
      cfo.close();
      dbo.close();
      throw new IllegalStateException(
          label + ": cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
    TaskDb t = new TaskDb(label, dir, standalone, maxPendingRows, dbo, cfo, wo, db, descs, hs);
    if (!standalone) {
      try {
        byte[] f = db.get(FORMAT_KEY);
        if (f == null) {
          db.put(wo, FORMAT_KEY, FORMAT);
        } else if (!java.util.Arrays.equals(f, FORMAT)) {
          t.close();
          throw new IllegalStateException(
              label + ": " + dir + " has storage format " + f[0] + ", this version reads 1");
        }
      } catch (RocksDBException e) {
        t.close();
        throw new IllegalStateException(
            label + ": cannot read RocksDB in " + dir + ": " + e.getMessage(), e);
      }
    }
    return t;
  }

  /** What the database belongs to, as errors name it. */
  String label() {
    return label;
  }

  /** The database's directory. */
  public java.nio.file.Path directory() {
    return dir;
  }

  RocksDB db() {
    return db;
  }

  boolean standalone() {
    return standalone;
  }

  /**
   * Opens this task's partition of a PState, checking the schema recorded in the database: a
   * partition written under another schema is refused (a module update migrates it through {@link
   * RocksPStateStore#migrateTo} instead).
   *
   * @param module the module, for errors
   * @param declaration the PState
   * @return the store; closing it leaves the database open
   * @throws IllegalStateException naming the module, PState and both schemas on a mismatch
   */
  public synchronized RocksPStateStore openPState(String module, PStateDeclaration declaration) {
    checkOpen();
    RocksPStateStore s =
        new RocksPStateStore(
            declaration, this, family(PSTATE_CF_PREFIX + declaration.getName()), module);
    stores.add(s);
    return s;
  }

  /**
   * Opens the task's progress store over this database.
   *
   * @return the progress store; closing it leaves the database open
   */
  public synchronized ProgressStore progressStore() {
    checkOpen();
    return new RocksProgressStore(this, family(PROGRESS_CF));
  }

  synchronized ColumnFamilyHandle family(String name) {
    ColumnFamilyHandle h = families.get(name);
    if (h == null) {
      try {
        h =
            db.createColumnFamily(
                new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
      } catch (RocksDBException e) {
        throw new IllegalStateException(
            label + ": cannot create column family " + name + " in " + dir + ": " + e.getMessage(),
            e);
      }
      families.put(name, h);
    }
    return h;
  }

  /** A store committed rows (held in its pending layer); writes them now if they are too many. */
  synchronized void committed(RocksPStateStore s, int rows, boolean mayFlush) {
    pending.add(s);
    pendingRows += rows;
    if (standalone || (mayFlush && pendingRows > maxPendingRows)) {
      flush(null, null);
    }
  }

  /** A store was replaced (module update) by one over the same column family and pending rows. */
  synchronized void replaced(RocksPStateStore old, RocksPStateStore next) {
    stores.add(next);
    if (pending.remove(old)) {
      pending.add(next);
    }
  }

  /** A store closed: its pending rows are dropped (no progress commit covered them). */
  synchronized void released(RocksPStateStore s) {
    stores.remove(s);
    pending.remove(s);
  }

  /**
   * Writes every pending PState row of the task, plus {@code extra} (progress entries, may be
   * null), as one atomic batch.
   */
  synchronized void flush(ColumnFamilyHandle extraCf, List<byte[][]> extra) {
    handles.readLock().lock();
    try {
      checkOpen();
      List<Layer> written = new ArrayList<>(pending.size());
      try (WriteBatch b = new WriteBatch()) {
        for (RocksPStateStore s : pending) {
          Layer l = s.pendingLayer();
          written.add(l);
          Kv.fill(b, s.family(), l);
        }
        if (extra != null) {
          for (byte[][] kv : extra) {
            b.put(extraCf, kv[0], kv[1]);
          }
        }
        if (b.count() > 0) {
          db.write(writeOptions, b);
        }
      } catch (RocksDBException e) {
        throw new IllegalStateException(
            label + ": writing a commit to RocksDB in " + dir + " failed: " + e.getMessage(), e);
      }
      int i = 0;
      for (RocksPStateStore s : pending) {
        s.pendingWritten(written.get(i++));
      }
      pending.clear();
      pendingRows = 0;
    } finally {
      handles.readLock().unlock();
    }
  }

  /** Flushes the memtables to SST files (tests and benchmarks). */
  public void flushMemtables() {
    handles.readLock().lock();
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      checkOpen();
      db.flush(fo, new ArrayList<>(families.values()));
    } catch (RocksDBException e) {
      throw new IllegalStateException(label + ": flush failed: " + e.getMessage(), e);
    } finally {
      handles.readLock().unlock();
    }
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException(label + ": storage is closed");
    }
  }

  /** Whether the database was closed. */
  public boolean isClosed() {
    return closed;
  }

  /** Closes the database; rows no progress commit covered are not written. Idempotent. */
  @Override
  public void close() {
    handles.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      pending.clear();
      for (RocksPStateStore s : new ArrayList<>(stores)) {
        s.detach();
      }
      stores.clear();
      for (ColumnFamilyHandle h : families.values()) {
        h.close();
      }
      db.close();
      writeOptions.close();
      cfOptions.close();
      dbOptions.close();
    } finally {
      handles.writeLock().unlock();
    }
  }
}
