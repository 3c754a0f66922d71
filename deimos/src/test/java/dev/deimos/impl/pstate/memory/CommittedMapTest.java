package dev.deimos.impl.pstate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The committed top level of a map PState: its lazily built sorted index against a {@code TreeMap}
 * doing the same operations, and readers running ordered reads while commits add and remove keys.
 */
class CommittedMapTest {
  private static final Path ALL = Path.stay();

  /** Keys of several kinds: hashable strings and longs, and lists, which live in the skip list. */
  private static Object key(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return (long) r.nextInt(300);
      case 1:
        return List.of(r.nextInt(20), "x");
      default:
        return "k" + r.nextInt(600);
    }
  }

  @Test
  void keyReadsAndCommits_doNotBuildTheSortedIndex() {
    CommittedMap m = new CommittedMap();
    for (int i = 0; i < 1000; i++) {
      m.store("k" + i, (long) i);
    }
    m.store("k7", 70L);
    m.delete("k8");
    assertThat(m.get("k7")).isEqualTo(70L);
    assertThat(m.containsKey("k8")).isFalse();
    assertThat(m.size()).isEqualTo(999);
    assertThat(m.isEmpty()).isFalse();
    assertThat(m.sortedIndexBuilt()).isFalse();
    assertThat(m.firstKey()).isEqualTo("k0");
    assertThat(m.sortedIndexBuilt()).isTrue();
  }

  @Test
  void manyInsertsAndRemoves_orderedReadsAgreeWithTreeMap() {
    Random r = new Random(7);
    CommittedMap m = new CommittedMap();
    TreeMap<Object, Object> ref = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
    for (int step = 0; step < 20_000; step++) {
      Object k = key(r);
      if (r.nextInt(3) == 0) {
        m.delete(k);
        ref.remove(k);
      } else {
        long v = r.nextInt(1000);
        m.store(k, v);
        ref.put(k, v);
      }
      // ordered reads at random moments: the first builds the index, later ones merge new keys
      if (r.nextInt(500) == 0 || step == 19_999) {
        assertThat(new ArrayList<>(m.entrySet())).isEqualTo(new ArrayList<>(ref.entrySet()));
        assertThat(new ArrayList<>(m.descendingMap().keySet()))
            .isEqualTo(new ArrayList<>(ref.descendingMap().keySet()));
        Object probe = key(r);
        assertThat(m.ceilingKey(probe)).isEqualTo(ref.ceilingKey(probe));
        assertThat(m.lowerEntry(probe)).isEqualTo(ref.lowerEntry(probe));
        assertThat(new ArrayList<>(m.tailMap(probe, true).entrySet()))
            .isEqualTo(new ArrayList<>(ref.tailMap(probe, true).entrySet()));
        assertThat(m.firstKey()).isEqualTo(ref.firstKey());
        assertThat(m.lastKey()).isEqualTo(ref.lastKey());
      }
      if (step % 97 == 0) {
        assertThat(m.size()).isEqualTo(ref.size());
        assertThat(m.get(k)).isEqualTo(ref.get(k));
        assertThat(m.containsKey(k)).isEqualTo(ref.containsKey(k));
      }
    }
    assertThat(m).isEqualTo(ref);
  }

  /**
   * String-only partitions are sorted by packed key prefixes: keys sharing long prefixes, of
   * different lengths, with NUL characters and with characters beyond Latin-1 (which switch the
   * packing to 16 bits) come out in the same order as a {@code TreeMap} under the key order.
   */
  @Test
  void stringKeys_prefixSort_agreesWithKeyOrder() {
    String[] alphabet = {"", "a", "b", "\u0000", "\u00ff", "w1", "w12", "z", "\u0100", "\uffff"};
    for (boolean wide : new boolean[] {false, true}) {
      Random r = new Random(wide ? 1 : 2);
      CommittedMap m = new CommittedMap();
      TreeMap<Object, Object> ref = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      for (int i = 0; i < 5000; i++) {
        StringBuilder k = new StringBuilder();
        for (int j = r.nextInt(7); j > 0; j--) {
          String part = alphabet[r.nextInt(wide ? alphabet.length : alphabet.length - 2)];
          k.append(part);
        }
        m.store(k.toString(), (long) i);
        ref.put(k.toString(), (long) i);
      }
      assertThat(new ArrayList<>(m.keySet())).isEqualTo(new ArrayList<>(ref.keySet()));
      assertThat(new ArrayList<>(m.entrySet())).isEqualTo(new ArrayList<>(ref.entrySet()));
    }
  }

  @Test
  void removedThenReAddedKey_beforeTheIndexIsBuilt_appearsOnceWithItsNewValue() {
    CommittedMap m = new CommittedMap();
    m.store("a", 1L);
    m.store("b", 2L);
    assertThat(m.firstKey()).isEqualTo("a");
    // queued (index built), removed, re-added, removed and re-added again before the next merge
    m.store("c", 3L);
    m.delete("c");
    m.store("c", 4L);
    m.delete("a");
    m.store("a", 5L);
    assertThat(new ArrayList<>(m.entrySet()))
        .containsExactly(Map.entry("a", 5L), Map.entry("b", 2L), Map.entry("c", 4L));
    assertThat(m.size()).isEqualTo(3);
  }

  /**
   * Readers iterate in order (building and merging the index) while one writer adds and removes
   * keys without any sequence lock: once the writer stops, every ordered read matches the hash
   * authority exactly, so no merge put back a removed key or lost an added one.
   */
  @Test
  void concurrentMergesAndRemoves_leaveIndexEqualToKeys() throws Exception {
    for (int round = 0; round < 5; round++) {
      CommittedMap m = new CommittedMap();
      TreeMap<Object, Object> ref = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      AtomicBoolean done = new AtomicBoolean();
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Thread th =
            new Thread(
                () -> {
                  try {
                    while (!done.get()) {
                      Object prev = null;
                      for (Object k : m.keySet()) {
                        if (prev != null && OrderedKeyEncoding.compareKeys(prev, k) >= 0) {
                          errors.add(new AssertionError("out of order: " + prev + ", " + k));
                        }
                        prev = k;
                      }
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                });
        th.start();
        readers.add(th);
      }
      Random r = new Random(round);
      for (int step = 0; step < 30_000; step++) {
        Object k = "k" + r.nextInt(2000);
        if (r.nextBoolean()) {
          m.delete(k);
          ref.remove(k);
        } else {
          m.store(k, (long) step);
          ref.put(k, (long) step);
        }
      }
      done.set(true);
      for (Thread th : readers) {
        th.join(60_000);
      }
      assertThat(errors).isEmpty();
      assertThat(new ArrayList<>(m.entrySet())).isEqualTo(new ArrayList<>(ref.entrySet()));
      assertThat(m.size()).isEqualTo(ref.size());
    }
  }

  /**
   * The first ordered read builds a new skip list from sorted cells and swaps it in while the
   * writer keeps adding and removing keys of both kinds (hashable strings and longs, and lists,
   * which the writer puts in the skip list itself): no key written during the build is lost or
   * resurrected, in many rounds that each race one build against the writer.
   */
  @Test
  void indexBuild_racingWriterOfBothKeyKinds_losesNoKey() throws Exception {
    for (int round = 0; round < 150; round++) {
      Random r = new Random(round);
      CommittedMap m = new CommittedMap();
      TreeMap<Object, Object> ref = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      for (int i = 0; i < 3000; i++) {
        Object k = key(r);
        m.store(k, (long) i);
        ref.put(k, (long) i);
      }
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  Object prev = null;
                  for (Object k : m.keySet()) {
                    if (prev != null && OrderedKeyEncoding.compareKeys(prev, k) >= 0) {
                      errors.add(new AssertionError("out of order: " + prev + ", " + k));
                    }
                    prev = k;
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      reader.start();
      for (int step = 0; step < 2000; step++) {
        Object k = key(r);
        if (r.nextInt(3) == 0) {
          m.delete(k);
          ref.remove(k);
        } else {
          m.store(k, (long) step);
          ref.put(k, (long) step);
        }
      }
      reader.join(60_000);
      assertThat(errors).isEmpty();
      assertThat(new ArrayList<>(m.entrySet())).isEqualTo(new ArrayList<>(ref.entrySet()));
      assertThat(m.size()).isEqualTo(ref.size());
    }
  }

  private static MemoryPStateStore counts() {
    return new MemoryPStateStore(
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class)));
  }

  /**
   * Through the store: each commit adds two new keys and removes the two oldest, so a reader that
   * sees a commit whole always sees an even number of keys, in pairs, in order, with the size
   * agreeing with the entries.
   */
  @Test
  void concurrentOrderedReaders_duringNewKeyCommits_seeWholeCommitsInOrder() throws Exception {
    MemoryPStateStore s = counts();
    AtomicBoolean done = new AtomicBoolean();
    List<String> problems = new CopyOnWriteArrayList<>();
    // two readers: one may find the queue of new keys empty while the other is still merging
    Runnable read =
        () -> {
          try {
            while (!done.get()) {
              @SuppressWarnings("unchecked")
              NavigableMap<String, Long> all =
                  (NavigableMap<String, Long>) s.selectOne(ALL, Vars.NONE);
              Object size = s.selectOne(Path.view(dev.deimos.ops.Ops.SIZE), Vars.NONE);
              Object page = s.selectOne(Path.sortedMapRangeFrom("p", 4), Vars.NONE);
              if (all.size() % 2 != 0 || ((Map<?, ?>) page).size() % 2 != 0) {
                problems.add("half a commit: " + all.keySet() + " page " + page);
              }
              for (Map.Entry<String, Long> e : all.entrySet()) {
                String k = e.getKey();
                String twin = k.endsWith("a") ? k.replace("a", "b") : k.replace("b", "a");
                if (!all.containsKey(twin) || !e.getValue().equals(all.get(twin))) {
                  problems.add("no twin of " + k + " in " + all);
                }
              }
              if (((Integer) size) % 2 != 0) {
                problems.add("odd size " + size);
              }
            }
          } catch (RuntimeException e) {
            problems.add(e.toString());
          }
        };
    Thread reader = new Thread(read);
    Thread second = new Thread(read);
    reader.start();
    second.start();
    java.util.TreeSet<String> expected = new java.util.TreeSet<>();
    for (int i = 0; i < 4000; i++) {
      String n = String.format("p%05d", i);
      s.transform(Path.key(n + "a").termVal((long) i), Vars.NONE);
      s.transform(Path.key(n + "b").termVal((long) i), Vars.NONE);
      if (i >= 10) {
        String old = String.format("p%05d", i - 10);
        s.transform(Path.key(old + "a").termVoid(), Vars.NONE);
        s.transform(Path.key(old + "b").termVoid(), Vars.NONE);
      }
      if (i % 9 == 4) {
        s.abort();
      } else {
        s.commit();
        expected.add(n + "a");
        expected.add(n + "b");
        if (i >= 10) {
          String old = String.format("p%05d", i - 10);
          expected.remove(old + "a");
          expected.remove(old + "b");
        }
      }
    }
    done.set(true);
    reader.join(60_000);
    second.join(60_000);
    assertThat(problems).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Long> last = (Map<String, Long>) s.selectOne(ALL, Vars.NONE);
    assertThat(new ArrayList<>(last.keySet())).isEqualTo(new ArrayList<>(expected));
  }

  @Test
  void snapshotsTakenBeforeAndAfterTheIndexIsBuilt_keepTheirKeys() {
    MemoryPStateStore s = counts();
    for (int i = 0; i < 100; i++) {
      s.transform(Path.key("w" + i).termVal((long) i), Vars.NONE);
    }
    s.commit();
    // no ordered read yet: the snapshot builds the index from the hash map
    Object first = s.snapshot();
    for (int i = 100; i < 150; i++) {
      s.transform(Path.key("w" + i).termVal((long) i), Vars.NONE);
    }
    s.transform(Path.key("w5").termVoid(), Vars.NONE);
    s.commit();
    Object second = s.snapshot();
    s.transform(Path.key("w6").termVal(-1L), Vars.NONE);
    s.transform(Path.key("zz").termVal(0L), Vars.NONE);
    s.commit();
    assertThat(s.selectAt(first, Path.view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
        .containsExactly(100);
    assertThat(s.selectAt(first, Path.key("w5"), Vars.NONE)).containsExactly(5L);
    assertThat(s.selectAt(second, Path.view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
        .containsExactly(149);
    assertThat(s.selectAt(second, Path.key("w6"), Vars.NONE)).containsExactly(6L);
    assertThat(s.selectAt(second, Path.sortedMapRangeFrom("w149", 2).mapKeys(), Vars.NONE))
        .containsExactly("w149", "w15");
    s.restore(first);
    assertThat(s.selectOne(Path.key("w5"), Vars.NONE)).isEqualTo(5L);
    assertThat(s.selectOne(Path.key("w120"), Vars.NONE)).isNull();
    assertThat(s.selectOne(Path.view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(100);
    assertThat(s.select(Path.sortedMapRange("w97", "w990").mapKeys(), Vars.NONE))
        .containsExactly("w97", "w98", "w99");
  }
}
