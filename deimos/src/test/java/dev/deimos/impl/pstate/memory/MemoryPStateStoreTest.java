package dev.deimos.impl.pstate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.PStateStoreContract;
import org.junit.jupiter.api.Test;

/** Runs the shared store contract against the memory store, plus its own initial-value case. */
class MemoryPStateStoreTest extends PStateStoreContract {
  @Override
  protected PStateStore open(PStateDeclaration d) {
    return new MemoryPStateStore(d);
  }

  @Override
  protected PStateStore reopenWith(PStateStore s, PStateDeclaration d) {
    return ((MemoryPStateStore) s).migrateTo(d);
  }

  @Test
  void migrateTo_incompatibleChange_throwsNamingPState() {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration("$$n", dev.deimos.PState.mapSchema(String.class, Long.class)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                s.migrateTo(
                    new PStateDeclaration(
                        "$$n", dev.deimos.PState.mapSchema(String.class, String.class))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$n")
        .hasMessageContaining("root -> map values");
  }

  @Test
  void migrateTo_toSubindexed_valuesComeBackSortedAndChecked() {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration(
                "$$prefs",
                dev.deimos.PState.mapSchema(
                    String.class, dev.deimos.PState.mapSchema(String.class, Long.class))));
    s.transform(Path.key("u").termVal(java.util.Map.of("b", 2L, "a", 1L)), Vars.NONE);
    s.commit();
    MemoryPStateStore next =
        s.migrateTo(
            new PStateDeclaration(
                "$$prefs",
                dev.deimos.PState.mapSchema(
                    String.class,
                    dev.deimos.PState.migrated(
                            dev.deimos.PState.mapSchema(String.class, Long.class).subindexed(),
                            "sub",
                            v -> v)
                        .migrateToSubindexed())));
    Object u = next.selectOne(Path.key("u"), Vars.NONE);
    assertThat(u).isInstanceOf(java.util.SortedMap.class);
    assertThat(new java.util.ArrayList<Object>(((java.util.Map<?, ?>) u).keySet()))
        .containsExactly("a", "b");
    assertThat(next.select(Path.key("u").sortedMapRangeFrom("b", 1).mapVals(), Vars.NONE))
        .containsExactly(2L);
  }

  @Test
  void snapshot_unchangedByLaterCommits_restoreBringsItBack() {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration("$$n", dev.deimos.PState.mapSchema(String.class, Long.class)));
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    Object snap = s.snapshot();
    s.transform(Path.key("a").termVal(2L), Vars.NONE);
    s.transform(Path.key("b").termVal(3L), Vars.NONE);
    s.commit();
    assertThat(s.selectAt(snap, Path.key("a"), Vars.NONE)).containsExactly(1L);
    assertThat(s.selectAt(snap, Path.mapKeys(), Vars.NONE)).containsExactly("a");
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(2L);
    s.transform(Path.key("c").termVal(4L), Vars.NONE);
    s.restore(snap);
    assertThat(s.hasStagedWrites()).isFalse();
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("a");
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    // the restored data is the store's own again: later writes do not touch the snapshot
    s.transform(Path.key("a").termVal(9L), Vars.NONE);
    s.commit();
    assertThat(s.selectAt(snap, Path.key("a"), Vars.NONE)).containsExactly(1L);
  }

  private static PStateDeclaration countersDecl() {
    return new PStateDeclaration(
        "$$counters",
        dev.deimos.PState.mapSchema(
            String.class, dev.deimos.PState.mapSchema(String.class, Long.class).subindexed()));
  }

  private static MemoryPStateStore nestedCounters() {
    MemoryPStateStore s = new MemoryPStateStore(countersDecl());
    s.transform(Path.key("u", "a").termVal(0L), Vars.NONE);
    s.transform(Path.key("u", "b").termVal(0L), Vars.NONE);
    s.commit();
    return s;
  }

