package dev.deimos.impl.reactive;

import dev.deimos.diffs.Diff;
import dev.deimos.diffs.KeyChangeDiff;
import dev.deimos.diffs.KeyDiff;
import dev.deimos.diffs.KeyRemoveDiff;
import dev.deimos.diffs.KeysDiff;
import dev.deimos.diffs.KeysRemoveDiff;
import dev.deimos.diffs.MultiDiff;
import dev.deimos.diffs.NewValueDiff;
import dev.deimos.diffs.SequenceIndexChangeDiff;
import dev.deimos.diffs.SequenceIndexChangesDiff;
import dev.deimos.diffs.SequenceIndexRemoveDiff;
import dev.deimos.diffs.SequenceInsertDiff;
import dev.deimos.diffs.SequenceInsertsDiff;
import dev.deimos.diffs.SequenceReorderDiff;
import dev.deimos.diffs.SetAddDiff;
import dev.deimos.diffs.SetRemoveDiff;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a top-level diff to the client's copy of a value, giving the next version. Never changes
 * the old version (the callback receives it): every container on the changed path is copied. Throws
 * {@link IllegalArgumentException} for a diff that does not carry enough to apply (the client then
 * resyncs).
 */
public final class DiffApply {
  private DiffApply() {}

  /**
   * Returns {@code oldVal} with {@code d} applied.
   *
   * @param oldVal the previous version (not changed)
   * @param d the diff
   * @return the new version
   * @throws IllegalArgumentException if {@code d} cannot be applied to {@code oldVal}
   */
  public static Object apply(Object oldVal, Diff d) {
    if (d instanceof NewValueDiff) {
      return ((NewValueDiff) d).getVal();
    }
    if (d instanceof MultiDiff) {
      Object v = oldVal;
      for (Diff part : ((MultiDiff) d).getDiffs()) {
        v = apply(v, part);
      }
      return v;
    }
    if (d instanceof KeyDiff) {
      KeyDiff k = (KeyDiff) d;
      if (oldVal instanceof List && k.getKey() instanceof Integer) {
        return applyAt(oldVal, (Integer) k.getKey(), k.getValDiff());
      }
      Map<Object, Object> m = Values.copyMap(oldVal);
      m.put(k.getKey(), apply(m.get(k.getKey()), k.getValDiff()));
      return m;
    }
    if (d instanceof KeysDiff) {
      Map<Object, Object> m = Values.copyMap(oldVal);
      for (Map.Entry<Object, Diff> e : ((KeysDiff) d).getKeyToDiff().entrySet()) {
        m.put(e.getKey(), apply(m.get(e.getKey()), e.getValue()));
      }
      return m;
    }
    if (d instanceof KeyRemoveDiff) {
      Map<Object, Object> m = Values.copyMap(oldVal);
      m.remove(((KeyRemoveDiff) d).getKey());
      return m;
    }
    if (d instanceof KeysRemoveDiff) {
      Map<Object, Object> m = Values.copyMap(oldVal);
      m.keySet().removeAll(((KeysRemoveDiff) d).getKeys());
      return m;
    }
    if (d instanceof KeyChangeDiff) {
      KeyChangeDiff k = (KeyChangeDiff) d;
      Map<Object, Object> m = Values.copyMap(oldVal);
      Object v = m.remove(k.getFromKey());
      m.put(k.getToKey(), v);
      return m;
    }
    if (d instanceof SetAddDiff) {
      Set<Object> s = Values.copySet(oldVal);
      s.add(((SetAddDiff) d).getElem());
      return s;
    }
    if (d instanceof SetRemoveDiff) {
      Set<Object> s = Values.copySet(oldVal);
      s.remove(((SetRemoveDiff) d).getElem());
      return s;
    }
    return applySequence(oldVal, d);
  }

  private static Object applySequence(Object oldVal, Diff d) {
    if (d instanceof SequenceIndexChangeDiff) {
      SequenceIndexChangeDiff c = (SequenceIndexChangeDiff) d;
      return applyAt(oldVal, c.getIndex(), c.getValDiff());
    }
    if (d instanceof SequenceIndexChangesDiff) {
      List<Object> l = Values.copyList(oldVal);
      for (Map.Entry<Integer, Diff> e :
          ((SequenceIndexChangesDiff) d).getIndexToDiff().entrySet()) {
        int i = e.getKey();
        checkIndex(l, i);
        l.set(i, apply(l.get(i), e.getValue()));
      }
      return l;
    }
    List<Object> l = Values.copyList(oldVal);
    if (d instanceof SequenceInsertDiff) {
      SequenceInsertDiff s = (SequenceInsertDiff) d;
      checkSize(l, s.getOldSize());
      l.add(s.getBeforeIndex(), s.getElem());
      return l;
    }
    if (d instanceof SequenceInsertsDiff) {
      SequenceInsertsDiff s = (SequenceInsertsDiff) d;
      checkSize(l, s.getOldSize());
      l.addAll(s.getBeforeIndex(), s.getElems());
      return l;
    }
    if (d instanceof SequenceIndexRemoveDiff) {
      SequenceIndexRemoveDiff s = (SequenceIndexRemoveDiff) d;
      checkSize(l, s.getOldSize());
      l.subList(s.getIndex(), s.getIndex() + s.getAmt()).clear();
      return l;
    }
    if (d instanceof SequenceReorderDiff) {
      SequenceReorderDiff s = (SequenceReorderDiff) d;
      checkSize(l, s.getSequenceSize());
      l.add(s.getToIndex(), l.remove(s.getFromIndex()));
      return l;
    }
    throw new IllegalArgumentException(
        "a " + d.getClass().getSimpleName() + " does not carry the new value; resync needed");
  }

  private static Object applyAt(Object oldVal, int i, Diff valDiff) {
    List<Object> l = Values.copyList(oldVal);
    checkIndex(l, i);
    l.set(i, apply(l.get(i), valDiff));
    return l;
  }

  private static void checkIndex(List<Object> l, int i) {
    if (i < 0 || i >= l.size()) {
      throw new IllegalArgumentException("index " + i + " outside a sequence of " + l.size());
    }
  }

  private static void checkSize(List<Object> l, int expected) {
    if (l.size() != expected) {
      throw new IllegalArgumentException(
          "sequence of " + l.size() + " elements where the diff expects " + expected);
    }
  }
}
