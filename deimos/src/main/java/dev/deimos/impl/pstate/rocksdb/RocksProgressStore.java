package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.storage.MicrobatchCommit;
import dev.deimos.impl.storage.ProgressStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * A task's progress in its {@link TaskDb}'s {@code progress} column family. A {@link Batch}'s
 * commit writes its entries and every PState row the task committed since the last batch in one
 * RocksDB write (see {@link TaskDb}), so state and progress are durable together.
 *
 * <p>Rows: {@code o<len><topology><len><depot var><partition>} holds a stream offset (8 bytes),
 * {@code m<topology>} the last microbatch commit (id, then per source its key and offsets), {@code
 * c<name>} a counter (8 bytes). Reads go to RocksDB and see written batches only.
 */
final class RocksProgressStore implements ProgressStore {
  private final TaskDb db;
  private final ColumnFamilyHandle cf;
  private volatile boolean closed;

  RocksProgressStore(TaskDb db, ColumnFamilyHandle cf) {
    this.db = db;
    this.cf = cf;
  }

  private static byte[] key(char kind, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 1];
    out[0] = (byte) kind;
    System.arraycopy(b, 0, out, 1, b.length);
    return out;
  }

  /** Both names length-prefixed, so no two (topology, depot, partition) triples share a key. */
  private static byte[] offsetKey(String topology, String depotVar, int partition) {
    byte[] t = topology.getBytes(StandardCharsets.UTF_8);
    byte[] d = depotVar.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(13 + t.length + d.length)
        .put((byte) 'o')
        .putInt(t.length)
        .put(t)
        .putInt(d.length)
        .put(d)
        .putInt(partition)
        .array();
  }

  private byte[] get(byte[] key) {
    db.handles.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(db.label() + ": progress store is closed");
      }
      db.checkOpen();
      return db.db().get(cf, key);
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          db.label() + ": reading progress in " + db.directory() + " failed: " + e.getMessage(), e);
    } finally {
      db.handles.readLock().unlock();
    }
  }

  @Override
  public long streamOffset(String topology, String depotVar, int partition) {
    byte[] v = get(offsetKey(topology, depotVar, partition));
    return v == null ? NONE : Keys.readLong(v);
  }

  @Override
  public MicrobatchCommit lastMicrobatch(String topology) {
    byte[] v = get(key('m', topology));
    return v == null ? null : decode(v);
  }

  @Override
  public long counter(String name) {
    byte[] v = get(key('c', name));
    return v == null ? NONE : Keys.readLong(v);
  }

  @Override
  public Batch begin() {
    return new RocksBatch();
  }

  @Override
  public void close() {
    closed = true;
  }

  static byte[] encode(MicrobatchCommit c) {
    int n = 12;
    Map<String, byte[]> names = new LinkedHashMap<>();
    for (String s : c.sources()) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      names.put(s, b);
      n += 8 + b.length + 16 * c.starts(s).length;
    }
    ByteBuffer out = ByteBuffer.allocate(n);
    out.putLong(c.id());
    out.putInt(names.size());
    for (Map.Entry<String, byte[]> e : names.entrySet()) {
      long[] starts = c.starts(e.getKey());
      long[] ends = c.ends(e.getKey());
      out.putInt(e.getValue().length).put(e.getValue()).putInt(starts.length);
      for (long s : starts) {
        out.putLong(s);
      }
      for (long x : ends) {
        out.putLong(x);
      }
    }
    return out.array();
  }

  static MicrobatchCommit decode(byte[] v) {
    ByteBuffer in = ByteBuffer.wrap(v);
    long id = in.getLong();
    int n = in.getInt();
    Map<String, long[]> starts = new LinkedHashMap<>();
    Map<String, long[]> ends = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byte[] name = new byte[in.getInt()];
      in.get(name);
      int len = in.getInt();
      long[] s = new long[len];
      long[] e = new long[len];
      for (int j = 0; j < len; j++) {
        s[j] = in.getLong();
      }
      for (int j = 0; j < len; j++) {
        e[j] = in.getLong();
      }
      String k = new String(name, StandardCharsets.UTF_8);
      starts.put(k, s);
      ends.put(k, e);
    }
    return new MicrobatchCommit(id, starts, ends);
  }

  /** Entries checked as they are added, written with the task's pending PState rows at commit. */
  private final class RocksBatch implements Batch {
    private final java.util.List<byte[][]> entries = new java.util.ArrayList<>(2);
    private boolean committed;

    private RocksBatch put(byte[] k, byte[] v) {
      if (committed) {
        throw new IllegalStateException("progress batch already committed");
      }
      entries.add(new byte[][] {k, v});
      return this;
    }

    @Override
    public Batch streamOffset(String topology, String depotVar, int partition, long offset) {
      ProgressStore.checkStreamOffset(topology, depotVar, partition, offset);
      return put(offsetKey(topology, depotVar, partition), Keys.longBytes(offset));
    }

    @Override
    public Batch microbatch(String topology, MicrobatchCommit commit) {
      ProgressStore.checkMicrobatch(topology, commit);
      return put(key('m', topology), encode(commit));
    }

    @Override
    public Batch counter(String name, long value) {
      ProgressStore.checkCounter(name, value);
      return put(key('c', name), Keys.longBytes(value));
    }

    @Override
    public void commit() {
      if (committed) {
        throw new IllegalStateException("progress batch already committed");
      }
      committed = true;
      if (closed) {
        throw new IllegalStateException(db.label() + ": progress store is closed");
      }
      db.flush(cf, entries);
    }
  }
}
