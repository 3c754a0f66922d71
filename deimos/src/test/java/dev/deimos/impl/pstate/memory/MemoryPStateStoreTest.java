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
