package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The staged top-level values of one staging session of a map PState. A microbatch stages thousands
 * of keys in one session and looks each of them up once per record, so keys whose {@code equals}
 * agrees with the key order ({@link CommittedMap#hashable}) live in an open-addressing hash table
 * (parallel arrays, linear probing: no node per entry, no comparator); other keys in a map sorted
 * by the key order. A {@link #put} of the key the last {@link #get} looked up (the usual
 * read-then-stage of one write) reuses that lookup's slot. Iteration order is unspecified: readers
 * of a merged view sort it themselves.
 */
final class Overlay extends AbstractMap<Object, Object> {
  private static final int MIN_CAPACITY = 16;

  // capacity a power of two, at most half full; a null key slot is empty
  private Object[] keys = new Object[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY];
  private int[] hashes = new int[MIN_CAPACITY];
  private int hashedSize;
  // the key the last get looked up (by identity) and the slot it ended on: its entry, or the empty
  // slot a put of it would fill; -1 when none
  private Object lastKey;
  private int lastSlot = -1;
  // null until a key that is not hashable is staged
  private TreeMap<Object, Object> sorted;

  private static int spread(int h) {
    // Fibonacci hashing: the table index takes the high bits of the product
    return (h ^ (h >>> 16)) * 0x9E3779B9;
  }

  /** The slot holding {@code k}, or the empty slot where it would go. */
  private int probe(Object k, int h) {
    int mask = keys.length - 1;
    int i = (h >>> 16 ^ h) & mask;
    while (true) {
      Object o = keys[i];
      if (o == null || (hashes[i] == h && (o == k || o.equals(k)))) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  @Override
  public Object get(Object k) {
    if (CommittedMap.hashable(k)) {
      if (hashedSize == 0) {
        return null;
      }
      int i = probe(k, spread(k.hashCode()));
      lastKey = k;
      lastSlot = i;
      return values[i];
    }
    return sorted == null || k == null ? null : sorted.get(k);
  }

  @Override
  public boolean containsKey(Object k) {
    if (CommittedMap.hashable(k)) {
      return hashedSize > 0 && keys[probe(k, spread(k.hashCode()))] != null;
    }
    return sorted != null && k != null && sorted.containsKey(k);
  }

  @Override
  public Object put(Object k, Object v) {
    if (!CommittedMap.hashable(k)) {
      if (sorted == null) {
        sorted = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      }
      return sorted.put(k, v);
    }
    int h = spread(k.hashCode());
    int i = k == lastKey && lastSlot >= 0 ? lastSlot : probe(k, h);
    lastKey = null;
    lastSlot = -1;
    if (keys[i] != null) {
      Object old = values[i];
      values[i] = v;
      return old;
    }
    keys[i] = k;
    values[i] = v;
    hashes[i] = h;
    if (++hashedSize * 2 > keys.length) {
      grow();
    }
    return null;
  }

  private void grow() {
    Object[] ok = keys;
    Object[] ov = values;
    int[] oh = hashes;
    int n = ok.length * 2;
    keys = new Object[n];
    values = new Object[n];
    hashes = new int[n];
    int mask = n - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != null) {
        int h = oh[j];
        int i = (h >>> 16 ^ h) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        values[i] = ov[j];
        hashes[i] = h;
      }
    }
  }

  @Override
  public Object remove(Object k) {
    if (!CommittedMap.hashable(k)) {
      return sorted == null || k == null ? null : sorted.remove(k);
    }
    if (hashedSize == 0) {
      return null;
    }
    lastKey = null;
    lastSlot = -1;
    int mask = keys.length - 1;
    int i = probe(k, spread(k.hashCode()));
    if (keys[i] == null) {
      return null;
    }
    Object old = values[i];
    // backward-shift deletion keeps every later entry of the probe run reachable
    int gap = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (keys[j] == null) {
        break;
      }
      int h = hashes[j];
      int home = (h >>> 16 ^ h) & mask;
      // move j into the gap unless its home lies cyclically in (gap, j]
      boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
      if (!stays) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        hashes[gap] = h;
        gap = j;
      }
    }
    keys[gap] = null;
    values[gap] = null;
    hashedSize--;
    return old;
  }

  @Override
  public int size() {
    return hashedSize + (sorted == null ? 0 : sorted.size());
  }

  @Override
  public boolean isEmpty() {
    return hashedSize == 0 && (sorted == null || sorted.isEmpty());
  }

  @Override
  public void clear() {
    lastKey = null;
    lastSlot = -1;
    if (keys.length > 4096) {
      // a large session's table is not kept for the next, usually small, one
      keys = new Object[MIN_CAPACITY];
      values = new Object[MIN_CAPACITY];
      hashes = new int[MIN_CAPACITY];
    } else if (hashedSize > 0) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
    }
    hashedSize = 0;
    sorted = null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<Entry<Object, Object>> rest =
            sorted == null ? java.util.Collections.emptyIterator() : sorted.entrySet().iterator();
        Object[] ks = keys;
        Object[] vs = values;
        return new Iterator<>() {
          private int i = next(0);

          private int next(int from) {
            while (from < ks.length && ks[from] == null) {
              from++;
            }
            return from;
          }

          @Override
          public boolean hasNext() {
            return i < ks.length || rest.hasNext();
          }

          @Override
          public Entry<Object, Object> next() {
            if (i < ks.length) {
              Entry<Object, Object> e = new SimpleImmutableEntry<>(ks[i], vs[i]);
              i = next(i + 1);
              return e;
            }
            if (!rest.hasNext()) {
              throw new NoSuchElementException();
            }
            return rest.next();
          }
        };
      }

      @Override
      public int size() {
        return Overlay.this.size();
      }
    };
  }
}
