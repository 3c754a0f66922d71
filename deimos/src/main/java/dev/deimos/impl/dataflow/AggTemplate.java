package dev.deimos.impl.dataflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compiled aggregation template ({@link AggSpec} leaf, map or list of templates) and the mutable
 * per-run state it aggregates into. One state instance is one partial aggregation; {@link
 * State#mergeFrom} is the final phase of two-phase aggregation for combiner-only templates.
 */
abstract class AggTemplate {
  abstract State newState(boolean intoPState);

  /** True when every leaf is a combiner, so partial states may be merged. */
  abstract boolean combinerOnly();

  /** True when some leaf captures its new value into a var. */
  abstract boolean captures();

  static final class Leaf extends AggTemplate {
    final AggSpec spec;
    final Arg[] args;
    final int captureSlot;

    Leaf(AggSpec spec, Arg[] args, int captureSlot) {
      this.spec = spec;
      this.args = args;
      this.captureSlot = captureSlot;
    }

    @Override
    State newState(boolean intoPState) {
      return new LeafState(this, intoPState);
    }

    @Override
    boolean combinerOnly() {
      return spec.isCombiner();
    }

    @Override
    boolean captures() {
      return captureSlot >= 0;
    }
  }

  static final class MapT extends AggTemplate {
    final Arg[] keys;

    /** Slot of each key when the key is a var (re-bound for captured values), else -1. */
    final int[] keySlots;

    final AggTemplate[] children;

    MapT(Arg[] keys, int[] keySlots, AggTemplate[] children) {
      this.keys = keys;
      this.keySlots = keySlots;
      this.children = children;
    }

    @Override
    State newState(boolean intoPState) {
      return new MapState(this, intoPState);
    }

    @Override
    boolean combinerOnly() {
      for (AggTemplate c : children) {
        if (!c.combinerOnly()) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean captures() {
      for (AggTemplate c : children) {
        if (c.captures()) {
          return true;
        }
      }
      return false;
    }
  }

  static final class ListT extends AggTemplate {
    final AggTemplate[] children;

    ListT(AggTemplate[] children) {
      this.children = children;
    }

    @Override
    State newState(boolean intoPState) {
      return new ListState(this, intoPState);
    }

    @Override
    boolean combinerOnly() {
      for (AggTemplate c : children) {
        if (!c.combinerOnly()) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean captures() {
      for (AggTemplate c : children) {
        if (c.captures()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Slot assignments of captured new values, one row per updated location. */
  static final class Captures {
    private final List<Integer> keySlots = new ArrayList<>();
    private final List<Object> keyVals = new ArrayList<>();
    final List<int[]> rowSlots = new ArrayList<>();
    final List<Object[]> rowVals = new ArrayList<>();
    private final List<Integer> rowDepth = new ArrayList<>();

    void push(int slot, Object val) {
      keySlots.add(slot);
      keyVals.add(val);
    }

    void pop() {
      keySlots.remove(keySlots.size() - 1);
      keyVals.remove(keyVals.size() - 1);
    }

    /**
     * Records a captured value at the current location. Captures of several leaves at the same
     * location (a list template) share one row, so post-aggregation sees all of them bound.
     */
    void record(int slot, Object val) {
      int n = keySlots.size();
      int last = rowSlots.size() - 1;
      if (last >= 0 && sameLocation(last, n) && !binds(last, slot)) {
        int[] s = Arrays.copyOf(rowSlots.get(last), rowSlots.get(last).length + 1);
        Object[] v = Arrays.copyOf(rowVals.get(last), s.length);
        s[s.length - 1] = slot;
        v[v.length - 1] = val;
        rowSlots.set(last, s);
        rowVals.set(last, v);
        return;
      }
      int[] s = new int[n + 1];
      Object[] v = new Object[n + 1];
      for (int i = 0; i < n; i++) {
        s[i] = keySlots.get(i);
        v[i] = keyVals.get(i);
      }
      s[n] = slot;
      v[n] = val;
      rowSlots.add(s);
      rowVals.add(v);
      rowDepth.add(n);
    }

    private boolean sameLocation(int row, int n) {
      if (rowDepth.get(row) != n) {
        return false;
      }
      int[] s = rowSlots.get(row);
      Object[] v = rowVals.get(row);
      for (int i = 0; i < n; i++) {
        if (s[i] != keySlots.get(i) || !Objects.equals(v[i], keyVals.get(i))) {
          return false;
        }
      }
      return true;
    }

    private boolean binds(int row, int slot) {
      int[] s = rowSlots.get(row);
      for (int i = rowDepth.get(row); i < s.length; i++) {
        if (s[i] == slot) {
          return true;
        }
      }
      return false;
    }

    void bind(int row, Object[] slots) {
      int[] s = rowSlots.get(row);
      Object[] v = rowVals.get(row);
      for (int i = 0; i < s.length; i++) {
        if (s[i] >= 0) {
          slots[s[i]] = v[i];
        }
      }
    }
  }

  /** Aggregated values of one template for one run (or one group, or one partial buffer). */
  abstract static class State {
    abstract void add(Object[] slots);

    /** Final phase of two-phase aggregation: merges a partial state of the same template. */
    abstract void mergeFrom(State partial);

    abstract boolean touched();

    /** The aggregated value as plain java.util data, for {@code out}. */
    abstract Object result();

    /** Returns the new stored value after applying this state to {@code stored}. */
    abstract Object applyTo(Object stored, Captures cap);

    /**
     * Two-phase aggregation across tasks: this partial state as plain java.util values (lists of
     * combiner partials and keys), so it can be serialized and sent to the merging task.
     */
    abstract Object export();

    /** Merges a partial state given by {@link #export()} of a state of the same template. */
    abstract void mergeExported(Object exported);
  }

  static final class LeafState extends State {
    private final Leaf t;
    private final boolean intoPState;
    private Object value;
    private boolean seen;
    private List<Object[]> pending;

    LeafState(Leaf t, boolean intoPState) {
      this.t = t;
      this.intoPState = intoPState;
    }

    @Override
    void add(Object[] slots) {
      Object[] a = Arg.evalAll(t.args, slots);
      AggSpec spec = t.spec;
      if (spec.isCombiner()) {
        Object p = spec.lift(a);
        value = seen ? spec.merge(value, p, true) : p;
      } else if (intoPState) {
        // The stored value is unknown until apply time, so accumulator inputs wait in order.
        if (pending == null) {
          pending = new ArrayList<>();
        }
        pending.add(a);
      } else {
        value = spec.accumulate(seen ? value : spec.zero(), a);
      }
      seen = true;
    }

    @Override
    void mergeFrom(State partial) {
      LeafState p = (LeafState) partial;
      if (p.seen) {
        value = seen ? t.spec.merge(value, p.value, true) : p.value;
        seen = true;
      }
    }

    @Override
    boolean touched() {
      return seen;
    }

    @Override
    Object result() {
      return seen ? t.spec.finish(value) : t.spec.zero();
    }

    @Override
    Object applyTo(Object stored, Captures cap) {
      Object v = stored;
      if (!seen) {
        return v;
      }
      if (t.spec.isCombiner()) {
        v = intoPState ? t.spec.merge(stored, value, false) : t.spec.finish(value);
      } else if (pending != null) {
        // A PState location without a value starts from the accumulator's initial value.
        v = stored == null ? t.spec.zero() : stored;
        for (Object[] a : pending) {
          v = t.spec.accumulate(v, a);
        }
      } else {
        v = value;
      }
      if (t.captureSlot >= 0) {
        cap.record(t.captureSlot, v);
      }
      return v;
    }

    @Override
    Object export() {
      List<Object> out = new ArrayList<>(1);
      if (seen) {
        out.add(value);
      }
      return out;
    }

    @Override
    void mergeExported(Object exported) {
      List<?> l = (List<?>) exported;
      if (!l.isEmpty()) {
        value = seen ? t.spec.merge(value, l.get(0), true) : l.get(0);
        seen = true;
      }
    }
  }

  static final class MapState extends State {
    private final MapT t;
    private final boolean intoPState;
    private final Map<Object, State> children = new LinkedHashMap<>();
    private final Map<Object, Integer> entryOf = new HashMap<>();

    MapState(MapT t, boolean intoPState) {
      this.t = t;
      this.intoPState = intoPState;
    }

    @Override
    void add(Object[] slots) {
      for (int i = 0; i < t.keys.length; i++) {
        Object k = t.keys[i].eval(slots);
        State s = children.get(k);
        if (s == null) {
          s = t.children[i].newState(intoPState);
          children.put(k, s);
          entryOf.put(k, i);
        }
        s.add(slots);
      }
    }

    @Override
    void mergeFrom(State partial) {
      MapState p = (MapState) partial;
      for (Map.Entry<Object, State> e : p.children.entrySet()) {
        State own = children.get(e.getKey());
        if (own == null) {
          children.put(e.getKey(), e.getValue());
          entryOf.put(e.getKey(), p.entryOf.get(e.getKey()));
        } else {
          own.mergeFrom(e.getValue());
        }
      }
    }

    @Override
    boolean touched() {
      return !children.isEmpty();
    }

    @Override
    Object result() {
      Map<Object, Object> m = new HashMap<>();
      for (Map.Entry<Object, State> e : children.entrySet()) {
        m.put(e.getKey(), e.getValue().result());
      }
      return m;
    }

    @Override
    Object applyTo(Object stored, Captures cap) {
      Map<Object, Object> m = copy(stored);
      for (Map.Entry<Object, State> e : children.entrySet()) {
        Object k = e.getKey();
        cap.push(t.keySlots[entryOf.get(k)], k);
        m.put(k, e.getValue().applyTo(m.get(k), cap));
        cap.pop();
      }
      return m;
    }

    /** The aggregated entries, in first-seen order (for key-by-key PState writes). */
    Map<Object, State> entries() {
      return children;
    }

    /** The slot a captured value's row binds key {@code k} to (-1 for a constant key). */
    int keySlot(Object k) {
      return t.keySlots[entryOf.get(k)];
    }

    /**
     * A writable copy of a stored map (a new HashMap for null); fails on anything but a map.
     *
     * @param stored the stored value
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> copy(Object stored) {
      if (stored == null) {
        return new HashMap<>();
      }
      if (!(stored instanceof Map)) {
        throw new IllegalStateException(
            "CompoundAgg.map expects a map here but found " + stored.getClass().getName());
      }
      if (stored instanceof SortedMap) {
        return new TreeMap<>((SortedMap<Object, Object>) stored);
      }
      return new HashMap<>((Map<Object, Object>) stored);
    }

    @Override
    Object export() {
      List<Object> out = new ArrayList<>(children.size() * 3);
      for (Map.Entry<Object, State> e : children.entrySet()) {
        out.add(e.getKey());
        out.add(entryOf.get(e.getKey()));
        out.add(e.getValue().export());
      }
      return out;
    }

    @Override
    void mergeExported(Object exported) {
      List<?> l = (List<?>) exported;
      for (int i = 0; i < l.size(); i += 3) {
        Object k = l.get(i);
        int entry = (Integer) l.get(i + 1);
        State own = children.get(k);
        if (own == null) {
          own = t.children[entry].newState(intoPState);
          children.put(k, own);
          entryOf.put(k, entry);
        }
        own.mergeExported(l.get(i + 2));
      }
    }
  }

  static final class ListState extends State {
    private final ListT t;
    private final State[] items;

    ListState(ListT t, boolean intoPState) {
      this.t = t;
      this.items = new State[t.children.length];
      for (int i = 0; i < items.length; i++) {
        items[i] = t.children[i].newState(intoPState);
      }
    }

    @Override
    void add(Object[] slots) {
      for (State s : items) {
        s.add(slots);
      }
    }

    @Override
    void mergeFrom(State partial) {
      ListState p = (ListState) partial;
      for (int i = 0; i < items.length; i++) {
        items[i].mergeFrom(p.items[i]);
      }
    }

    @Override
    boolean touched() {
      for (State s : items) {
        if (s.touched()) {
          return true;
        }
      }
      return false;
    }

    @Override
    Object result() {
      List<Object> out = new ArrayList<>(items.length);
      for (State s : items) {
        out.add(s.result());
      }
      return out;
    }

    @Override
    Object applyTo(Object stored, Captures cap) {
      List<Object> l = new ArrayList<>();
      if (stored instanceof List) {
        l.addAll((List<?>) stored);
      } else if (stored != null) {
        throw new IllegalStateException(
            "CompoundAgg.list expects a list here but found " + stored.getClass().getName());
      }
      while (l.size() < t.children.length) {
        l.add(null);
      }
      for (int i = 0; i < items.length; i++) {
        l.set(i, items[i].applyTo(l.get(i), cap));
      }
      return l;
    }

    @Override
    Object export() {
      List<Object> out = new ArrayList<>(items.length);
      for (State s : items) {
        out.add(s.export());
      }
      return out;
    }

    @Override
    void mergeExported(Object exported) {
      List<?> l = (List<?>) exported;
      for (int i = 0; i < items.length; i++) {
        items[i].mergeExported(l.get(i));
      }
    }
  }
}
