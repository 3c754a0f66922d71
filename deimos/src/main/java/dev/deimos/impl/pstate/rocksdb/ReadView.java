package dev.deimos.impl.pstate.rocksdb;

import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot with the committed rows laid over it (see {@link Layer}) and its ReadOptions,
 * shared by every read until the next commit so a point read does not pay for taking a snapshot.
 * Reference counted: the store holds one reference while the view is current, each reader one while
 * it reads; the snapshot is released when the count drops to zero.
 */
final class ReadView {
  private final RocksDB db;
  private final Snapshot snapshot;
  final ReadOptions options;
  // the rows committed after the snapshot's state and not yet written to RocksDB
  final Layer layer;
  private final AtomicInteger refs = new AtomicInteger(1);

  ReadView(RocksDB db, Layer layer) {
    this.db = db;
    this.layer = layer;
    this.snapshot = db.getSnapshot();
    this.options = new ReadOptions().setSnapshot(snapshot);
  }

  /** Takes a reference; false if the view was already released. */
  boolean acquire() {
    while (true) {
      int n = refs.get();
      if (n == 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      options.close();
      db.releaseSnapshot(snapshot);
    }
  }
}
