package dev.deimos.impl.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.diffs.AppendDiff;
import dev.deimos.diffs.Diff;
import dev.deimos.diffs.KeyDiff;
import dev.deimos.diffs.KeyRemoveDiff;
import dev.deimos.diffs.NewValueDiff;
import dev.deimos.diffs.SetAddDiff;
import dev.deimos.diffs.SetRemoveDiff;
import dev.deimos.diffs.UnknownDiff;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random transforms (every writing navigator the path engine has) on a memory store, with proxies
 * subscribed through {@link PartitionSubscriptions}: after every commit, each proxy's value (the
 * previous one with the sent diffs applied, and checked against the sent checksum) equals a fresh
 * select of its path; the same for a processor that only handles the finest diffs and so sees every
 * diff expanded.
 */
class ProxyDiffPropertiesTest {
  private static final PStateDeclaration DECL =
      new PStateDeclaration(
          "$$p",
          PState.mapSchema(
              String.class,
              PState.fixedKeysSchema(
                  "n",
                  Long.class,
                  "tags",
                  PState.setSchema(String.class),
                  "list",
                  PState.listSchema(Long.class),
                  "m",
                  PState.mapSchema(String.class, Long.class),
                  "big",
                  PState.mapSchema(String.class, Long.class).subindexed())));

  private static final List<String> USERS = List.of("u0", "u1");

  private static List<Path> proxyPaths(String u) {
    return List.of(
        Path.key(u),
        Path.key(u).key("n"),
        Path.key(u).key("tags"),
        Path.key(u).key("list"),
        Path.key(u).key("m"),
        Path.key(u).key("m").key("k1"),
        Path.key(u).key("big").key("k2"),
        Path.key(u).key("big").sortedMapRange("k1", "k3"),
        Path.key(u).subselect(Path.key("m").mapVals()),
        Path.key(u).key("list").view(Ops.SIZE));
  }

  private static Path transform(int op, int n) {
    String u = USERS.get(op % 2);
    String k = "k" + (op / 2) % 4;
    long v = n % 7;
    switch ((op / 8) % 22) {
      case 0:
        return Path.key(u).key("n").nullToVal(0L).term(Ops.INC_LONG);
      case 1:
        return Path.key(u).key("n").termVal(v);
      case 2:
        return Path.key(u).key("tags").nullToSet().voidSetElem().termVal("t" + v % 3);
      case 3:
        return Path.key(u).key("tags").setElem("t" + v % 3).termVoid();
      case 4:
        return Path.key(u).key("list").nullToList().afterElem().termVal(v);
      case 5:
        return Path.key(u).key("list").nullToList().beforeElem().termVal(v);
      case 6:
        return Path.key(u).key("list").nth(0).termVal(v);
      case 7:
        return Path.key(u).key("list").all().term(Ops.INC_LONG);
      case 8:
        return Path.key(u).key("list").all().filterGreaterThan(4L).termVoid();
      case 9:
        return Path.key(u).key("list").sublist(0, 1).termVal(List.of(v, v));
      case 10:
        return Path.key(u).key("m").key(k).termVal(v);
      case 11:
        return Path.key(u).key("m").key(k).termVoid();
      case 12:
        return Path.key(u).key("m").mapVals().term(Ops.INC_LONG);
      case 13:
        return Path.key(u).key("m").subMap("k0", "k2").termVal(Map.of("k3", v));
      case 14:
        return Path.key(u).subselect(Path.key("m").mapVals()).term(ProxyDiffPropertiesTest::rotate);
      case 15:
        return Path.key(u).key("big").key(k).nullToVal(0L).term(Ops.INC_LONG);
      case 16:
        return Path.key(u).key("big").key(k).termVoid();
      case 17:
        return Path.key(u).key("big").sortedMapRange("k0", "k2").mapVals().term(Ops.INC_LONG);
      case 18:
        return Path.key(u).key("m").mapKeys().filterEqual(k).termVal("k9");
      case 19:
        return Path.key(u).termVoid();
      case 20:
        return Path.key(u).key("list").beforeIndex(1).termVal(v);
      default:
        return Path.key(u).key("tags").termVal(Set.of("t" + v % 3, "x"));
    }
  }

  /** Moves the first element of a list to its end. */
  static List<Object> rotate(List<Object> l) {
    List<Object> out = new ArrayList<>(l);
    if (!out.isEmpty()) {
      out.add(out.remove(0));
    }
    return out;
  }