  @Test
  void leafWriteOfCommittedSubindexedMap_stagedUntilCommit_abortDropsIt() {
    MemoryPStateStore s = nestedCounters();
    Path incA = Path.key("u", "a").term(dev.deimos.ops.Ops.INC_LONG);
    s.transform(incA, Vars.NONE);
    s.transform(incA, Vars.NONE);
    assertThat(s.hasStagedWrites()).isTrue();
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(0L);
    assertThat(s.selectOneStaged(Path.key("u", "a"), Vars.NONE)).isEqualTo(2L);
    s.abort();
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(0L);
    s.transform(incA, Vars.NONE);
    // a write of another leaf of the same map in the same session keeps both
    s.transform(Path.key("u", "b").termVal(5L), Vars.NONE);
    s.transform(incA, Vars.NONE);
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(java.util.Map.of("a", 0L, "b", 0L));
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(java.util.Map.of("a", 2L, "b", 5L));
    // a wrong leaf type is still refused, naming the PState
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.transform(Path.key("u", "a").termVal("x"), Vars.NONE))
        .hasMessageContaining("$$counters");
  }

  @Test
  void leafWriteOfCommittedSubindexedMap_leavesEarlierSnapshotsAndMigratedStoresAlone() {
    MemoryPStateStore s = nestedCounters();
    Path incA = Path.key("u", "a").term(dev.deimos.ops.Ops.INC_LONG);
    s.transform(incA, Vars.NONE);
    s.commit();
    Object snap = s.snapshot();
    s.transform(incA, Vars.NONE);
    s.commit();
    s.transform(incA, Vars.NONE);
    s.commit();
    assertThat(s.selectAt(snap, Path.key("u", "a"), Vars.NONE)).containsExactly(1L);
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(3L);
    s.restore(snap);
    s.transform(incA, Vars.NONE);
    s.commit();
    assertThat(s.selectAt(snap, Path.key("u", "a"), Vars.NONE)).containsExactly(1L);
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(2L);
    MemoryPStateStore next = s.migrateTo(countersDecl());
    next.transform(incA, Vars.NONE);
    next.commit();
    s.transform(incA, Vars.NONE);
    s.transform(incA, Vars.NONE);
    s.commit();
    assertThat(next.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(3L);
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(4L);
  }

  @Test
  void concurrentReader_inPlaceLeafCommits_neverSeesUncommittedValues() throws Exception {
    MemoryPStateStore s = nestedCounters();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                Object a = s.selectOne(Path.key("u", "a"), Vars.NONE);
                Object all = s.select(Path.key("u").mapVals(), Vars.NONE);
                // two increments per commit: an odd value is an uncommitted one
                if (((Long) a) % 2 != 0 || !all.toString().matches("\\[\\d*[02468], 0\\]")) {
                  problems.add("a=" + a + " vals=" + all);
                }
              }
            });
    reader.start();
    Path incA = Path.key("u", "a").term(dev.deimos.ops.Ops.INC_LONG);
    for (int i = 0; i < 5000; i++) {
      s.transform(incA, Vars.NONE);
      s.transform(incA, Vars.NONE);
      if (i % 5 == 2) {
        s.abort();
      } else {
        s.commit();
      }
    }
    done.set(true);
    reader.join();
    assertThat(problems).isEmpty();
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(2L * 4000);
  }

  @Test
  void concurrentReader_nestedInPlaceSessionWrites_neverSeesUncommittedOrHalfCommits()
      throws Exception {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration(
                "$$nested",
                dev.deimos.PState.mapSchema(
                    String.class,
                    dev.deimos.PState.mapSchema(String.class, Long.class).subindexed())));
    s.transform(Path.key("u", "a").termVal(0L), Vars.NONE);
    s.transform(Path.key("u", "b").termVal(0L), Vars.NONE);
    s.commit();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                java.util.Map<?, ?> u = (java.util.Map<?, ?>) s.selectOne(Path.key("u"), Vars.NONE);
                Object a = s.selectOne(Path.key("u", "a"), Vars.NONE);
                // a and b move together, by two per commit: an odd value is an uncommitted one
                if (!u.get("a").equals(u.get("b")) || ((Long) a) % 2 != 0) {
                  problems.add(u + " a=" + a);
                }
              }
            });
    reader.start();
    Path incA = Path.key("u", "a").term(dev.deimos.ops.Ops.INC_LONG);
    Path incB = Path.key("u", "b").term(dev.deimos.ops.Ops.INC_LONG);
    for (int i = 0; i < 3000; i++) {
      // the second write of each key updates the session's own copy in place
      s.transform(incA, Vars.NONE);
      s.transform(incB, Vars.NONE);
      s.transform(incA, Vars.NONE);
      s.transform(incB, Vars.NONE);
      if (i % 7 == 3) {
        s.abort();
      } else {
        s.commit();
      }
    }
    done.set(true);
    reader.join();
    assertThat(problems).isEmpty();
    long commits = 3000 - java.util.stream.IntStream.range(0, 3000).filter(i -> i % 7 == 3).count();
    assertThat(s.selectOne(Path.key("u", "b"), Vars.NONE)).isEqualTo(2 * commits);
  }

  @Test
  void classSchema_initialValue_readableAndWritable() {
    PStateDeclaration d = new PStateDeclaration("$$total", Long.class);
    d.initialValue(0L);
    MemoryPStateStore s = new MemoryPStateStore(d);
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(0L);
    s.transform(Path.termVal(9L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(9L);
  }
}
