package dev.deimos.impl.pstate.rocksdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Rows laid over a RocksDB column family without being written to it: range deletes applied first,
 * then point rows ({@link Kv#TOMBSTONE} for a deleted row). Immutable once built, so readers on
 * other threads can walk it while the writer builds the next one.
 *
 * <p>Two uses: the PState commits of a task that no progress commit has made durable yet (see
 * {@link TaskDb}), and the previous values a read pinned to an earlier microbatch looks behind
 * ({@link RocksPStateStore#selectBefore}).
 */
final class Layer {
  static final Layer EMPTY =
      new Layer(new TreeMap<>(Arrays::compareUnsigned), Collections.emptyList());

  final NavigableMap<byte[], byte[]> rows;
  final List<byte[][]> rangeDeletes;

  Layer(NavigableMap<byte[], byte[]> rows, List<byte[][]> rangeDeletes) {
    this.rows = rows;
    this.rangeDeletes = rangeDeletes;
  }

  boolean isEmpty() {
    return rows.isEmpty() && rangeDeletes.isEmpty();
  }

  /** Number of rows and range deletes, the cost of copying or writing the layer. */
  int size() {
    return rows.size() + rangeDeletes.size();
  }

  /**
   * This layer with {@code later} applied on top. Takes ownership of {@code laterRows} and {@code
   * laterRanges} when this layer is empty (no copy); copies this layer's rows otherwise.
   */
  Layer plus(TreeMap<byte[], byte[]> laterRows, List<byte[][]> laterRanges) {
    if (isEmpty()) {
      return new Layer(laterRows, laterRanges);
    }
    TreeMap<byte[], byte[]> r = new TreeMap<>(rows);
    List<byte[][]> ranges = new ArrayList<>(rangeDeletes);
    for (byte[][] d : laterRanges) {
      // a later range delete removes earlier point rows in its range; they stay deleted because
      // range deletes apply before point rows
      r.subMap(d[0], true, d[1], false).clear();
      ranges.add(d);
    }
    r.putAll(laterRows);
    return new Layer(r, ranges);
  }

  /** Whether a range delete of this layer covers {@code key}. */
  boolean rangeDeleted(byte[] key) {
    for (int i = 0; i < rangeDeletes.size(); i++) {
      byte[][] r = rangeDeletes.get(i);
      if (Arrays.compareUnsigned(key, r[0]) >= 0 && Arrays.compareUnsigned(key, r[1]) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the layer decides the row {@code key} (a row or a covering range delete). */
  boolean covers(byte[] key) {
    return rows.containsKey(key) || rangeDeleted(key);
  }

  /** A layer from rows only (previous values), taking ownership of the map. */
  static Layer ofRows(TreeMap<byte[], byte[]> rows) {
    return new Layer(rows, Collections.emptyList());
  }

  /** Iterates the point rows between the bounds, skipping none (tombstones included). */
  java.util.Iterator<Map.Entry<byte[], byte[]>> rows(
      byte[] lo, boolean loIncl, byte[] hi, boolean hiIncl, boolean desc) {
    NavigableMap<byte[], byte[]> m = rows.subMap(lo, loIncl, hi, hiIncl);
    return (desc ? m.descendingMap() : m).entrySet().iterator();
  }
}
