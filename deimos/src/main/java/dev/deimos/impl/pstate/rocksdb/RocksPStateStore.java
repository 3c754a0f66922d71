package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.path.Paths;
import dev.deimos.impl.pstate.MigratableStore;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import dev.deimos.impl.pstate.schema.SetSchema;
import dev.deimos.impl.serial.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A durable {@link PStateStore}: one partition of one PState in a column family of a {@link
 * TaskDb}, or (stand-alone, {@link #RocksPStateStore(PStateDeclaration, java.nio.file.Path)}) in a
 * RocksDB database of its own.
 *
 * <p>Layout (see {@link Keys}): a map or set PState keeps one row per top-level key; a subindexed
 * map, set or list reached from there through subindexed structures has its own contiguous key
 * range (one row per element, plus a size row when tracked); every other value is stored whole as
 * {@link ValueCodec} bytes. A Class (or fixed-keys) PState is one row.
 *
 * <p>Paths run lazily over views of those ranges ({@link KvMap}, {@link KvSet}, {@link KvList}, all
 * {@code WriteThrough}): navigating to a key is a point read, a range or {@code maxAmt} read walks
 * a cursor over only the rows it returns, and a transform stages only the rows it changes. Each
 * transform is undone as a whole if it fails (e.g. a schema violation). {@link #commit()} writes
 * the staged rows as ONE synced {@link WriteBatch} when the store stands alone, so a commit is
 * atomic and durable; inside a {@link TaskDb} it lays them over the column family in memory
 * (visible to readers at once) and the task's next progress commit writes them, together with the
 * rows of the task's other PStates and the progress entries, in one batch.
 *
 * <p>Microbatch commits ({@link #commitKeepingPrevious}) return the previous value of every row the
 * commit changed; {@link #selectBefore} reads the committed data with those rows laid over it.
 *
 * <p>Inside a {@link TaskDb} the PState's schema is recorded in its column family and checked on
 * reopen; {@link #migrateTo} (module update) records the new one.
 *
 * <p>Each read runs against a RocksDB snapshot, so it sees one committed state even while a commit
 * lands. Results are plain copies: indexed maps and sets come back as sorted maps and sets.
 *
 * <p>Thread-safe: reads run concurrently with the single writer; writers are serialized.
 */
public final class RocksPStateStore implements MigratableStore {
  static {
    RocksDB.loadLibrary();
  }

  // row of the column family recording the schema the data was written under
  private static final byte[] SCHEMA_ROW = {0x00, 's', 'c', 'h', 'e', 'm', 'a'};

  private final String name;
  private final SchemaNode schema;
  private final boolean indexedRoot;
  private final Object initialValue;
  private final ValueCodec codec = ValueCodec.PLAIN;
  private final WriteOptions syncWrites;
  private final ReadOptions writerReads;
  private final TaskDb tdb;
  private final RocksDB db;
  private final ColumnFamilyHandle cf;
  private final PStateDeclaration declaration;
  // the module, for errors (null when stand-alone)
  private final String module;
  // rows committed and not yet written to RocksDB (TaskDb); replaced whole under viewLock
  private volatile Layer pending = Layer.EMPTY;
  private final AtomicLong rowReads = new AtomicLong();
  private final Kv writer;
  // readers hold the read lock while they touch native handles, so close cannot free them mid-read
  private final ReentrantReadWriteLock handles;
  private volatile boolean closed;
  // close() ran (closed alone may come from the task database closing first)
  private boolean released;
  private final Object viewLock = new Object();
  private volatile ReadView current;
  private final List<Migrations.Job> migrationJobs;
  // where the running migration job stopped (exclusive); null to start at its first row
  private byte[] migrationResume;

  /**
   * Opens (creating if missing) the partition stored in {@code dir}.
   *
   * @param declaration the PState
   * @param dir directory of the RocksDB database
   * @throws IllegalStateException if RocksDB cannot open the directory
   */
  public RocksPStateStore(PStateDeclaration declaration, java.nio.file.Path dir) {
    this(
        declaration,
        TaskDb.openStandalone("PState " + declaration.getName(), dir),
        null,
        null,
        Layer.EMPTY);
  }

  /** Opens the partition in a column family of a task database, checking its recorded schema. */
  RocksPStateStore(
      PStateDeclaration declaration, TaskDb tdb, ColumnFamilyHandle cf, String module) {
    this(declaration, tdb, cf, module, Layer.EMPTY);
    try {
      checkSchema();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private RocksPStateStore(
      PStateDeclaration declaration,
      TaskDb tdb,
      ColumnFamilyHandle cf,
      String module,
      Layer pending) {
    this.declaration = declaration;
    this.name = declaration.getName();
    this.schema = declaration.getSchema();
    SchemaNode top = MigratedSchemaNode.unwrap(schema);
    this.indexedRoot = top instanceof MapSchema || top instanceof SetSchema;
    this.initialValue = declaration.hasInitialValue() ? declaration.getInitialValue() : null;
    this.tdb = tdb;
    this.db = tdb.db();
    this.cf = cf == null ? db.getDefaultColumnFamily() : cf;
    this.module = module;
    this.handles = tdb.handles;
    this.pending = pending;
    this.syncWrites = new WriteOptions().setSync(true);
    this.writerReads = new ReadOptions();
    this.writer = new Kv(db, this.cf, writerReads, Kv.layers(pending), rowReads, true);
    this.migrationJobs = Migrations.jobs(schema, indexedRoot);
  }

  private String where() {
    return (module == null ? "" : "module " + module + ", ") + "PState " + name;
  }

  /** Refuses data written under another schema; records the schema in a new partition. */
  private void checkSchema() {
    String want = schema.describe();
    try {
      byte[] had = db.get(cf, SCHEMA_ROW);
      if (had == null) {
        db.put(cf, syncWrites, SCHEMA_ROW, want.getBytes(StandardCharsets.UTF_8));
        return;
      }
      String was = new String(had, StandardCharsets.UTF_8);
      if (!was.equals(want)) {
        throw new IllegalStateException(
            where()
                + ": the data in "
                + tdb.directory()
                + " was written under schema "
                + was
                + " but the module declares "
                + want
                + "; change a schema through a module update with a migration, or destroy the"
                + " module to start over");
      }
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          where() + ": cannot read its schema in " + tdb.directory() + ": " + e.getMessage(), e);
    }
  }

  /** The column family of this partition. */
  ColumnFamilyHandle family() {
    return cf;
  }

  /** Rows committed and not yet written (TaskDb flush). */
  Layer pendingLayer() {
    return pending;
  }

  /**
   * The TaskDb wrote {@code written}: readers find it in RocksDB from now on. Called on the
   * writer's thread (no store lock: the task database's lock is taken after a store's, never
   * before).
   */
  void pendingWritten(Layer written) {
    ReadView old;
    synchronized (viewLock) {
      if (pending == written) {
        pending = Layer.EMPTY;
      }
      old = current;
      current = null;
    }
    if (old != null) {
      old.release();
    }
    writer.setBases(Kv.layers(pending));
  }

  /** Makes {@code next} the committed rows over RocksDB, for readers and the writer. */
  private void publish(Layer next) {
    ReadView old;
    synchronized (viewLock) {
      pending = next;
      old = current;
      current = null;
    }
    if (old != null) {
      old.release();
    }
    writer.setBases(Kv.layers(next));
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Counts rows read from RocksDB (point gets and cursor steps) since the store opened; tests use
   * it to check that a read touches only what it needs.
   *
   * @return the count
   */
  public long rowReads() {
    return rowReads.get();
  }

  @Override
  public List<Object> select(Path path, Vars vars) {
    return read(path, vars, false);
  }

  @Override
  public Object selectOne(Path path, Vars vars) {
    List<Object> out = read(path, vars, true);
    return out.isEmpty() ? null : out.get(0);
  }

  private List<Object> read(Path path, Vars vars, boolean one) {
    handles.readLock().lock();
    try {
      checkOpen();
      ReadView view = acquireView();
      try {
        Kv kv = new Kv(db, cf, view.options, Kv.layers(view.layer), rowReads, false);
        try {
          Slots slots = new Slots(kv, name);
          if (indexedRoot) {
            Object[] keys = PathKeys.keyChain(path, vars);
            if (keys != null) {
              Object v = pointRead(slots, keys);
              if (v != NOT_POINT) {
                List<Object> out = new java.util.ArrayList<>(1);
                out.add(Plain.copy(v));
                return out;
              }
            }
          }
          return selectCopies(root(slots), path, vars, one);
        } finally {
          kv.closeCursors();
        }
      } finally {
        view.release();
      }
    } finally {
      handles.readLock().unlock();
    }
  }

  @Override
  public List<Object> selectStaged(Path path, Vars vars) {
    return readStaged(path, vars, false);
  }

  @Override
  public Object selectOneStaged(Path path, Vars vars) {
    List<Object> out = readStaged(path, vars, true);
    return out.isEmpty() ? null : out.get(0);
  }

  /** The writer's read: through its own session, so staged rows overlay the committed ones. */
  private synchronized List<Object> readStaged(Path path, Vars vars, boolean one) {
    checkOpen();
    if (!writer.hasStaged()) {
      return read(path, vars, one);
    }
    try {
      return selectCopies(root(new Slots(writer, name)), path, vars, one);
    } finally {
      writer.closeCursors();
    }
  }

  /** Runs a select over a lazy root, copying the results so callers never share stored values. */
  private static List<Object> selectCopies(Object root, Path path, Vars vars, boolean one) {
    List<Object> out;
    if (one) {
      out = new java.util.ArrayList<>(1);
      out.add(Paths.selectOne(path, root, vars));
    } else {
      out = Paths.select(path, root, vars);
    }
    for (int i = 0; i < out.size(); i++) {
      out.set(i, Plain.copy(out.get(i)));
    }
    return out;
  }

  private static final Object NOT_POINT = new Object();

  /**
   * A path of {@code key} steps only, read without the path engine. Where the schema says a level
   * is subindexed (and not being migrated into that shape), its marker row is skipped: element rows
   * exist only under a marker, so reading the element row alone gives the same answer. A value
   * stored whole is one row. So {@code key(user).key(field)} into a subindexed map is one get.
   *
   * @return the value reached (a view or a plain value), or NOT_POINT to use the path engine
   */
  private Object pointRead(Slots slots, Object[] keys) {
    byte[] prefix = Keys.rootPrefix();
    SchemaNode s = MigratedSchemaNode.unwrap(schema);
    int i = 0;
    Object v = null;
    for (; i < keys.length; i++) {
      if (!(s instanceof MapSchema)) {
        return NOT_POINT;
      }
      SchemaNode vs = ((MapSchema) s).valueSchema();
      Object k = keys[i];
      if (i < keys.length - 1 && !(vs instanceof MigratedSchemaNode)) {
        byte[] child = Keys.child(prefix, k);
        if (Slots.indexed(vs, child)) {
          prefix = child;
          s = vs;
          continue;
        }
      }
      byte[] raw = slots.kv.get(Keys.element(prefix, k));
      v = slots.read(prefix, k, raw, vs, Arrays.asList(keys).subList(0, i));
      i++;
      break;
    }
    // keys inside a value stored whole (or a view reached through a marker)
    for (; i < keys.length; i++) {
      if (v == null) {
        return null;
      }
      if (!(v instanceof Map)) {
        return NOT_POINT;
      }
      v = ((Map<?, ?>) v).get(keys[i]);
    }
    return v;
  }

  private Object root(Slots s) {
    if (indexedRoot) {
      return s.view(Keys.rootPrefix(), schema, List.of());
    }
    byte[] raw = s.kv.get(Keys.CLASS_ROW);
    if (raw == null) {
      return initialValue == null ? null : codec.decode(codec.encode(initialValue));
    }
    Object v = codec.decode(raw);
    v = schema instanceof MigratedSchemaNode ? ((MigratedSchemaNode) schema).migrate(v) : v;
    return Slots.sortSubindexed(schema, v);
  }

  @Override
  public synchronized void transform(Path path, Vars vars) {
    checkOpen();
    Slots s = new Slots(writer, name);
    writer.mark();
    try {
      Object root = root(s);
      Object next = Paths.transform(path, root, vars);
      if (!indexedRoot) {
        SchemaValidator.validate(name, schema, next);
        writer.put(Keys.CLASS_ROW, codec.encode(Plain.forCodec(next)));
      } else if (next != root) {
        replaceRoot(root, next);
      }
      writer.unmark();
    } catch (RuntimeException e) {
      writer.rollback();
      throw e;
    } finally {
      writer.closeCursors();
    }
  }

  @SuppressWarnings("unchecked")
  private void replaceRoot(Object root, Object next) {
    if (next == null || !(next instanceof Map || next instanceof Collection)) {
      throw new IllegalArgumentException(
          "PState " + name + ": transform replaced the top-level structure with " + next);
    }
    SchemaValidator.validate(name, schema, next);
    Object copy = Plain.copy(next);
    if (root instanceof KvMap) {
      ((KvMap) root).clear();
      ((KvMap) root).putAll((Map<Object, Object>) copy);
    } else {
      ((KvSet) root).clear();
      ((KvSet) root).addAll((Collection<Object>) copy);
    }
  }

  /**
   * Runs a bounded slice of the background migration: rewrites up to {@code maxItems} stored values
   * of the first unfinished {@code migrated(...)} location through its migration function, writing
   * them in one synced batch. When a location is done its migration id is recorded in the database,
   * so a reopened store does not repeat it. Reads apply the migration function to values not yet
   * rewritten, so the PState looks migrated throughout. Staged writes are not touched (they already
   * have the new shape and win when committed).
   *
   * @param maxItems most values to examine in this call
   * @return true while work remains
   */
  /** The current committed view, taken with a reference; a new one after each commit. */
  private ReadView acquireView() {
    while (true) {
      ReadView v = current;
      if (v == null) {
        synchronized (viewLock) {
          v = current;
          if (v == null) {
            v = new ReadView(db, pending);
            current = v;
          }
        }
      }
      if (v.acquire()) {
        return v;
      }
    }
  }

  /** Drops the current view after the data changed; readers holding it finish on it. */
  private void retireView() {
    ReadView old;
    synchronized (viewLock) {
      old = current;
      current = null;
    }
    if (old != null) {
      old.release();
    }
  }

  @Override
  public synchronized boolean migrationStep(int maxItems) {
    checkOpen();
    Set<String> done = finishedMigrations();
    for (Migrations.Job job : migrationJobs) {
      String id = job.node().migrationId();
      if (done.contains(id)) {
        continue;
      }
      try (WriteBatch batch = new WriteBatch();
          ReadOptions ro = new ReadOptions()) {
        Kv kv = new Kv(db, cf, ro, Kv.layers(), rowReads, false);
        try {
          byte[] lo = migrationResume == null ? job.rowPrefix() : migrationResume;
          Iterator<byte[][]> rows =
              kv.cursor(lo, migrationResume == null, Keys.prefixEnd(job.rowPrefix()), false, false);
          int n = 0;
          byte[] last = null;
          while (n < maxItems && rows.hasNext()) {
            byte[][] row = rows.next();
            last = row[0];
            n++;
            if (Keys.isMarker(row[1])) {
              continue;
            }
            if (job.toSubindexed()) {
              convertToSubindexed(job, row, ro, batch);
              continue;
            }
            byte[] migrated = codec.encode(job.node().migrate(codec.decode(row[1])));
            if (!Arrays.equals(migrated, row[1])) {
              batch.put(cf, row[0], migrated);
            }
          }
          boolean finished = !rows.hasNext();
          if (finished) {
            batch.put(cf, Keys.migration(id), Keys.EMPTY);
            migrationResume = null;
          } else {
            migrationResume = last;
          }
          db.write(syncWrites, batch);
          retireView();
        } finally {
          kv.closeCursors();
        }
      } catch (RocksDBException e) {
        throw new IllegalStateException("PState " + name + ": migration " + id + " failed", e);
      }
      return true;
    }
    return false;
  }

  /**
   * Rewrites one element stored whole into the subindexed layout its new schema asks for: a marker
   * row plus one row per element (and a size row), written through a session of its own into the
   * step's batch.
   */
  private void convertToSubindexed(
      Migrations.Job job, byte[][] row, ReadOptions ro, WriteBatch batch) throws RocksDBException {
    // split the row key into the structure's prefix and the element key
    int off = 1;
    List<Object> outer = new java.util.ArrayList<>(job.depth());
    Object key = null;
    for (int j = 0; j <= job.depth(); j++) {
      key = OrderedKeyEncoding.decode(row[0], off);
      int start = off;
      off += OrderedKeyEncoding.encode(key).length;
      if (j < job.depth()) {
        outer.add(key);
      } else {
        off = start;
      }
    }
    byte[] prefix = Arrays.copyOf(row[0], off);
    Object value = job.node().migrate(codec.decode(row[1]));
    Kv session = new Kv(db, cf, ro, Kv.layers(), rowReads, true);
    try {
      new Slots(session, name).write(prefix, key, value, job.node(), outer, false);
      session.fill(batch);
    } finally {
      session.closeCursors();
    }
  }

  /**
   * Returns the ids of migrations whose background rewrite finished in this database.
   *
   * @return the ids
   */
  public synchronized Set<String> finishedMigrations() {
    checkOpen();
    Set<String> out = new java.util.LinkedHashSet<>();
    byte[] prefix = Keys.migration("");
    try (RocksIterator it = db.newIterator(cf)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (k.length < prefix.length
            || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
          break;
        }
        out.add(new String(k, prefix.length, k.length - prefix.length, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Override
  public synchronized void commit() {
    checkOpen();
    if (!writer.hasStaged()) {
      return;
    }
    commitStaged(true);
  }

  private void commitStaged(boolean mayFlush) {
    Layer before = pending;
    Layer next = writer.takeStaged(before);
    publish(next);
    tdb.committed(this, Math.max(1, next.size() - before.size()), mayFlush);
  }

  /**
   * Commits like {@link #commit()} and returns the previous committed value of every row the commit
   * changed (absent rows as tombstones), for {@link #selectBefore}. Never writes the task's pending
   * rows on its own: a microbatch's commit is followed by its progress commit.
   */
  @Override
  public synchronized Object commitKeepingPrevious() {
    checkOpen();
    if (!writer.hasStaged()) {
      return null;
    }
    TreeMap<byte[], byte[]> prev = new TreeMap<>(Arrays::compareUnsigned);
    Kv committed = new Kv(db, cf, writerReads, Kv.layers(pending), rowReads, false);
    try {
      for (byte[][] r : writer.stagedRanges()) {
        Iterator<byte[][]> rows = committed.cursor(r[0], true, r[1], false, false);
        while (rows.hasNext()) {
          byte[][] row = rows.next();
          prev.put(row[0], row[1]);
        }
      }
      for (byte[] k : writer.stagedRows().keySet()) {
        if (!prev.containsKey(k)) {
          byte[] v = committed.get(k);
          prev.put(k, v == null ? Kv.TOMBSTONE : v);
        }
      }
    } finally {
      committed.closeCursors();
    }
    commitStaged(false);
    return Layer.ofRows(prev);
  }

  @Override
  public List<Object> selectBefore(List<Object> previous, Path path, Vars vars) {
    TreeMap<byte[], byte[]> rows = new TreeMap<>(Arrays::compareUnsigned);
    // newest first: an older record's value of a row wins
    for (Object p : previous) {
      rows.putAll(((Layer) p).rows);
    }
    Layer before = Layer.ofRows(rows);
    handles.readLock().lock();
    try {
      checkOpen();
      ReadView view = acquireView();
      try {
        Kv kv = new Kv(db, cf, view.options, Kv.layers(before, view.layer), rowReads, false);
        try {
          return selectCopies(root(new Slots(kv, name)), path, vars, false);
        } finally {
          kv.closeCursors();
        }
      } finally {
        view.release();
      }
    } finally {
      handles.readLock().unlock();
    }
  }

  /**
   * The same partition under the updated module's declaration: same column family and committed
   * rows, the new schema recorded; reads apply its migrations. This store is closed by the caller.
   */
  @Override
  public synchronized PStateStore migrateTo(PStateDeclaration newDeclaration) {
    checkOpen();
    if (tdb.standalone()) {
      throw new IllegalStateException(
          where() + ": a stand-alone store is migrated by reopening it under the new declaration");
    }
    if (writer.hasStaged()) {
      throw new IllegalStateException(where() + ": cannot migrate with uncommitted writes");
    }
    try {
      db.put(
          cf,
          syncWrites,
          SCHEMA_ROW,
          newDeclaration.getSchema().describe().getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          where() + ": cannot record its new schema in " + tdb.directory() + ": " + e.getMessage(),
          e);
    }
    RocksPStateStore next = new RocksPStateStore(newDeclaration, tdb, cf, module, pending);
    tdb.replaced(this, next);
    return next;
  }

  @Override
  public synchronized void abort() {
    checkOpen();
    writer.clearStaged();
  }

  @Override
  public synchronized boolean hasStagedWrites() {
    return !closed && writer.hasStaged();
  }

  /**
   * The task database is closing (under its handle lock): releases this store's snapshot while the
   * database is still there; the store is closed from now on.
   */
  void detach() {
    closed = true;
    retireView();
  }

  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    handles.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        writer.closeCursors();
        retireView();
      }
      if (!tdb.isClosed()) {
        tdb.released(this);
      }
      writerReads.close();
      syncWrites.close();
    } finally {
      handles.writeLock().unlock();
    }
    if (tdb.standalone()) {
      tdb.close();
    }
  }

  private void checkOpen() {
    if (closed || tdb.isClosed()) {
      throw new IllegalStateException(where() + ": store is closed");
    }
  }
}
