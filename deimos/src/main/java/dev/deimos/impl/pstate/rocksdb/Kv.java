package dev.deimos.impl.pstate.rocksdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * One read or write session over the rows of a partition: point gets and ordered cursors over
 * RocksDB, with (for the writer) staged puts, deletes and range deletes laid over it.
 *
 * <p>Staged writes keep an undo log per transform, so a transform that fails half way leaves the
 * staged state as it was. Cursors opened during one operation are closed by {@link #closeCursors}.
 * Not thread-safe: a session belongs to one reader or to the (serialized) writer.
 */
final class Kv {
  static final byte[] TOMBSTONE = new byte[0];
  private static final byte[] NO_ENTRY = new byte[0];

  private final RocksDB db;
  private final ReadOptions ro;
  private final AtomicLong reads;
  // null for a read-only session
  private final TreeMap<byte[], byte[]> overlay;
  private final List<byte[][]> rangeDeletes;
  private final List<RocksIterator> open = new ArrayList<>();
  private List<byte[][]> undo;
  // read-only sessions remember rows their cursors returned, so a range read that iterates keys
  // and then gets each value reads each row once
  private java.util.HashMap<java.nio.ByteBuffer, byte[]> seen;
  private final boolean writable;
  private static final int SEEN_MAX = 4096;
  private int undoRanges;

  Kv(RocksDB db, ReadOptions ro, AtomicLong reads, boolean writable) {
    this.db = db;
    this.ro = ro;
    this.reads = reads;
    this.overlay = writable ? new TreeMap<>(Arrays::compareUnsigned) : null;
    this.rangeDeletes = writable ? new ArrayList<>() : null;
    this.writable = writable;
  }

  boolean hasStaged() {
    return overlay != null && (!overlay.isEmpty() || !rangeDeletes.isEmpty());
  }

  byte[] get(byte[] key) {
    if (overlay != null) {
      byte[] v = overlay.get(key);
      if (v != null) {
        return v == TOMBSTONE ? null : v;
      }
      if (rangeDeleted(key)) {
        return null;
      }
    } else if (seen != null) {
      byte[] v = seen.get(java.nio.ByteBuffer.wrap(key));
      if (v != null) {
        return v;
      }
    }
    reads.incrementAndGet();
    try {
      return db.get(ro, key);
    } catch (RocksDBException e) {
      throw new IllegalStateException("RocksDB read failed", e);
    }
  }

  void put(byte[] key, byte[] value) {
    log(key);
    overlay.put(key, value);
  }

  void delete(byte[] key) {
    log(key);
    overlay.put(key, TOMBSTONE);
  }

  /** Deletes every row whose key starts with {@code prefix}. */
  void deletePrefix(byte[] prefix) {
    byte[] end = Keys.prefixEnd(prefix);
    NavigableMap<byte[], byte[]> covered = overlay.subMap(prefix, true, end, false);
    for (byte[] k : new ArrayList<>(covered.keySet())) {
      log(k);
    }
    covered.clear();
    rangeDeletes.add(new byte[][] {prefix, end});
  }

  private boolean rangeDeleted(byte[] key) {
    for (byte[][] r : rangeDeletes) {
      if (Arrays.compareUnsigned(key, r[0]) >= 0 && Arrays.compareUnsigned(key, r[1]) < 0) {
        return true;
      }
    }
    return false;
  }

  private void log(byte[] key) {
    if (undo != null) {
      byte[] old = overlay.get(key);
      undo.add(new byte[][] {key, old == null ? NO_ENTRY : old});
    }
  }

  /** Starts recording changes so {@link #rollback} can undo them. */
  void mark() {
    undo = new ArrayList<>();
    undoRanges = rangeDeletes.size();
  }

  /** Undoes the changes since {@link #mark}. */
  void rollback() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      byte[][] u = undo.get(i);
      if (u[1] == NO_ENTRY) {
        overlay.remove(u[0]);
      } else {
        overlay.put(u[0], u[1]);
      }
    }
    while (rangeDeletes.size() > undoRanges) {
      rangeDeletes.remove(rangeDeletes.size() - 1);
    }
    undo = null;
  }

  void unmark() {
    undo = null;
  }

  void clearStaged() {
    overlay.clear();
    rangeDeletes.clear();
  }

  /** Writes the staged changes into a batch: range deletes first, then the later point writes. */
  void fill(WriteBatch batch) throws RocksDBException {
    for (byte[][] r : rangeDeletes) {
      batch.deleteRange(r[0], r[1]);
    }
    for (Map.Entry<byte[], byte[]> e : overlay.entrySet()) {
      if (e.getValue() == TOMBSTONE) {
        batch.delete(e.getKey());
      } else {
        batch.put(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Opens a cursor over rows with {@code lo <= key < hi} (bounds inclusive as told).
   *
   * @return rows as {key, value} pairs, ascending or descending
   */
  Iterator<byte[][]> cursor(byte[] lo, boolean loIncl, byte[] hi, boolean hiIncl, boolean desc) {
    RocksIterator it = db.newIterator(ro);
    open.add(it);
    Iterator<Map.Entry<byte[], byte[]>> ov =
        overlay == null
            ? null
            : (desc
                    ? overlay.subMap(lo, loIncl, hi, hiIncl).descendingMap()
                    : overlay.subMap(lo, loIncl, hi, hiIncl))
                .entrySet()
                .iterator();
    return new Merge(it, ov, lo, loIncl, hi, hiIncl, desc);
  }

  void closeCursors() {
    for (RocksIterator it : open) {
      it.close();
    }
    open.clear();
  }

  /** Merges committed rows (minus staged deletes) with staged rows, in key order. */
  private final class Merge implements Iterator<byte[][]> {
    private final RocksIterator it;
    private final Iterator<Map.Entry<byte[], byte[]>> ov;
    private final byte[] lo;
    private final boolean loIncl;
    private final byte[] hi;
    private final boolean hiIncl;
    private final boolean desc;
    private byte[][] nextDb;
    private byte[][] nextOv;
    private boolean started;

    Merge(
        RocksIterator it,
        Iterator<Map.Entry<byte[], byte[]>> ov,
        byte[] lo,
        boolean loIncl,
        byte[] hi,
        boolean hiIncl,
        boolean desc) {
      this.it = it;
      this.ov = ov;
      this.lo = lo;
      this.loIncl = loIncl;
      this.hi = hi;
      this.hiIncl = hiIncl;
      this.desc = desc;
    }

    private void start() {
      started = true;
      if (desc) {
        it.seekForPrev(hi);
      } else {
        it.seek(lo);
      }
      nextDb = readDb();
      nextOv = readOv();
    }

    private byte[][] readOv() {
      while (ov != null && ov.hasNext()) {
        Map.Entry<byte[], byte[]> e = ov.next();
        if (e.getValue() != TOMBSTONE) {
          return new byte[][] {e.getKey(), e.getValue()};
        }
      }
      return null;
    }

    private byte[][] readDb() {
      while (it.isValid()) {
        byte[] k = it.key();
        int cLo = Arrays.compareUnsigned(k, lo);
        int cHi = Arrays.compareUnsigned(k, hi);
        boolean inLo = cLo > 0 || (cLo == 0 && loIncl);
        boolean inHi = cHi < 0 || (cHi == 0 && hiIncl);
        if (desc ? !inLo : !inHi) {
          return null;
        }
        if (!(desc ? inHi : inLo)) {
          step();
          continue;
        }
        reads.incrementAndGet();
        if (overlay != null && (overlay.containsKey(k) || rangeDeleted(k))) {
          step();
          continue;
        }
        byte[][] row = {k, it.value()};
        if (!writable && seen == null) {
          seen = new java.util.HashMap<>();
        }
        if (seen != null && seen.size() < SEEN_MAX) {
          seen.put(java.nio.ByteBuffer.wrap(k), row[1]);
        }
        step();
        return row;
      }
      return null;
    }

    private void step() {
      if (desc) {
        it.prev();
      } else {
        it.next();
      }
    }

    @Override
    public boolean hasNext() {
      if (!started) {
        start();
      }
      return nextDb != null || nextOv != null;
    }

    @Override
    public byte[][] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      boolean takeDb;
      if (nextDb == null) {
        takeDb = false;
      } else if (nextOv == null) {
        takeDb = true;
      } else {
        int c = Arrays.compareUnsigned(nextDb[0], nextOv[0]);
        takeDb = desc ? c > 0 : c < 0;
      }
      byte[][] out;
      if (takeDb) {
        out = nextDb;
        nextDb = readDb();
      } else {
        out = nextOv;
        nextOv = readOv();
      }
      return out;
    }
  }
}
