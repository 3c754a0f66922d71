package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The committed top level of a map PState in memory: a sorted map that readers navigate while the
 * writer's commit updates it, so a commit costs the keys it changes, not the size of the partition.
 *
 * <p>Entries live in a {@link ConcurrentSkipListMap} in key order (range navigators need the order)
 * and, for keys whose {@code equals} agrees with the key order (strings, boxed numbers, booleans,
 * UUIDs), also in a {@link ConcurrentHashMap}, so a point {@code get} is one hash lookup. Both hold
 * the same {@link Cell} per key, so a commit that changes the value of an existing key is one hash
 * lookup and one volatile write (and cells hold nulls, which neither map allows). Values are never
 * mutated once stored: the writer replaces them whole at commit.
 *
 * <p>Read-only to everyone but the store: the {@code java.util} mutators throw. Sub-map views
 * (ranges, descending) share the skip list and have no hash index.
 */
final class CommittedMap extends AbstractMap<Object, Object>
    implements NavigableMap<Object, Object> {
  /** The value of one key; replaced in place when a commit changes it. */
  static final class Cell {
    volatile Object value;

    Cell(Object value) {
      this.value = value;
    }
  }

  private final ConcurrentNavigableMap<Object, Object> sorted;
  // null on sub-map views
  private final ConcurrentHashMap<Object, Object> hashed;

  CommittedMap() {
    this(new ConcurrentSkipListMap<>(OrderedKeyEncoding.KEY_ORDER), new ConcurrentHashMap<>());
  }

  private CommittedMap(
      ConcurrentNavigableMap<Object, Object> sorted, ConcurrentHashMap<Object, Object> hashed) {
    this.sorted = sorted;
    this.hashed = hashed;
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

  Cell cell(Object k) {
    if (hashed != null && hashable(k)) {
      return (Cell) hashed.get(k);
    }
    return k == null ? null : (Cell) sorted.get(k);
  }

  /** Writer only, at commit. */
  void store(Object k, Object v) {
    Cell c = cell(k);
    if (c != null) {
      c.value = v;
      return;
    }
    c = new Cell(v);
    sorted.put(k, c);
    if (hashed != null && hashable(k)) {
      hashed.put(k, c);
    }
  }

  /** Writer only, at commit. */
  void delete(Object k) {
    sorted.remove(k);
    if (hashed != null && hashable(k)) {
      hashed.remove(k);
    }
  }

  private static Object unmask(Object v) {
    return v == null ? null : ((Cell) v).value;
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
    return k != null && (hashed != null && hashable(k) ? hashed : sorted).containsKey(k);
  }

  @Override
  public int size() {
    return sorted.size();
  }

  @Override
  public boolean isEmpty() {
    return sorted.isEmpty();
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<Entry<Object, Object>> it = sorted.entrySet().iterator();
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
        return sorted.size();
      }

      @Override
      public boolean isEmpty() {
        return sorted.isEmpty();
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
    return new CommittedMap(m, null);
  }

  @Override
  public Comparator<? super Object> comparator() {
    return sorted.comparator();
  }

  @Override
  public Object firstKey() {
    return sorted.firstKey();
  }

  @Override
  public Object lastKey() {
    return sorted.lastKey();
  }

  @Override
  public Entry<Object, Object> lowerEntry(Object key) {
    return unmask(sorted.lowerEntry(key));
  }

  @Override
  public Object lowerKey(Object key) {
    return sorted.lowerKey(key);
  }

  @Override
  public Entry<Object, Object> floorEntry(Object key) {
    return unmask(sorted.floorEntry(key));
  }

  @Override
  public Object floorKey(Object key) {
    return sorted.floorKey(key);
  }

  @Override
  public Entry<Object, Object> ceilingEntry(Object key) {
    return unmask(sorted.ceilingEntry(key));
  }

  @Override
  public Object ceilingKey(Object key) {
    return sorted.ceilingKey(key);
  }

  @Override
  public Entry<Object, Object> higherEntry(Object key) {
    return unmask(sorted.higherEntry(key));
  }

  @Override
  public Object higherKey(Object key) {
    return sorted.higherKey(key);
  }

  @Override
  public Entry<Object, Object> firstEntry() {
    return unmask(sorted.firstEntry());
  }

  @Override
  public Entry<Object, Object> lastEntry() {
    return unmask(sorted.lastEntry());
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
    return view(sorted.descendingMap());
  }

  @Override
  public NavigableSet<Object> navigableKeySet() {
    return java.util.Collections.unmodifiableNavigableSet(sorted.navigableKeySet());
  }

  @Override
  public NavigableSet<Object> descendingKeySet() {
    return java.util.Collections.unmodifiableNavigableSet(sorted.descendingKeySet());
  }

  @Override
  public NavigableMap<Object, Object> subMap(
      Object fromKey, boolean fromInclusive, Object toKey, boolean toInclusive) {
    return view(sorted.subMap(fromKey, fromInclusive, toKey, toInclusive));
  }

  @Override
  public NavigableMap<Object, Object> headMap(Object toKey, boolean inclusive) {
    return view(sorted.headMap(toKey, inclusive));
  }

  @Override
  public NavigableMap<Object, Object> tailMap(Object fromKey, boolean inclusive) {
    return view(sorted.tailMap(fromKey, inclusive));
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
}
