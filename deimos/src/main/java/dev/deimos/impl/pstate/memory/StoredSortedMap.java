package dev.deimos.impl.pstate.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A subindexed map as the memory store keeps it once written: sorted in key order (range navigators
 * need the order) and never mutated again, so it can carry a hash index that the first point read
 * builds. Later point reads of keys whose {@code equals} agrees with the key order (see {@link
 * CommittedMap#hashable}) are one hash lookup instead of a walk down the tree.
 *
 * <p>Only the store creates these; once committed nothing mutates them (the path engine copies maps
 * it changes, and {@code Adopt} never updates one in place). Before its commit, the writer may
 * update a map it copied in the current staging session in place: {@code put} and {@code remove}
 * drop the index then.
 */
final class StoredSortedMap extends TreeMap<Object, Object> {
  private static final long serialVersionUID = 1L;
  // built on first use; a race builds it twice, harmlessly, since the map's keys no longer change.
  // It holds the tree's own entries, not their values, so a committed leaf updated in place
  // (setEntry) is seen through the index too.
  private transient volatile HashMap<Object, Map.Entry<Object, Object>> index;
  // point reads before the index exists; racy on purpose (only decides when to build)
  private transient int reads;
  // the staging session (see MemoryPStateStore) that made this copy and may update it in place;
  // session ids are unique across stores, and a commit or abort starts a new one
  transient long owner;
  // CLOCK when this map was made: a store updates a committed map in place only when no snapshot of
  // the store was taken since (see MemoryPStateStore#snapshotMark), as snapshots share the maps
  final long born = CLOCK.get();

  /** Advanced by each snapshot of a memory store; stamps the maps made afterwards. */
  static final java.util.concurrent.atomic.AtomicLong CLOCK =
      new java.util.concurrent.atomic.AtomicLong();

  StoredSortedMap(SortedMap<Object, Object> sorted) {
    super(sorted);
  }

  private HashMap<Object, Map.Entry<Object, Object>> index() {
    HashMap<Object, Map.Entry<Object, Object>> idx = index;
    if (idx == null) {
      idx = new HashMap<>(size() * 2);
      // the entry set's iterator hands out the tree's nodes themselves
      for (Map.Entry<Object, Object> e : entrySet()) {
        if (CommittedMap.hashable(e.getKey())) {
          idx.put(e.getKey(), e);
        }
      }
      index = idx;
    }
    return idx;
  }

  private boolean useIndex(Object k) {
    return CommittedMap.hashable(k) && (index != null || ++reads > 1);
  }

  // the writer updates maps it copied in this staging session in place; drop a stale index then
  @Override
  public Object put(Object k, Object v) {
    index = null;
    reads = 0;
    return super.put(k, v);
  }

  @Override
  public Object remove(Object k) {
    index = null;
    reads = 0;
    return super.remove(k);
  }

  @Override
  public Object get(Object k) {
    if (useIndex(k)) {
      Map.Entry<Object, Object> e = index().get(k);
      return e == null ? null : e.getValue();
    }
    return super.get(k);
  }

  /**
   * The tree's entry of an existing hashable key, whose value the writer may set in place (no
   * structural change, so concurrent readers stay safe and retry under the store's sequence lock);
   * null when absent or not hashable.
   */
  Map.Entry<Object, Object> entry(Object k) {
    return CommittedMap.hashable(k) ? index().get(k) : null;
  }

  @Override
  public boolean containsKey(Object k) {
    return useIndex(k) ? index().containsKey(k) : super.containsKey(k);
  }
}
