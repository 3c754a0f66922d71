package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.SchemaNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A lazy list over a subindexed list's rows: element {@code i} is the row keyed by the Long {@code
 * i}, and a size row always exists. {@code get}, {@code set} and appending touch one or two rows;
 * inserting or removing in the middle rewrites the tail.
 */
final class KvList extends AbstractList<Object> implements RandomAccess, KvStruct {
  private final Slots slots;
  private final byte[] prefix;
  private final ListSchema schema;
  private final List<Object> location;

  KvList(Slots slots, byte[] prefix, ListSchema schema, List<Object> location) {
    this.slots = slots;
    this.prefix = prefix;
    this.schema = schema;
    this.location = location;
  }

  @Override
  public byte[] prefix() {
    return prefix;
  }

  @Override
  public SchemaNode storedSchema() {
    return schema;
  }

  @Override
  public int size() {
    return (int) slots.size(prefix);
  }

  @Override
  public Object get(int i) {
    check(i, size());
    Long k = (long) i;
    return slots.read(
        prefix, k, slots.kv.get(Keys.element(prefix, k)), schema.elementSchema(), location);
  }

  @Override
  public Object set(int i, Object v) {
    check(i, size());
    slots.write(prefix, (long) i, v, schema.elementSchema(), location, false);
    return null;
  }

  @Override
  public void add(int i, Object v) {
    int n = size();
    if (i < 0 || i > n) {
      throw new IndexOutOfBoundsException("index " + i + ", size " + n);
    }
    if (i == n) {
      slots.write(prefix, (long) n, v, schema.elementSchema(), location, false);
      slots.addSize(prefix, 1);
      return;
    }
    List<Object> tail = tail(i, n);
    tail.add(0, v);
    rewrite(i, tail, n + 1);
  }

  @Override
  public Object remove(int i) {
    int n = size();
    check(i, n);
    List<Object> tail = tail(i, n);
    Object old = tail.remove(0);
    rewrite(i, tail, n - 1);
    slots.delete(prefix, (long) (n - 1), schema.elementSchema(), false);
    return old;
  }

  @Override
  public void clear() {
    int n = size();
    for (int i = 0; i < n; i++) {
      slots.delete(prefix, (long) i, schema.elementSchema(), false);
    }
    slots.addSize(prefix, -n);
  }

  private List<Object> tail(int from, int n) {
    List<Object> out = new ArrayList<>();
    for (int j = from; j < n; j++) {
      out.add(Plain.copy(get(j)));
    }
    return out;
  }

  private void rewrite(int from, List<Object> values, int newSize) {
    for (int j = 0; j < values.size(); j++) {
      slots.write(
          prefix, (long) (from + j), values.get(j), schema.elementSchema(), location, false);
    }
    slots.addSize(prefix, newSize - size());
  }

  private static void check(int i, int n) {
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException("index " + i + ", size " + n);
    }
  }
}
