package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The committed top level of a map PState in memory: a sorted map that readers navigate while the
 * writer's commit updates it, so a commit costs the keys it changes, not the size of the partition.
 *
 * <p>Keys whose {@code equals} agrees with the key order (strings, boxed integers, booleans, UUIDs:
 * see {@link #hashable}) live in a {@link ConcurrentHashMap}, which is the authority on which of
 * them exist: a point {@code get} is one hash lookup, and adding such a key at commit is one hash
 * insert. Other keys live in a {@link ConcurrentSkipListMap} in key order. Every key maps to a
 * {@link Cell}, so a commit that changes the value of an existing key is one lookup and one write
 * (and cells hold nulls, which neither map allows). Values are never mutated once stored: the
 * writer replaces them whole at commit.
 *
 * <p>The skip list is also the sorted index of the hashable keys, kept lazily: nothing is sorted
 * until a reader first needs order (iteration, range or first/last navigation, a sub-map); that
 * read sorts every key once, and from then on a commit that adds a hashable key only queues its
 * cell, which the next ordered read merges in. So a partition that is only read by key (a stream
 * word count, say) never pays for an ordered index, and one that is also read in order pays one
 * skip-list insert per new key, on the first ordered read after it. All changes of the skip list's
 * hashable entries (merging, building, removing) happen under one lock; a removed key's cell is
 * marked first, so a merge running concurrently never puts it back.
 *
 * <p>Read-only to everyone but the store: the {@code java.util} mutators throw. Sub-map views
 * (ranges, descending) share the skip list, are made only after the index is complete, and have no
 * hash index.
 */
final class CommittedMap extends AbstractMap<Object, Object>
    implements NavigableMap<Object, Object> {
  /**
   * The value of one key; replaced in place when a commit changes it. Not volatile: the store's
   * readers read it inside its sequence lock, whose release/acquire orders it (see {@link
   * MemoryPStateStore}), and a new cell is published through the hash map or skip list.
   */
  static final class Cell {
    final Object key;
    Object value;
    // set before a removed key's cell leaves the skip list, so a concurrent merge skips it
    volatile boolean removed;

    Cell(Object key, Object value) {
      this.key = key;
      this.value = value;
    }
  }

  // non-hashable keys always; hashable keys once the sorted index is built (see sortedReady).
  // Replaced once, by the index build (a new skip list built from sorted cells in linear time);
  // until then the writer changes it only under sortLock, so the build never loses a key
  private volatile ConcurrentNavigableMap<Object, Object> sorted;
  // hashable keys (the authority for them); null on sub-map views
  private final ConcurrentHashMap<Object, Cell> hashed;
  // cells of hashable keys added since the index was built, not yet in the skip list (root only)
  private final ConcurrentLinkedQueue<Cell> added;
  // guards the skip list's hashable entries: building, merging `added`, removing (root only)
  private final Object sortLock;
  // set when the index starts being built: from then on the writer queues new hashable keys
  private volatile boolean sortedWanted;
  // set once the index holds every hashable key that existed when it was built
  private volatile boolean sortedReady;
  // number of non-hashable keys (written by the writer only)
  private volatile int others;
  // cells put in `added` (by the writer) and cells taken from it and merged (under sortLock): a
  // reader may skip the lock only when they are equal, since an empty queue may still hold a cell
  // that another reader took and has not put in the skip list yet
  private volatile long queued;
  private volatile long merged;

  CommittedMap() {
    this.sorted = new ConcurrentSkipListMap<>(OrderedKeyEncoding.KEY_ORDER);
    this.hashed = new ConcurrentHashMap<>();
    this.added = new ConcurrentLinkedQueue<>();
    this.sortLock = new Object();
  }

  /** A sub-map view over part of a complete skip list. */
  private CommittedMap(ConcurrentNavigableMap<Object, Object> sorted) {
    this.sorted = sorted;
    this.hashed = null;
    this.added = null;
    this.sortLock = null;
  }

  /** A new committed map holding the entries of {@code m} (values already owned by the store). */
  static CommittedMap of(Map<?, ?> m) {
    CommittedMap out = new CommittedMap();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.store(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Whether {@code equals}/{@code hashCode} of the key agree with {@link OrderedKeyEncoding}. */
  static boolean hashable(Object k) {
    return k instanceof String
        || k instanceof Long
        || k instanceof Integer
        || k instanceof Short
        || k instanceof Byte
        || k instanceof Boolean
        || k instanceof UUID;
  }

  /** The cell of {@code k}, or null when the key is absent. */
  Cell cell(Object k) {
    if (hashed != null && hashable(k)) {
      return hashed.get(k);
    }
    return k == null ? null : (Cell) sorted.get(k);
  }

  /** Writer only, at commit. */
  void store(Object k, Object v) {
    Cell c = cell(k);
    if (c != null) {
      c.value = v;
    } else {
      add(k, v);
    }
  }

  /** Writer only, at commit: adds a key known to be absent. */
  void add(Object k, Object v) {
    Cell c = new Cell(k, v);
    if (hashed != null && hashable(k)) {
      hashed.put(k, c);
      // read after the put: an index build that starts concurrently either sees the key in the
      // hash map or has set sortedWanted before this read (both are volatile)
      if (sortedWanted) {
        added.offer(c);
        queued = queued + 1;
      }
    } else if (sortLock != null && !sortedReady) {
      synchronized (sortLock) {
        sorted.put(k, c);
        others++;
      }
    } else {
      sorted.put(k, c);
      others++;
    }
  }

  /** Writer only, at commit. */
  void delete(Object k) {
    if (hashed != null && hashable(k)) {
      Cell c = hashed.remove(k);
      if (c == null) {
        return;
      }
      c.removed = true;
      if (sortedWanted) {
        synchronized (sortLock) {
          sorted.remove(k, c);
        }
      }
    } else if (k != null && sortLock != null && !sortedReady) {
      synchronized (sortLock) {
        if (sorted.remove(k) != null) {
          others--;
        }
      }
    } else if (k != null && sorted.remove(k) != null) {
      others--;
    }
  }

  /**
   * Makes the skip list hold every key before an ordered read: builds the index on first use, then
   * merges the keys added since. A reader that saw a commit's end (the store's sequence lock) sees
   * the cells that commit queued (and the count), so it merges them here or waits for the reader
   * merging them.
   */
  private void ensureSorted() {
    if (hashed == null || (sortedReady && merged == queued)) {
      return;
    }
    synchronized (sortLock) {
      if (!sortedReady) {
        sortedWanted = true;
        // sort once, then build a new skip list from the sorted run in linear time (inserting the
        // keys one by one cost a search each: a few hundred ms for 100k keys on the first ordered
        // read). The writer changes the old skip list only under sortLock until sortedReady, so
        // its non-hashable keys are stable here; readers keep using the old one until the swap.
        Cell[] cells = sortedCells(hashed.values().toArray(new Cell[0]));
        sorted = new ConcurrentSkipListMap<>(new SortedRun(merge(cells, sorted)));
        sortedReady = true;
      }
      Cell c;
      long n = merged;
      while ((c = added.poll()) != null) {
        if (!c.removed) {
          sorted.put(c.key, c);
        }
        n++;
      }
      merged = n;
    }
  }

  private static final Comparator<Cell> CELL_ORDER =
      (a, b) -> OrderedKeyEncoding.compareKeys(a.key, b.key);

  /**
   * {@code cells} in key order. When every key is a String (the common case), the sort compares
   * 8-byte prefixes held in one small object per key, which sit together in memory, and reads the
   * strings only on a prefix tie: the generic sort chases cell, key and character array on every
   * comparison, mostly cache misses, which made it the bulk of the first ordered read of a large
   * partition.
   */
  private static Cell[] sortedCells(Cell[] cells) {
    boolean latin1 = true;
    for (Cell c : cells) {
      if (!(c.key instanceof String)) {
        Arrays.sort(cells, CELL_ORDER);
        return cells;
      }
      String k = (String) c.key;
      for (int i = 0, n = Math.min(k.length(), 8); i < n && latin1; i++) {
        latin1 = k.charAt(i) < 0x100;
      }
    }
    Prefixed[] ps = new Prefixed[cells.length];
    for (int i = 0; i < cells.length; i++) {
      ps[i] = new Prefixed(cells[i], latin1);
    }
    Arrays.sort(ps, Prefixed.ORDER);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = ps[i].cell;
    }
    return cells;
  }

  /**
   * A String-keyed cell with the first characters of its key packed into a long whose unsigned
   * order is the order of those characters (8 of them when all keys start with Latin-1 characters,
   * else 4; missing characters count as zero, so a tie falls back to the full comparison, which is
   * {@link String#compareTo}, as in {@link OrderedKeyEncoding#compareKeys} for two strings).
   */
  private static final class Prefixed {
    static final Comparator<Prefixed> ORDER =
        (a, b) -> {
          int c = Long.compareUnsigned(a.prefix, b.prefix);
          return c != 0 ? c : ((String) a.cell.key).compareTo((String) b.cell.key);
        };

    final long prefix;
    final Cell cell;

    Prefixed(Cell cell, boolean latin1) {
      this.cell = cell;
      String k = (String) cell.key;
      int chars = latin1 ? 8 : 4;
      int bits = latin1 ? 8 : 16;
      long p = 0;
      for (int i = 0; i < chars; i++) {
        p = (p << bits) | (i < k.length() ? k.charAt(i) : 0);
      }
      this.prefix = p;
    }
  }

  /**
   * The live cells of {@code hashedCells} (sorted) and the cells in {@code others} (the skip list
   * of non-hashable keys), in key order; a key that compares equal to the one before it is left
   * out, as a skip list would hold it once.
   */
  private static Cell[] merge(Cell[] hashedCells, ConcurrentNavigableMap<Object, Object> others) {
    Cell[] out = new Cell[hashedCells.length + others.size()];
    Iterator<Object> it = others.values().iterator();
    Cell o = it.hasNext() ? (Cell) it.next() : null;
    int n = 0;
    int i = 0;
    while (i < hashedCells.length || o != null) {
      Cell next;
      if (o == null || (i < hashedCells.length && CELL_ORDER.compare(hashedCells[i], o) <= 0)) {
        next = hashedCells[i++];
        if (next.removed) {
          continue;
        }
      } else {
        next = o;
        o = it.hasNext() ? (Cell) it.next() : null;
      }
      if (n > 0 && CELL_ORDER.compare(out[n - 1], next) == 0) {
        continue;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2 + 1);
      }
      out[n++] = next;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Sorted cells as a {@link SortedMap} of key to cell, only as far as {@link
   * ConcurrentSkipListMap#ConcurrentSkipListMap(SortedMap)} reads it (comparator and entry
   * iteration), which links the entries in one pass instead of searching for each.
   */
  private static final class SortedRun extends AbstractMap<Object, Object>
      implements SortedMap<Object, Object> {
    private final Cell[] cells;

    SortedRun(Cell[] cells) {
      this.cells = cells;
    }

    @Override
    public Comparator<? super Object> comparator() {
      return OrderedKeyEncoding.KEY_ORDER;
    }

    @Override
    public int size() {
      return cells.length;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return cells.length;
        }

        @Override
        public Iterator<Entry<Object, Object>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < cells.length;
            }

            @Override
            public Entry<Object, Object> next() {
              if (i >= cells.length) {
                throw new NoSuchElementException();
              }
              Cell c = cells[i++];
              return new SimpleImmutableEntry<>(c.key, c);
            }
          };
        }
      };
    }

    @Override
    public SortedMap<Object, Object> subMap(Object fromKey, Object toKey) {
      throw new UnsupportedOperationException("sorted run: build input only");
    }

    @Override
    public SortedMap<Object, Object> headMap(Object toKey) {
      throw new UnsupportedOperationException("sorted run: build input only");
    }

    @Override
    public SortedMap<Object, Object> tailMap(Object fromKey) {
      throw new UnsupportedOperationException("sorted run: build input only");
    }

    @Override
    public Object firstKey() {
      if (cells.length == 0) {
        throw new NoSuchElementException();
      }
      return cells[0].key;
    }

    @Override
    public Object lastKey() {
      if (cells.length == 0) {
        throw new NoSuchElementException();
      }
      return cells[cells.length - 1].key;
    }
  }

  private static Object unmask(Object v) {
    return v == null ? null : ((Cell) v).value;
  }

  /** The skip list, complete (every key in it): for reads that need order. */
  private ConcurrentNavigableMap<Object, Object> ordered() {
    ensureSorted();
    return sorted;
  }

  /** The stored value, or {@code absent} when the key is not present. */
  Object getOr(Object k, Object absent) {
    Cell c = cell(k);
    return c == null ? absent : c.value;
  }

  @Override
  public Object get(Object k) {
    return getOr(k, null);
  }

  @Override
  public boolean containsKey(Object k) {
    return cell(k) != null;
  }

  @Override
  public int size() {
    return hashed == null ? sorted.size() : hashed.size() + others;
  }

  @Override
  public boolean isEmpty() {
    return hashed == null ? sorted.isEmpty() : hashed.isEmpty() && others == 0;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<Entry<Object, Object>> it = ordered().entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry<Object, Object> next() {
            return unmask(it.next());
          }
        };
      }

      @Override
      public int size() {
        return CommittedMap.this.size();
      }

      @Override
      public boolean isEmpty() {
        return CommittedMap.this.isEmpty();
      }
    };
  }

  @Override
  public NavigableSet<Object> keySet() {
    return navigableKeySet();
  }

  private static Entry<Object, Object> unmask(Entry<Object, Object> e) {
    return e == null ? null : new SimpleImmutableEntry<>(e.getKey(), unmask(e.getValue()));
  }

  private static CommittedMap view(ConcurrentNavigableMap<Object, Object> m) {
    return new CommittedMap(m);
  }

  @Override
  public Comparator<? super Object> comparator() {
    return sorted.comparator();
  }

  @Override
  public Object firstKey() {
    return ordered().firstKey();
  }

  @Override
  public Object lastKey() {
    return ordered().lastKey();
  }

  @Override
  public Entry<Object, Object> lowerEntry(Object key) {
    return unmask(ordered().lowerEntry(key));
  }

  @Override
  public Object lowerKey(Object key) {
    return ordered().lowerKey(key);
  }

  @Override
  public Entry<Object, Object> floorEntry(Object key) {
    return unmask(ordered().floorEntry(key));
  }

  @Override
  public Object floorKey(Object key) {
    return ordered().floorKey(key);
  }

  @Override
  public Entry<Object, Object> ceilingEntry(Object key) {
    return unmask(ordered().ceilingEntry(key));
  }

  @Override
  public Object ceilingKey(Object key) {
    return ordered().ceilingKey(key);
  }

  @Override
  public Entry<Object, Object> higherEntry(Object key) {
    return unmask(ordered().higherEntry(key));
  }

  @Override
  public Object higherKey(Object key) {
    return ordered().higherKey(key);
  }

  @Override
  public Entry<Object, Object> firstEntry() {
    return unmask(ordered().firstEntry());
  }

  @Override
  public Entry<Object, Object> lastEntry() {
    return unmask(ordered().lastEntry());
  }

  @Override
  public Entry<Object, Object> pollFirstEntry() {
    throw new UnsupportedOperationException("committed PState data is read-only");
  }

  @Override
  public Entry<Object, Object> pollLastEntry() {
    throw new UnsupportedOperationException("committed PState data is read-only");
  }

  @Override
  public NavigableMap<Object, Object> descendingMap() {
    return view(ordered().descendingMap());
  }

  @Override
  public NavigableSet<Object> navigableKeySet() {
    return java.util.Collections.unmodifiableNavigableSet(ordered().navigableKeySet());
  }

  @Override
  public NavigableSet<Object> descendingKeySet() {
    return java.util.Collections.unmodifiableNavigableSet(ordered().descendingKeySet());
  }

  @Override
  public NavigableMap<Object, Object> subMap(
      Object fromKey, boolean fromInclusive, Object toKey, boolean toInclusive) {
    return view(ordered().subMap(fromKey, fromInclusive, toKey, toInclusive));
  }

  @Override
  public NavigableMap<Object, Object> headMap(Object toKey, boolean inclusive) {
    return view(ordered().headMap(toKey, inclusive));
  }

  @Override
  public NavigableMap<Object, Object> tailMap(Object fromKey, boolean inclusive) {
    return view(ordered().tailMap(fromKey, inclusive));
  }

  @Override
  public NavigableMap<Object, Object> subMap(Object fromKey, Object toKey) {
    return subMap(fromKey, true, toKey, false);
  }

  @Override
  public NavigableMap<Object, Object> headMap(Object toKey) {
    return headMap(toKey, false);
  }

  @Override
  public NavigableMap<Object, Object> tailMap(Object fromKey) {
    return tailMap(fromKey, true);
  }

  /** Whether the sorted index of the hashable keys has been built (for tests). */
  boolean sortedIndexBuilt() {
    return sortedReady;
  }
}
