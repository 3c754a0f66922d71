package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.pstate.schema.SchemaNode;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.Set;

/**
 * A lazy sorted set over the keys of a {@link KvMap}: the elements of a subindexed (or top-level)
 * set when the map is in set mode, else a map's key set (which then cannot be added to).
 */
final class KvSet extends AbstractSet<Object> implements NavigableSet<Object>, KvStruct {
  private final KvMap m;

  KvSet(KvMap m) {
    this.m = m;
  }

  @Override
  public byte[] prefix() {
    return m.prefix();
  }

  @Override
  public SchemaNode storedSchema() {
    return m.storedSchema();
  }

  @Override
  public Iterator<Object> iterator() {
    Iterator<byte[][]> it = m.rows(false);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object next() {
        return m.keyOf(it.next());
      }
    };
  }

  @Override
  public Iterator<Object> descendingIterator() {
    return descendingSet().iterator();
  }

  @Override
  public int size() {
    return m.size();
  }

  @Override
  public boolean isEmpty() {
    return m.isEmpty();
  }

  @Override
  public boolean contains(Object o) {
    return m.containsKey(o);
  }

  @Override
  public boolean add(Object e) {
    if (!m.setMode()) {
      throw new UnsupportedOperationException("cannot add to the key set of a map");
    }
    return !m.addKey(e);
  }

  @Override
  public boolean remove(Object o) {
    return m.remove(o) != null;
  }

  @Override
  public void clear() {
    m.clear();
  }

  @Override
  public Comparator<? super Object> comparator() {
    return m.comparator();
  }

  @Override
  public Object first() {
    return m.firstKey();
  }

  @Override
  public Object last() {
    return m.lastKey();
  }

  @Override
  public Object lower(Object e) {
    return m.lowerKey(e);
  }

  @Override
  public Object floor(Object e) {
    return m.floorKey(e);
  }

  @Override
  public Object ceiling(Object e) {
    return m.ceilingKey(e);
  }

  @Override
  public Object higher(Object e) {
    return m.higherKey(e);
  }

  @Override
  public Object pollFirst() {
    java.util.Map.Entry<Object, Object> e = m.pollFirstEntry();
    return e == null ? null : e.getKey();
  }

  @Override
  public Object pollLast() {
    java.util.Map.Entry<Object, Object> e = m.pollLastEntry();
    return e == null ? null : e.getKey();
  }

  @Override
  public KvSet descendingSet() {
    return new KvSet(m.descendingMap());
  }

  @Override
  public KvSet subSet(Object from, boolean fromIncl, Object to, boolean toIncl) {
    return new KvSet(m.subMap(from, fromIncl, to, toIncl));
  }

  @Override
  public KvSet headSet(Object to, boolean incl) {
    return new KvSet(m.headMap(to, incl));
  }

  @Override
  public KvSet tailSet(Object from, boolean incl) {
    return new KvSet(m.tailMap(from, incl));
  }

  @Override
  public KvSet subSet(Object from, Object to) {
    return subSet(from, true, to, false);
  }

  @Override
  public KvSet headSet(Object to) {
    return headSet(to, false);
  }

  @Override
  public KvSet tailSet(Object from) {
    return tailSet(from, true);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Set && Plain.copy(this).equals(o));
  }

  @Override
  public int hashCode() {
    return Plain.copy(this).hashCode();
  }
}
