package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import dev.deimos.impl.serial.ValueCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A durable {@link PStateStore} for map-schema PStates, one RocksDB database per partition.
 *
 * <p>Layout: one row per top-level key; the row key is {@link OrderedKeyEncoding#encode} of the key
 * (so RocksDB's byte order is the key order) and the row value is {@link ValueCodec} bytes of the
 * whole value under that key.
 *
 * <p>Reads materialize the whole top-level map from a RocksDB iterator (which reads one consistent
 * view) and run the path over it; every read decodes fresh objects, so results are the caller's.
 * Writes are staged in memory as a whole new top-level map, validated against the schema, and on
 * {@link #commit()} the changed rows (puts and deletes) go into ONE {@link WriteBatch} written with
 * sync on, so a commit is atomic and durable. {@link #abort()} drops the staged map.
 *
 * <p>This is a first, simple store: each read and the first write of a batch cost O(size of the
 * partition). Not yet done: reading only the entries a leading key step needs, subindexed nested
 * structures and benchmarks. RocksPStateStoreKillTest checks that a SIGKILL loses no commit and
 * leaves no half-written one.
 *
 * <p>Thread-safe: reads run concurrently with the single writer; writers are serialized.
 */
public final class RocksPStateStore implements PStateStore {
  static {
    RocksDB.loadLibrary();
  }

  private final String name;
  private final SchemaNode schema;
  private final ValueCodec codec = ValueCodec.PLAIN;
  private final Options options;
  private final WriteOptions syncWrites;
  private final RocksDB db;
  private TreeMap<Object, Object> staged;
  // readers hold the read lock while they touch native handles, so close cannot free them mid-read
  private final ReentrantReadWriteLock handles = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /**
   * Opens (creating if missing) the partition stored in {@code dir}.
   *
   * @param declaration the PState; its schema must be a map schema
   * @param dir directory of the RocksDB database
   * @throws IllegalArgumentException if the schema is not a map schema
   * @throws IllegalStateException if RocksDB cannot open the directory
   */
  public RocksPStateStore(PStateDeclaration declaration, java.nio.file.Path dir) {
    this.name = declaration.getName();
    this.schema = declaration.getSchema();
    if (!(MigratedSchemaNode.unwrap(schema) instanceof MapSchema)) {
      throw new IllegalArgumentException(
          "PState " + name + ": RocksPStateStore supports map schemas only, got " + schema);
    }
    this.options = new Options().setCreateIfMissing(true);
    this.syncWrites = new WriteOptions().setSync(true);
    try {
      this.db = RocksDB.open(options, dir.toString());
    } catch (RocksDBException e) {
      syncWrites.close();
      options.close();
      throw new IllegalStateException("PState " + name + ": cannot open RocksDB at " + dir, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Object> select(Path path, Vars vars) {
    return Paths.select(path, loadCommitted(), vars);
  }

  @Override
  public Object selectOne(Path path, Vars vars) {
    return Paths.selectOne(path, loadCommitted(), vars);
  }

  @Override
  public synchronized void transform(Path path, Vars vars) {
    checkOpen();
    TreeMap<Object, Object> base = staged != null ? staged : loadAll();
    Object next = Paths.transform(path, base, vars);
    SchemaValidator.validate(name, schema, next);
    if (!(next instanceof Map)) {
      throw new IllegalArgumentException(
          "PState " + name + ": transform replaced the top-level map with " + next);
    }
    // re-decode through the codec: a deep copy, so later caller mutations cannot leak in
    TreeMap<Object, Object> copy = newRoot();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) next).entrySet()) {
      copy.put(e.getKey(), codec.decode(codec.encode(e.getValue())));
    }
    staged = copy;
  }

  @Override
  public synchronized void commit() {
    checkOpen();
    if (staged == null) {
      return;
    }
    TreeMap<Object, Object> next = staged;
    try (WriteBatch batch = new WriteBatch();
        RocksIterator it = db.newIterator()) {
      // deletes: committed rows whose key is gone from the staged map
      for (it.seekToFirst(); it.isValid(); it.next()) {
        Object key = OrderedKeyEncoding.decode(it.key());
        if (!next.containsKey(key)) {
          batch.delete(it.key());
        }
      }
      for (Map.Entry<Object, Object> e : next.entrySet()) {
        byte[] k = OrderedKeyEncoding.encode(e.getKey());
        byte[] v = codec.encode(e.getValue());
        byte[] old = db.get(k);
        if (old == null || !Arrays.equals(old, v)) {
          batch.put(k, v);
        }
      }
      db.write(syncWrites, batch);
    } catch (RocksDBException e) {
      throw new IllegalStateException("PState " + name + ": commit failed", e);
    }
    staged = null;
  }

  @Override
  public synchronized void abort() {
    checkOpen();
    staged = null;
  }

  @Override
  public synchronized boolean hasStagedWrites() {
    return staged != null;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    handles.writeLock().lock();
    try {
      closed = true;
      staged = null;
      db.close();
      syncWrites.close();
      options.close();
    } finally {
      handles.writeLock().unlock();
    }
  }

  private TreeMap<Object, Object> loadCommitted() {
    handles.readLock().lock();
    try {
      checkOpen();
      return loadAll();
    } finally {
      handles.readLock().unlock();
    }
  }

  private TreeMap<Object, Object> loadAll() {
    TreeMap<Object, Object> out = newRoot();
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        out.put(OrderedKeyEncoding.decode(it.key()), codec.decode(it.value()));
      }
    }
    return out;
  }

  private static TreeMap<Object, Object> newRoot() {
    return new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("PState " + name + ": store is closed");
    }
  }
}
