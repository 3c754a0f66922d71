package dev.deimos.impl.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.diffs.AppendDiff;
import dev.deimos.diffs.Diff;
import dev.deimos.diffs.KeyDiff;
import dev.deimos.diffs.KeyRemoveDiff;
import dev.deimos.diffs.NewValueDiff;
import dev.deimos.diffs.SequenceChangeDiff;
import dev.deimos.diffs.SetAddDiff;
import dev.deimos.diffs.SetRemoveDiff;
import dev.deimos.diffs.UnknownDiff;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random schemas (maps, fixed keys, sets and lists nested up to three deep, some maps subindexed),
 * random transforms that walk each schema, and random proxy paths (keys, sizes, subselects) on a
 * memory store. After every commit each proxy's value, the previous one with the sent diffs applied
 * (checksums checked), equals a fresh select, and so does the value a processor that only handles
 * coarse diffs builds from the same diffs expanded: it never descends into a value diff and takes
 * sequences a whole {@link SequenceChangeDiff} at a time.
 */
class ProxyRandomSchemaPropertiesTest {

  /** A schema shape. */
  sealed interface S permits Leaf, MapS, SetS, ListS, Fixed {}

  record Leaf() implements S {}

  record MapS(S val, boolean subindexed) implements S {}

  record SetS() implements S {}

  record ListS() implements S {}

  record Fixed(S a, S b) implements S {}

  static S schema(Random r, int depth) {
    int c = depth >= 3 ? 0 : r.nextInt(5);
    switch (c) {
      case 1:
        return new MapS(schema(r, depth + 1), depth > 0 && r.nextInt(3) == 0);
      case 2:
        return new SetS();
      case 3:
        return new ListS();
      case 4:
        return new Fixed(schema(r, depth + 1), schema(r, depth + 1));
      default:
        return new Leaf();
    }
  }

  static Object declare(S s) {
    if (s instanceof Leaf) {
      return Long.class;
    }
    if (s instanceof SetS) {
      return PState.setSchema(String.class);
    }
    if (s instanceof ListS) {
      return PState.listSchema(Long.class);
    }
    if (s instanceof Fixed) {
      Fixed f = (Fixed) s;
      return PState.fixedKeysSchema("a", declare(f.a()), "b", declare(f.b()));
    }
    MapS m = (MapS) s;
    Object v = declare(m.val());
    PState.Schema ms =
        v instanceof Class
            ? PState.mapSchema(String.class, (Class<?>) v)
            : PState.mapSchema(String.class, (PState.Schema) v);
    return m.subindexed() ? ms.subindexed() : ms;
  }