  @Property(tries = 200)
  void randomTransforms_proxyValuesEqualFreshSelects(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 9999) Integer> ops) {
    PStateStore store = new MemoryPStateStore(DECL);
    PartitionSubscriptions subs = new PartitionSubscriptions("$$p", 1000, Long.MAX_VALUE, () -> 0L);
    List<Mirror> mirrors = new ArrayList<>();
    long id = 0;
    for (String u : USERS) {
      for (Path p : proxyPaths(u)) {
        Mirror m = new Mirror(p);
        m.value = subs.subscribe(++id, p, q -> store.select(q, Vars.NONE), m);
        m.coarse = m.value;
        mirrors.add(m);
      }
    }
    int n = 0;
    for (int op : ops) {
      n++;
      if (op % 5 == 4) {
        // commit what is staged, then every proxy must show the committed data
        store.commit();
        subs.afterCommit(q -> store.select(q, Vars.NONE));
        check(store, mirrors);
      } else if (op % 11 == 10) {
        store.abort();
        subs.discardWrites();
        check(store, mirrors);
      } else {
        Path t = transform(op / 5, n);
        try {
          subs.noteWrite(t, Vars.NONE);
          store.transform(t, Vars.NONE);
        } catch (RuntimeException schemaOrRange) {
          // a rejected write stages nothing; the recorded key only costs a re-read
        }
      }
    }
    store.commit();
    subs.afterCommit(q -> store.select(q, Vars.NONE));
    check(store, mirrors);
  }

  private static void check(PStateStore store, List<Mirror> mirrors) {
    for (Mirror m : mirrors) {
      Object fresh = store.selectOne(m.path, Vars.NONE);
      assertThat(m.value).as("proxy %s", m.path).isEqualTo(fresh);
      assertThat(m.coarse).as("coarse proxy %s", m.path).isEqualTo(fresh);
    }
  }

  /** A client stand-in: applies each diff like the real client and, separately, expanded. */
  private static final class Mirror implements ProxySink {
    final Path path;
    Object value;
    Object coarse;
    long seq;

    Mirror(Path path) {
      this.path = path;
    }

    @Override
    public void accept(ProxyMessage m) {
      if (m.kind() == ProxyMessage.Kind.RESYNC) {
        value = m.value();
        coarse = m.value();
        seq = m.seq();
        return;
      }
      assertThat(m.kind()).isEqualTo(ProxyMessage.Kind.DIFF);
      assertThat(m.seq()).isEqualTo(seq + 1);
      seq = m.seq();
      Object next = DiffApply.apply(value, m.diff());
      assertThat(Checksums.of(next)).as("checksum of %s", m.diff()).isEqualTo(m.checksum());
      FineProcessor fine = new FineProcessor(coarse, next);
      m.diff().process(fine);
      coarse = fine.cur;
      value = next;
    }
  }

  /**
   * Handles only the finest diffs (never a KeysDiff, a sequence diff or a MultiDiff), so every
   * coarser diff reaches it expanded; reads the new value where an expanded diff omits it.
   */
  static final class FineProcessor
      implements Diff.Processor,
          KeyDiff.Processor,
          KeyRemoveDiff.Processor,
          NewValueDiff.Processor,
          SetAddDiff.Processor,
          SetRemoveDiff.Processor,
          AppendDiff.Processor,
          UnknownDiff.Processor {
    Object cur;
    final Object newVal;

    FineProcessor(Object cur, Object newVal) {
      this.cur = cur;
      this.newVal = newVal;
    }

    @Override
    public void unhandled() {
      throw new AssertionError("a diff reached unhandled()");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processKeyDiff(KeyDiff d) {
      if (cur instanceof List) {
        List<Object> l = new ArrayList<>((List<Object>) cur);
        int i = (Integer) d.getKey();
        FineProcessor child = new FineProcessor(l.get(i), ((List<?>) newVal).get(i));
        d.getValDiff().process(child);
        l.set(i, child.cur);
        cur = l;
        return;
      }
      Map<Object, Object> m = copyMap(cur);
      FineProcessor child =
          new FineProcessor(m.get(d.getKey()), ((Map<?, ?>) newVal).get(d.getKey()));
      d.getValDiff().process(child);
      m.put(d.getKey(), child.cur);
      cur = m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processKeyRemoveDiff(KeyRemoveDiff d) {
      if (cur instanceof List) {
        // expanded removals of a sequence are its tail, in ascending order
        List<Object> l = new ArrayList<>((List<Object>) cur);
        int i = (Integer) d.getKey();
        if (i < l.size()) {
          l.subList(i, l.size()).clear();
        }
        cur = l;
        return;
      }
      Map<Object, Object> m = copyMap(cur);
      m.remove(d.getKey());
      cur = m;
    }

    @Override
    public void processNewValueDiff(NewValueDiff d) {
      cur = d.getVal();
    }

    @Override
    public void processSetAddDiff(SetAddDiff d) {
      Set<Object> s = cur == null ? new LinkedHashSet<>() : new LinkedHashSet<>((Set<?>) cur);
      s.add(d.getElem());
      cur = s;
    }

    @Override
    public void processSetRemoveDiff(SetRemoveDiff d) {
      Set<Object> s = new LinkedHashSet<>((Set<?>) cur);
      s.remove(d.getElem());
      cur = s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processAppendDiff(AppendDiff d) {
      List<Object> l = cur == null ? new ArrayList<>() : new ArrayList<>((List<Object>) cur);
      assertThat(l).hasSize(d.getIndex());
      l.add(((List<?>) newVal).get(d.getIndex()));
      cur = l;
    }

    @Override
    public void processUnknownDiff(UnknownDiff d) {
      cur = newVal;
    }

    private static Map<Object, Object> copyMap(Object m) {
      if (m == null) {
        return new LinkedHashMap<>();
      }
      return m instanceof java.util.SortedMap
          ? new TreeMap<>((Map<?, ?>) m)
          : new LinkedHashMap<>((Map<?, ?>) m);
    }
  }
}
