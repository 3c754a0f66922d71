package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A lazy sorted map over one indexed structure's rows (or a key range of it): {@code get} is a
 * point read, iteration walks a cursor, writes go to the session's staged rows. In set mode (no
 * value schema) rows hold no value and every present key maps to {@code Boolean.TRUE}; {@link
 * KvSet} wraps such a map.
 */
final class KvMap extends AbstractMap<Object, Object>
    implements NavigableMap<Object, Object>, KvStruct {
  private static final Object OPEN = new Object();

  private final Slots slots;
  private final byte[] prefix;
  private final SchemaNode schema;
  private final Class<?> keyClass;
  private final SchemaNode valueSchema;
  private final boolean sizeTracked;
  private final List<Object> location;
  // bounds in natural key order; OPEN when unbounded
  private final Object lo;
  private final boolean loIncl;
  private final Object hi;
  private final boolean hiIncl;
  private final boolean desc;

  KvMap(
      Slots slots,
      byte[] prefix,
      SchemaNode schema,
      Class<?> keyClass,
      SchemaNode valueSchema,
      boolean sizeTracked,
      List<Object> location) {
    this(
        slots,
        prefix,
        schema,
        keyClass,
        valueSchema,
        sizeTracked,
        location,
        OPEN,
        true,
        OPEN,
        true,
        false);
  }

  private KvMap(
      Slots slots,
      byte[] prefix,
      SchemaNode schema,
      Class<?> keyClass,
      SchemaNode valueSchema,
      boolean sizeTracked,
      List<Object> location,
      Object lo,
      boolean loIncl,
      Object hi,
      boolean hiIncl,
      boolean desc) {
    this.slots = slots;
    this.prefix = prefix;
    this.schema = schema;
    this.keyClass = keyClass;
    this.valueSchema = valueSchema;
    this.sizeTracked = sizeTracked;
    this.location = location;
    this.lo = lo;
    this.loIncl = loIncl;
    this.hi = hi;
    this.hiIncl = hiIncl;
    this.desc = desc;
  }

  private KvMap bounded(Object l, boolean li, Object h, boolean hiI, boolean d) {
    // intersect with the current bounds
    if (lo != OPEN && (l == OPEN || cmp(lo, l) > 0 || (cmp(lo, l) == 0 && !loIncl))) {
      l = lo;
      li = loIncl;
    }
    if (hi != OPEN && (h == OPEN || cmp(hi, h) < 0 || (cmp(hi, h) == 0 && !hiIncl))) {
      h = hi;
      hiI = hiIncl;
    }
    return new KvMap(
        slots, prefix, schema, keyClass, valueSchema, sizeTracked, location, l, li, h, hiI, d);
  }

  private static int cmp(Object a, Object b) {
    return OrderedKeyEncoding.KEY_ORDER.compare(a, b);
  }

  boolean setMode() {
    return valueSchema == null;
  }

  private boolean whole() {
    return lo == OPEN && hi == OPEN;
  }

  @Override
  public byte[] prefix() {
    return prefix;
  }

  @Override
  public SchemaNode storedSchema() {
    return schema;
  }

  private boolean inRange(Object k) {
    if (lo != OPEN) {
      int c = cmp(k, lo);
      if (c < 0 || (c == 0 && !loIncl)) {
        return false;
      }
    }
    if (hi != OPEN) {
      int c = cmp(k, hi);
      return c < 0 || (c == 0 && hiIncl);
    }
    return true;
  }

  Iterator<byte[][]> rows(boolean reverse) {
    byte[] l = lo == OPEN ? prefix : Keys.element(prefix, lo);
    byte[] h = hi == OPEN ? Keys.prefixEnd(prefix) : Keys.element(prefix, hi);
    return slots.kv.cursor(l, lo == OPEN || loIncl, h, hi != OPEN && hiIncl, desc != reverse);
  }

  Object keyOf(byte[][] row) {
    return OrderedKeyEncoding.decode(row[0], prefix.length);
  }

  Object valueOf(Object key, byte[] raw) {
    return setMode() ? Boolean.TRUE : slots.read(prefix, key, raw, valueSchema, location);
  }

  @Override
  public Object get(Object key) {
    if (!inRange(key)) {
      return null;
    }
    byte[] raw = slots.kv.get(Keys.element(prefix, key));
    return raw == null ? null : valueOf(key, raw);
  }

  @Override
  public boolean containsKey(Object key) {
    return inRange(key) && slots.kv.get(Keys.element(prefix, key)) != null;
  }

  /** Stages {@code key -> value}; returns null (the old value is not read). */
  @Override
  public Object put(Object key, Object value) {
    if (!inRange(key)) {
      throw new IllegalArgumentException("key out of range of this view: " + key);
    }
    SchemaValidator.validateKey(slots.name, keyClass, key, location);
    boolean existed;
    if (setMode()) {
      byte[] row = Keys.element(prefix, key);
      existed = sizeTracked && slots.kv.get(row) != null;
      slots.kv.put(row, Keys.EMPTY);
    } else {
      existed = slots.write(prefix, key, value, valueSchema, location, sizeTracked);
    }
    if (sizeTracked && !existed) {
      slots.addSize(prefix, 1);
    }
    return null;
  }

  /** Whether the key was present before it was added (read only when size is tracked). */
  boolean addKey(Object key) {
    SchemaValidator.validateKey(slots.name, keyClass, key, location);
    byte[] row = Keys.element(prefix, key);
    boolean existed = slots.kv.get(row) != null;
    if (!existed) {
      slots.kv.put(row, Keys.EMPTY);
      if (sizeTracked) {
        slots.addSize(prefix, 1);
      }
    }
    return existed;
  }

  @Override
  public Object remove(Object key) {
    if (!inRange(key)) {
      return null;
    }
    Object old = setMode() ? null : get(key);
    boolean existed = slots.delete(prefix, key, valueSchema, true);
    if (sizeTracked && existed) {
      slots.addSize(prefix, -1);
    }
    return setMode() ? (existed ? Boolean.TRUE : null) : Plain.copy(old);
  }

  @Override
  public void clear() {
    Iterator<byte[][]> it = rows(false);
    java.util.ArrayList<Object> keys = new java.util.ArrayList<>();
    while (it.hasNext()) {
      keys.add(keyOf(it.next()));
    }
    for (Object k : keys) {
      remove(k);
    }
  }

  @Override
  public int size() {
    if (whole() && sizeTracked) {
      return (int) slots.size(prefix);
    }
    int n = 0;
    for (Iterator<byte[][]> it = rows(false); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  @Override
  public boolean isEmpty() {
    return !rows(false).hasNext();
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<byte[][]> it = rows(false);
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry<Object, Object> next() {
            byte[][] row = it.next();
            Object k = keyOf(row);
            return new SimpleImmutableEntry<>(k, valueOf(k, row[1]));
          }
        };
      }

      @Override
      public int size() {
        return KvMap.this.size();
      }
    };
  }

  private Entry<Object, Object> edge(boolean last) {
    Iterator<byte[][]> it = rows(last);
    if (!it.hasNext()) {
      return null;
    }
    byte[][] row = it.next();
    Object k = keyOf(row);
    return new SimpleImmutableEntry<>(k, valueOf(k, row[1]));
  }

  private static Object key(Entry<Object, Object> e) {
    if (e == null) {
      throw new NoSuchElementException();
    }
    return e.getKey();
  }

  private static Object keyOrNull(Entry<Object, Object> e) {
    return e == null ? null : e.getKey();
  }

  @Override
  public Comparator<? super Object> comparator() {
    return desc ? OrderedKeyEncoding.KEY_ORDER.reversed() : OrderedKeyEncoding.KEY_ORDER;
  }

  @Override
  public Object firstKey() {
    return key(firstEntry());
  }

  @Override
  public Object lastKey() {
    return key(lastEntry());
  }

  @Override
  public Entry<Object, Object> firstEntry() {
    return edge(false);
  }

  @Override
  public Entry<Object, Object> lastEntry() {
    return edge(true);
  }

  @Override
  public Entry<Object, Object> pollFirstEntry() {
    Entry<Object, Object> e = firstEntry();
    if (e != null) {
      remove(e.getKey());
    }
    return e;
  }

  @Override
  public Entry<Object, Object> pollLastEntry() {
    Entry<Object, Object> e = lastEntry();
    if (e != null) {
      remove(e.getKey());
    }
    return e;
  }

  @Override
  public Entry<Object, Object> lowerEntry(Object key) {
    return headMap(key, false).lastEntry();
  }

  @Override
  public Object lowerKey(Object key) {
    return keyOrNull(lowerEntry(key));
  }

  @Override
  public Entry<Object, Object> floorEntry(Object key) {
    return headMap(key, true).lastEntry();
  }

  @Override
  public Object floorKey(Object key) {
    return keyOrNull(floorEntry(key));
  }

  @Override
  public Entry<Object, Object> ceilingEntry(Object key) {
    return tailMap(key, true).firstEntry();
  }

  @Override
  public Object ceilingKey(Object key) {
    return keyOrNull(ceilingEntry(key));
  }

  @Override
  public Entry<Object, Object> higherEntry(Object key) {
    return tailMap(key, false).firstEntry();
  }

  @Override
  public Object higherKey(Object key) {
    return keyOrNull(higherEntry(key));
  }

  @Override
  public KvMap descendingMap() {
    return new KvMap(
        slots,
        prefix,
        schema,
        keyClass,
        valueSchema,
        sizeTracked,
        location,
        lo,
        loIncl,
        hi,
        hiIncl,
        !desc);
  }

  @Override
  public NavigableSet<Object> navigableKeySet() {
    return new KvSet(this);
  }

  @Override
  public Set<Object> keySet() {
    return navigableKeySet();
  }

  @Override
  public NavigableSet<Object> descendingKeySet() {
    return new KvSet(descendingMap());
  }

  @Override
  public KvMap subMap(Object from, boolean fromIncl, Object to, boolean toIncl) {
    return desc
        ? bounded(to, toIncl, from, fromIncl, true)
        : bounded(from, fromIncl, to, toIncl, false);
  }

  @Override
  public KvMap headMap(Object to, boolean incl) {
    return desc ? bounded(to, incl, OPEN, true, true) : bounded(OPEN, true, to, incl, false);
  }

  @Override
  public KvMap tailMap(Object from, boolean incl) {
    return desc ? bounded(OPEN, true, from, incl, true) : bounded(from, incl, OPEN, true, false);
  }

  @Override
  public KvMap subMap(Object from, Object to) {
    return subMap(from, true, to, false);
  }

  @Override
  public KvMap headMap(Object to) {
    return headMap(to, false);
  }

  @Override
  public KvMap tailMap(Object from) {
    return tailMap(from, true);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Map && Plain.copy(this).equals(o));
  }

  @Override
  public int hashCode() {
    return Plain.copy(this).hashCode();
  }
}
