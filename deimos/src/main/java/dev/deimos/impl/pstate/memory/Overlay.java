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
  // per slot: the key's committed cell when it was staged, NOT_COMMITTED when it had none, null
  // when unknown (then the commit looks the key up)
  private Object[] cells = new Object[MIN_CAPACITY];
  private int hashedSize;
  // the committed cell noted for lastKey since its get (see noteCommitted), else null
  private Object lastCell;

  /** A key that had no committed value when it was staged. */
  static final Object NOT_COMMITTED = new Object();

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
        lastKey = k;
        lastSlot = -1;
        lastCell = null;
        return null;
      }
      int i = probe(k, spread(k.hashCode()));
      lastKey = k;
      lastSlot = i;
      lastCell = null;
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

  /**
   * After a {@link #get} of {@code k} that found nothing: {@code k}'s committed cell (null when it
   * has none), kept with the entry the next {@link #put} of {@code k} adds.
   */
  void noteCommitted(Object k, CommittedMap.Cell c) {
    if (k == lastKey) {
      lastCell = c == null ? NOT_COMMITTED : c;
    }
  }

  @Override
  public Object put(Object k, Object v) {
    return put(k, v, null);
  }

  /**
   * Stages {@code v} for {@code k}; a new entry keeps {@code cell} (a {@link CommittedMap.Cell},
   * {@link #NOT_COMMITTED} or null for unknown), or the one {@link #noteCommitted} gave.
   */
  Object put(Object k, Object v, Object cell) {
    if (!CommittedMap.hashable(k)) {
      if (sorted == null) {
        sorted = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      }
      return sorted.put(k, v);
    }
    int h = spread(k.hashCode());
    boolean last = k == lastKey;
    int i = last && lastSlot >= 0 ? lastSlot : probe(k, h);
    if (last && cell == null) {
      cell = lastCell;
    }
    lastKey = null;
    lastSlot = -1;
    lastCell = null;
    if (keys[i] != null) {
      Object old = values[i];
      values[i] = v;
      return old;
    }
    keys[i] = k;
    values[i] = v;
    hashes[i] = h;
    cells[i] = cell;
    if (++hashedSize * 2 > keys.length) {
      grow();
    }
    return null;
  }

  /**
   * Writes every staged value into {@code root} ({@code removed} deletes the key), setting the
   * cells noted at staging in place. When {@code prevKeys} is not null, it and {@code prevValues}
   * (both of {@link #size} elements) receive each key and the committed value it replaced ({@code
   * absent} for a new key). Called by the store's commit, under its sequence lock.
   */
  void commitInto(
      CommittedMap root, Object removed, Object absent, Object[] prevKeys, Object[] prevValues) {
    int n = 0;
    Object[] ks = keys;
    for (int i = 0; i < ks.length; i++) {
      Object k = ks[i];
      if (k == null) {
        continue;
      }
      Object v = values[i];
      Object c = cells[i];
      Object prev;
      if (c instanceof CommittedMap.Cell) {
        CommittedMap.Cell cell = (CommittedMap.Cell) c;
        prev = cell.value;
        if (v == removed) {
          root.delete(k);
        } else {
          cell.value = v;
        }
      } else {
        prev = c == NOT_COMMITTED ? absent : prevKeys == null ? null : root.getOr(k, absent);
        if (v == removed) {
          if (prev != absent) {
            root.delete(k);
          }
        } else if (c == NOT_COMMITTED) {
          // absent when staged, and only the store's commits add keys
          root.add(k, v);
        } else {
          root.store(k, v);
        }
      }
      if (prevKeys != null) {
        prevKeys[n] = k;
        prevValues[n++] = prev;
      }
    }
    if (sorted != null) {
      for (Entry<Object, Object> e : sorted.entrySet()) {
        Object k = e.getKey();
        if (prevKeys != null) {
          prevKeys[n] = k;
          prevValues[n++] = root.getOr(k, absent);
        }
        if (e.getValue() == removed) {
          root.delete(k);
        } else {
          root.store(k, e.getValue());
        }
      }
    }
  }

  private void grow() {
    Object[] ok = keys;
    Object[] ov = values;
    int[] oh = hashes;
    Object[] oc = cells;
    int n = ok.length * 2;
    keys = new Object[n];
    values = new Object[n];
    hashes = new int[n];
    cells = new Object[n];
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
        cells[i] = oc[j];
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
    lastCell = null;
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
        cells[gap] = cells[j];
        gap = j;
      }
    }
    keys[gap] = null;
    values[gap] = null;
    cells[gap] = null;
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
    lastCell = null;
    int fit = MIN_CAPACITY;
    while (fit < hashedSize * 2) {
      fit <<= 1;
    }
    if (keys.length > fit * 4) {
      // far larger than this session needed: the next session starts from the size this one used
      // (clearing the whole table would cost its capacity, not its entries)
      keys = new Object[fit];
      values = new Object[fit];
      hashes = new int[fit];
      cells = new Object[fit];
    } else if (hashedSize > 0) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      Arrays.fill(cells, null);
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