  static Object value(Random r, S s) {
    if (s instanceof Leaf) {
      return (long) r.nextInt(7);
    }
    if (s instanceof SetS) {
      Set<Object> out = new HashSet<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        out.add("e" + r.nextInt(4));
      }
      return out;
    }
    if (s instanceof ListS) {
      List<Object> out = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        out.add((long) r.nextInt(7));
      }
      return out;
    }
    Map<Object, Object> out = new HashMap<>();
    if (s instanceof Fixed) {
      Fixed f = (Fixed) s;
      if (r.nextBoolean()) {
        out.put("a", value(r, f.a()));
      }
      if (r.nextBoolean()) {
        out.put("b", value(r, f.b()));
      }
      return out;
    }
    MapS m = (MapS) s;
    for (int i = r.nextInt(3); i > 0; i--) {
      out.put("k" + r.nextInt(3), value(r, m.val()));
    }
    return out;
  }

  /** A random writing path from {@code p} at schema node {@code s}. */
  static Path transform(Random r, Path.Impl p, S s) {
    if (s instanceof Leaf) {
      switch (r.nextInt(3)) {
        case 0:
          return p.nullToVal(0L).term(Ops.INC_LONG);
        case 1:
          return p.termVal((long) r.nextInt(7));
        default:
          return p.termVoid();
      }
    }
    if (s instanceof SetS) {
      switch (r.nextInt(4)) {
        case 0:
        case 1:
          return p.nullToSet().voidSetElem().termVal("e" + r.nextInt(4));
        case 2:
          return p.setElem("e" + r.nextInt(4)).termVoid();
        default:
          return p.termVal(value(r, s));
      }
    }
    if (s instanceof ListS) {
      long v = r.nextInt(7);
      switch (r.nextInt(8)) {
        case 0:
          return p.nullToList().afterElem().termVal(v);
        case 1:
          return p.nullToList().beforeElem().termVal(v);
        case 2:
          return p.nth(0).termVal(v);
        case 3:
          return p.all().term(Ops.INC_LONG);
        case 4:
          return p.all().filterGreaterThan(4L).termVoid();
        case 5:
          return p.beforeIndex(1).termVal(v);
        case 6:
          return p.sublist(0, 1).termVal(List.of(v, v));
        default:
          return p.termVal(value(r, s));
      }
    }
    if (s instanceof Fixed) {
      Fixed f = (Fixed) s;
      switch (r.nextInt(6)) {
        case 0:
          return p.termVal(value(r, s));
        case 1:
          return p.termVoid();
        case 2:
        case 3:
          return transform(r, p.key("a"), f.a());
        default:
          return transform(r, p.key("b"), f.b());
      }
    }
    MapS m = (MapS) s;
    switch (r.nextInt(8)) {
      case 0:
        return m.subindexed()
            ? transform(r, p.key("k" + r.nextInt(3)), m.val())
            : p.termVal(value(r, s));
      case 1:
        return p.termVoid();
      case 2:
        return transform(r, p.mapVals(), m.val());
      case 3:
        if (m.val() instanceof Leaf) {
          // subselect: one list of all values, written back element by element
          return p.subselect(Path.mapVals()).term(ProxyRandomSchemaPropertiesTest::rotate);
        }
        return transform(r, p.key("k" + r.nextInt(3)), m.val());
      default:
        return transform(r, p.key("k" + r.nextInt(3)), m.val());
    }
  }

  /** Proxy paths: the user, then keys down the schema with sizes and subselects on the way. */
  static void proxyPaths(Path.Impl p, S s, int depth, List<Path> out) {
    out.add(p);
    if (s instanceof SetS || s instanceof ListS) {
      out.add(p.view(Ops.SIZE));
      return;
    }
    if (s instanceof Fixed) {
      Fixed f = (Fixed) s;
      proxyPaths(p.key("a"), f.a(), depth + 1, out);
      proxyPaths(p.key("b"), f.b(), depth + 1, out);
      return;
    }
    if (s instanceof MapS) {
      MapS m = (MapS) s;
      if (m.val() instanceof Leaf) {
        out.add(p.subselect(Path.mapVals()));
      }
      proxyPaths(p.key("k1"), m.val(), depth + 1, out);
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

  @Property(tries = 300)
  void randomSchemas_randomTransforms_proxiesEqualFreshSelects(@ForAll long seed) {
    Random r = new Random(seed);
    S root = schema(r, 0);
    PStateDeclaration decl;
    Object top = declare(root);
    decl =
        new PStateDeclaration(
            "$$r",
            top instanceof Class
                ? PState.mapSchema(String.class, (Class<?>) top)
                : PState.mapSchema(String.class, (PState.Schema) top));
    PStateStore store = new MemoryPStateStore(decl);
    PartitionSubscriptions subs = new PartitionSubscriptions("$$r", 1000, Long.MAX_VALUE, () -> 0L);
    List<Mirror> mirrors = new ArrayList<>();
    long id = 0;
    for (String u : List.of("u0", "u1")) {
      List<Path> paths = new ArrayList<>();
      proxyPaths(Path.key(u), root, 0, paths);
      for (Path p : paths) {
        try {
          ProxyPaths.check("$$r", decl.getSchema(), p);
        } catch (IllegalArgumentException refused) {
          continue; // a subindexed structure itself: refused as in a real proxy
        }
        Mirror m = new Mirror(p, seed);
        m.value = subs.subscribe(++id, p, q -> store.select(q, Vars.NONE), m);
        m.coarse = m.value;
        mirrors.add(m);
      }
    }
    int steps = 10 + r.nextInt(40);
    for (int i = 0; i < steps; i++) {
      int op = r.nextInt(10);
      if (op < 2) {
        store.commit();
        subs.afterCommit(q -> store.select(q, Vars.NONE));
        check(store, mirrors, root);
      } else if (op == 2) {
        store.abort();
        subs.discardWrites();
        check(store, mirrors, root);
      } else {
        Path t = transform(r, Path.key(r.nextBoolean() ? "u0" : "u1"), root);
        try {
          subs.noteWrite(t, Vars.NONE);
          store.transform(t, Vars.NONE);
        } catch (RuntimeException schemaOrRange) {
          // a write the schema or the data refuses stages nothing
        }
      }
    }
    store.commit();
    subs.afterCommit(q -> store.select(q, Vars.NONE));
    check(store, mirrors, root);
  }

  private static void check(PStateStore store, List<Mirror> mirrors, S root) {
    for (Mirror m : mirrors) {
      Object fresh = store.selectOne(m.path, Vars.NONE);
      assertThat(m.value).as("proxy %s, schema %s", m.path, root).isEqualTo(fresh);
      assertThat(m.coarse).as("coarse proxy %s, schema %s", m.path, root).isEqualTo(fresh);
    }
  }

  /** A client stand-in: applies each diff like the real client and, separately, coarsely. */
  private static final class Mirror implements ProxySink {
    final Path path;
    final long seed;
    Object value;
    Object coarse;
    long seq;

    Mirror(Path path, long seed) {
      this.path = path;
      this.seed = seed;
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
      CoarseProcessor p = new CoarseProcessor(coarse, next);
      m.diff().process(p);
      coarse = p.cur;
      value = next;
    }
  }

  /**
   * Handles only coarse diffs: a key's value changed or went, a set gained or lost an element, a
   * sequence changed from an index on, a whole new value, an unknown change. Nested value diffs are
   * never looked at (the new value is read where the diff points), so every finer diff the server
   * sends must reach it through expansion.
   */
  static final class CoarseProcessor
      implements Diff.Processor,
          KeyDiff.Processor,
          KeyRemoveDiff.Processor,
          SequenceChangeDiff.Processor,
          AppendDiff.Processor,
          SetAddDiff.Processor,
          SetRemoveDiff.Processor,
          NewValueDiff.Processor,
          UnknownDiff.Processor {
    Object cur;
    final Object newVal;

    CoarseProcessor(Object cur, Object newVal) {
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
        l.set(i, ((List<?>) newVal).get(i));
        cur = l;
        return;
      }
      Map<Object, Object> m = copyMap(cur);
      m.put(d.getKey(), ((Map<?, ?>) newVal).get(d.getKey()));
      cur = m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processKeyRemoveDiff(KeyRemoveDiff d) {
      if (cur instanceof List) {
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
    @SuppressWarnings("unchecked")
    public void processSequenceChangeDiff(SequenceChangeDiff d) {
      List<Object> l = cur == null ? new ArrayList<>() : new ArrayList<>((List<Object>) cur);
      assertThat(l).hasSize(d.getOldSize());
      List<Object> n = (List<Object>) newVal;
      assertThat(n).hasSize(d.getNewSize());
      List<Object> out = new ArrayList<>(l.subList(0, d.getFromIndex()));
      out.addAll(n.subList(d.getFromIndex(), d.getNewSize()));
      cur = out;
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
    public void processNewValueDiff(NewValueDiff d) {
      cur = d.getVal();
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
