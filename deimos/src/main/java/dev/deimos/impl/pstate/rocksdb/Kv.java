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
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * One read or write session over the rows of a partition (one column family): point gets and
 * ordered cursors over RocksDB, under the {@link Layer}s of rows committed but not yet written
 * (and, for pinned reads, of previous values), with (for the writer) staged puts, deletes and range
 * deletes laid over all of it.
 *
 * <p>Staged writes keep an undo log per transform, so a transform that fails half way leaves the
 * staged state as it was. Cursors opened during one operation are closed by {@link #closeCursors}.
 * Not thread-safe: a session belongs to one reader or to the (serialized) writer.
 */
final class Kv {
  static final byte[] TOMBSTONE = new byte[0];
  private static final byte[] NO_ENTRY = new byte[0];
  private static final Layer[] NO_LAYERS = new Layer[0];

  private final RocksDB db;
  private final ColumnFamilyHandle cf;
  private final ReadOptions ro;
  private final AtomicLong reads;
  // layers between the staged rows and RocksDB, the topmost first
  private Layer[] bases;
  // null for a read-only session
  private TreeMap<byte[], byte[]> overlay;
  private List<byte[][]> rangeDeletes;
  private final List<RocksIterator> open = new ArrayList<>();
  private List<byte[][]> undo;
  // read-only sessions remember rows their cursors returned, so a range read that iterates keys
  // and then gets each value reads each row once
  private java.util.HashMap<java.nio.ByteBuffer, byte[]> seen;
  private final boolean writable;
  private static final int SEEN_MAX = 4096;
  private int undoRanges;

  Kv(RocksDB db, ReadOptions ro, AtomicLong reads, boolean writable) {
    this(db, db.getDefaultColumnFamily(), ro, NO_LAYERS, reads, writable);
  }

  Kv(
      RocksDB db,
      ColumnFamilyHandle cf,
      ReadOptions ro,
      Layer[] bases,
      AtomicLong reads,
      boolean writable) {
    this.db = db;
    this.cf = cf;
    this.ro = ro;
    this.bases = bases;
    this.reads = reads;
    this.overlay = writable ? new TreeMap<>(Arrays::compareUnsigned) : null;
    this.rangeDeletes = writable ? new ArrayList<>() : null;
    this.writable = writable;
  }

  static Layer[] layers(Layer... ls) {
    int n = 0;
    for (Layer l : ls) {
      if (l != null && !l.isEmpty()) {
        n++;
      }
    }
    if (n == 0) {
      return NO_LAYERS;
    }
    Layer[] out = new Layer[n];
    int i = 0;
    for (Layer l : ls) {
      if (l != null && !l.isEmpty()) {
        out[i++] = l;
      }
    }
    return out;
  }

  /** Replaces the layers under the staged rows (the writer's, after a commit or a flush). */
  void setBases(Layer[] bases) {
    this.bases = bases;
  }

  boolean hasStaged() {
    return overlay != null && (!overlay.isEmpty() || !rangeDeletes.isEmpty());
  }

  /** The staged rows and range deletes, handed over (the session is left empty). */
  Layer takeStaged(Layer under) {
    Layer out = under.plus(overlay, rangeDeletes);
    overlay = new TreeMap<>(Arrays::compareUnsigned);
    rangeDeletes = new ArrayList<>();
    return out;
  }

  /** Visits the staged row keys and range deletes (for collecting previous values). */
  TreeMap<byte[], byte[]> stagedRows() {
    return overlay;
  }

  List<byte[][]> stagedRanges() {
    return rangeDeletes;
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
    }
    for (Layer l : bases) {
      byte[] v = l.rows.get(key);
      if (v != null) {
        return v == TOMBSTONE ? null : v;
      }
      if (l.rangeDeleted(key)) {
        return null;
      }
    }
    if (seen != null) {
      byte[] v = seen.get(java.nio.ByteBuffer.wrap(key));
      if (v != null) {
        return v;
      }
    }
    reads.incrementAndGet();
    try {
      return db.get(cf, ro, key);
    } catch (RocksDBException e) {
      throw new IllegalStateException("RocksDB read failed: " + e.getMessage(), e);
    }
  }

  // a read-only session written to: a select whose path runs an inline transform (transformed)
  // over a stored structure. The writes go to a private layer of this session, which is never
  // committed, so the read sees its own result and the store is untouched.
  private void scratch() {
    if (overlay == null) {
      overlay = new TreeMap<>(Arrays::compareUnsigned);
      rangeDeletes = new ArrayList<>();
    }
  }

  void put(byte[] key, byte[] value) {
    scratch();
    log(key);
    overlay.put(key, value);
  }

  void delete(byte[] key) {
    scratch();
    log(key);
    overlay.put(key, TOMBSTONE);
  }

  /** Deletes every row whose key starts with {@code prefix}. */
  void deletePrefix(byte[] prefix) {
    scratch();
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

  private boolean ownCovers(byte[] key) {
    return overlay.containsKey(key) || rangeDeleted(key);
  }

  private void log(byte[] key) {
    if (undo != null) {
      byte[] old = overlay.get(key);
      undo.add(new byte[][] {key, old == null ? NO_ENTRY : old});
    }
  }

  /** Starts recording changes so {@link #rollback} can undo them. */
  void mark() {
    scratch();
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
    fill(batch, cf, new Layer(overlay, rangeDeletes));
  }

  /** Writes a layer into a batch for one column family: range deletes first, then point rows. */
  static void fill(WriteBatch batch, ColumnFamilyHandle cf, Layer layer) throws RocksDBException {
    for (byte[][] r : layer.rangeDeletes) {
      batch.deleteRange(cf, r[0], r[1]);
    }
    for (Map.Entry<byte[], byte[]> e : layer.rows.entrySet()) {
      if (e.getValue() == TOMBSTONE) {
        batch.delete(cf, e.getKey());
      } else {
        batch.put(cf, e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Opens a cursor over rows with {@code lo <= key < hi} (bounds inclusive as told).
   *
   * @return rows as {key, value} pairs, ascending or descending
   */
  Iterator<byte[][]> cursor(byte[] lo, boolean loIncl, byte[] hi, boolean hiIncl, boolean desc) {
    RocksIterator it = db.newIterator(cf, ro);
    open.add(it);
    Rows rows = new DbRows(it, lo, loIncl, hi, hiIncl, desc);
    for (int i = bases.length - 1; i >= 0; i--) {
      Layer l = bases[i];
      rows = new Merge(rows, l.rows(lo, loIncl, hi, hiIncl, desc), l::covers, desc);
    }
    if (overlay != null) {
      Iterator<Map.Entry<byte[], byte[]>> ov =
          (desc
                  ? overlay.subMap(lo, loIncl, hi, hiIncl).descendingMap()
                  : overlay.subMap(lo, loIncl, hi, hiIncl))
              .entrySet()
              .iterator();
      rows = new Merge(rows, ov, this::ownCovers, desc);
    }
    return rows;
  }

  void closeCursors() {
    for (RocksIterator it : open) {
      it.close();
    }
    open.clear();
  }

  /** An ordered row source: {@link #fetch} returns the next row or null at the end. */
  private abstract static class Rows implements Iterator<byte[][]> {
    private byte[][] next;
    private boolean fetched;

    abstract byte[][] fetch();

    @Override
    public boolean hasNext() {
      if (!fetched) {
        next = fetch();
        fetched = true;
      }
      return next != null;
    }

    @Override
    public byte[][] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      fetched = false;
      return next;
    }
  }

  /** The committed rows of RocksDB between the bounds. */
  private final class DbRows extends Rows {
    private final RocksIterator it;
    private final byte[] lo;
    private final boolean loIncl;
    private final byte[] hi;
    private final boolean hiIncl;
    private final boolean desc;
    private boolean started;

    DbRows(RocksIterator it, byte[] lo, boolean loIncl, byte[] hi, boolean hiIncl, boolean desc) {
      this.it = it;
      this.lo = lo;
      this.loIncl = loIncl;
      this.hi = hi;
      this.hiIncl = hiIncl;
      this.desc = desc;
    }

    @Override
    byte[][] fetch() {
      if (!started) {
        started = true;
        if (desc) {
          it.seekForPrev(hi);
        } else {
          it.seek(lo);
        }
      }
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
      try {
        it.status();
      } catch (RocksDBException e) {
        throw new IllegalStateException("RocksDB read failed: " + e.getMessage(), e);
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
  }

  /** Rows below (minus those the upper rows decide) merged with the upper rows, in key order. */
  private static final class Merge extends Rows {
    private final Rows below;
    private final Iterator<Map.Entry<byte[], byte[]>> upper;
    private final java.util.function.Predicate<byte[]> covers;
    private final boolean desc;
    private byte[][] nextBelow;
    private byte[][] nextUpper;
    private boolean started;

    Merge(
        Rows below,
        Iterator<Map.Entry<byte[], byte[]>> upper,
        java.util.function.Predicate<byte[]> covers,
        boolean desc) {
      this.below = below;
      this.upper = upper;
      this.covers = covers;
      this.desc = desc;
    }

    private byte[][] readUpper() {
      while (upper.hasNext()) {
        Map.Entry<byte[], byte[]> e = upper.next();
        if (e.getValue() != TOMBSTONE) {
          return new byte[][] {e.getKey(), e.getValue()};
        }
      }
      return null;
    }

    private byte[][] readBelow() {
      while (below.hasNext()) {
        byte[][] r = below.next();
        if (!covers.test(r[0])) {
          return r;
        }
      }
      return null;
    }

    @Override
    byte[][] fetch() {
      if (!started) {
        started = true;
        nextBelow = readBelow();
        nextUpper = readUpper();
      }
      if (nextBelow == null && nextUpper == null) {
        return null;
      }
      boolean takeBelow;
      if (nextBelow == null) {
        takeBelow = false;
      } else if (nextUpper == null) {
        takeBelow = true;
      } else {
        int c = Arrays.compareUnsigned(nextBelow[0], nextUpper[0]);
        takeBelow = desc ? c > 0 : c < 0;
      }
      byte[][] out;
      if (takeBelow) {
        out = nextBelow;
        nextBelow = readBelow();
      } else {
        out = nextUpper;
        nextUpper = readUpper();
      }
      return out;
    }
  }
}
