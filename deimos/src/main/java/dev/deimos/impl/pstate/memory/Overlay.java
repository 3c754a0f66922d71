package dev.deimos.impl.pstate.memory;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeMap;

/**
 * The staged top-level values of one staging session of a map PState. A microbatch stages thousands
 * of keys in one session and looks each of them up once per record, so keys whose {@code equals}
 * agrees with the key order ({@link CommittedMap#hashable}) live in a hash map (one lookup, no
 * comparator); other keys in a map sorted by the key order. Iteration order is unspecified: readers
 * of a merged view sort it themselves.
 */
final class Overlay extends AbstractMap<Object, Object> {
  private HashMap<Object, Object> hashed = new HashMap<>();
  // null until a key that is not hashable is staged
  private TreeMap<Object, Object> sorted;

  @Override
  public Object get(Object k) {
    if (CommittedMap.hashable(k)) {
      return hashed.get(k);
    }
    return sorted == null || k == null ? null : sorted.get(k);
  }

  @Override
  public boolean containsKey(Object k) {
    if (CommittedMap.hashable(k)) {
      return hashed.containsKey(k);
    }
    return sorted != null && k != null && sorted.containsKey(k);
  }

  @Override
  public Object put(Object k, Object v) {
    if (CommittedMap.hashable(k)) {
      return hashed.put(k, v);
    }
    if (sorted == null) {
      sorted = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
    }
    return sorted.put(k, v);
  }

  @Override
  public Object remove(Object k) {
    if (CommittedMap.hashable(k)) {
      return hashed.remove(k);
    }
    return sorted == null || k == null ? null : sorted.remove(k);
  }

  @Override
  public int size() {
    return hashed.size() + (sorted == null ? 0 : sorted.size());
  }

  @Override
  public boolean isEmpty() {
    return hashed.isEmpty() && (sorted == null || sorted.isEmpty());
  }

  @Override
  public void clear() {
    if (hashed.size() > 4096) {
      // clearing walks the whole table: a large session's table is dropped instead
      hashed = new HashMap<>();
    } else if (!hashed.isEmpty()) {
      hashed.clear();
    }
    sorted = null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<Entry<Object, Object>> a = hashed.entrySet().iterator();
        Iterator<Entry<Object, Object>> b =
            sorted == null ? java.util.Collections.emptyIterator() : sorted.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return a.hasNext() || b.hasNext();
          }

          @Override
          public Entry<Object, Object> next() {
            return a.hasNext() ? a.next() : b.next();
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
