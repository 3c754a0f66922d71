package dev.deimos.impl.reactive;

import dev.deimos.diffs.Diff;
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
import dev.deimos.diffs.SetAddDiff;
import dev.deimos.diffs.SetRemoveDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the diff between two versions of a proxied value by comparing them.
 *
 * <p>Design note: a subscriber's view is re-read after each commit that touched its top-level key
 * and compared with the version last sent, so the diff is correct by construction whatever
 * navigators the writes used (custom ones included), and a subscriber only ever sees the part its
 * path reaches. The comparison walks nested maps, sets and lists and names the changed parts the
 * way Rama's navigators do ({@code key} writes give {@link KeyDiff}s, set adds {@link SetAddDiff}s,
 * appends {@link SequenceInsertDiff}s at the end, removals under a key {@link KeyRemoveDiff}s);
 * anything else is a {@link NewValueDiff}. Its cost is linear in the size of the view, which is why
 * proxies on whole top-level maps and subindexed structures are refused.
 */
public final class ValueDiffs {
  private ValueDiffs() {}

  /**
   * Returns the diff turning {@code oldVal} into {@code newVal}, or null when they are equal.
   *
   * @param oldVal the previous version
   * @param newVal the new version
   * @return the diff, or null
   */
  public static Diff diff(Object oldVal, Object newVal) {
    if (Objects.equals(oldVal, newVal)) {
      return null;
    }
    if (oldVal instanceof Map && newVal instanceof Map) {
      return mapDiff((Map<?, ?>) oldVal, (Map<?, ?>) newVal);
    }
    if (oldVal instanceof Set && newVal instanceof Set) {
      return setDiff((Set<?>) oldVal, (Set<?>) newVal);
    }
    if (oldVal instanceof List && newVal instanceof List) {
      return listDiff((List<?>) oldVal, (List<?>) newVal);
    }
    return new NewValueDiff(newVal);
  }

  private static Diff mapDiff(Map<?, ?> o, Map<?, ?> n) {
    Map<Object, Diff> changed = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : n.entrySet()) {
      Object k = e.getKey();
      if (!o.containsKey(k)) {
        changed.put(k, new NewValueDiff(e.getValue()));
      } else {
        Diff d = diff(o.get(k), e.getValue());
        if (d != null) {
          changed.put(k, d);
        }
      }
    }
    Set<Object> removed = new LinkedHashSet<>();
    for (Object k : o.keySet()) {
      if (!n.containsKey(k)) {
        removed.add(k);
      }
    }
    Diff c = null;
    if (changed.size() == 1) {
      Map.Entry<Object, Diff> e = changed.entrySet().iterator().next();
      c = new KeyDiff(e.getKey(), e.getValue());
    } else if (!changed.isEmpty()) {
      c = new KeysDiff(changed);
    }
    Diff r = null;
    if (removed.size() == 1) {
      r = new KeyRemoveDiff(removed.iterator().next());
    } else if (!removed.isEmpty()) {
      r = new KeysRemoveDiff(removed);
    }
    return both(r, c);
  }

  private static Diff setDiff(Set<?> o, Set<?> n) {
    List<Diff> ds = new ArrayList<>();
    for (Object e : o) {
      if (!n.contains(e)) {
        ds.add(new SetRemoveDiff(e));
      }
    }
    for (Object e : n) {
      if (!o.contains(e)) {
        ds.add(new SetAddDiff(e));
      }
    }
    return ds.size() == 1 ? ds.get(0) : new MultiDiff(ds);
  }

  private static Diff listDiff(List<?> o, List<?> n) {
    int os = o.size();
    int ns = n.size();
    if (os == ns) {
      Map<Integer, Diff> changed = new LinkedHashMap<>();
      for (int i = 0; i < os; i++) {
        Diff d = diff(o.get(i), n.get(i));
        if (d != null) {
          changed.put(i, d);
        }
      }
      if (changed.size() == 1) {
        Map.Entry<Integer, Diff> e = changed.entrySet().iterator().next();
        return new SequenceIndexChangeDiff(e.getKey(), e.getValue());
      }
      return new SequenceIndexChangesDiff(changed);
    }
    int min = Math.min(os, ns);
    int p = 0;
    while (p < min && Objects.equals(o.get(p), n.get(p))) {
      p++;
    }
    int s = 0;
    while (s < min - p && Objects.equals(o.get(os - 1 - s), n.get(ns - 1 - s))) {
      s++;
    }
    if (ns > os && p + s == os) {
      List<Object> added = new ArrayList<>(n.subList(p, ns - s));
      return added.size() == 1
          ? new SequenceInsertDiff(p, added.get(0), os)
          : new SequenceInsertsDiff(p, added, os);
    }
    if (ns < os && p + s == ns) {
      return new SequenceIndexRemoveDiff(p, os - ns, os);
    }
    return new NewValueDiff(n);
  }

  private static Diff both(Diff first, Diff second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return new MultiDiff(List.of(first, second));
  }
}
