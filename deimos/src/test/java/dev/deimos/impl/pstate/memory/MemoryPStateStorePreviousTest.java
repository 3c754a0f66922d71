package dev.deimos.impl.pstate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryPStateStore#commitKeepingPrevious} and {@link MemoryPStateStore#selectBefore}: what
 * microbatch topologies use to serve reads pinned to an earlier microbatch.
 */
class MemoryPStateStorePreviousTest {
  private static MemoryPStateStore counts() {
    return new MemoryPStateStore(
        new PStateDeclaration("$$counts", PState.mapSchema(Object.class, Long.class)));
  }

  private static void put(MemoryPStateStore s, Object k, long v) {
    s.transform(Path.key(k).termVal(v), Vars.NONE);
  }

  @Test
  void looksBehindAnyNumberOfCommits_addedChangedAndRemovedKeys() {
    MemoryPStateStore s = counts();
    put(s, "a", 1);
    put(s, "b", 2);
    Object p1 = s.commitKeepingPrevious();
    put(s, "a", 10);
    put(s, "c", 3);
    s.transform(Path.key("b").termVoid(), Vars.NONE);
    Object p2 = s.commitKeepingPrevious();
    put(s, "a", 100);
    put(s, "b", 20);
    Object p3 = s.commitKeepingPrevious();

    assertThat(s.select(Path.all(), Vars.NONE))
        .containsExactly(List.of("a", 100L), List.of("b", 20L), List.of("c", 3L));
    assertThat(s.selectBefore(List.of(p3), Path.all(), Vars.NONE))
        .containsExactly(List.of("a", 10L), List.of("c", 3L));
    assertThat(s.selectBefore(List.of(p3, p2), Path.all(), Vars.NONE))
        .containsExactly(List.of("a", 1L), List.of("b", 2L));
    assertThat(s.selectBefore(List.of(p3, p2, p1), Path.all(), Vars.NONE)).isEmpty();
    assertThat(s.selectBefore(List.of(), Path.key("a"), Vars.NONE)).containsExactly(100L);
    // the current data is untouched by those reads
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(20L);
  }

  @Test
  void nothingStaged_recordsNothing_abortedWritesAreNotInTheRecord() {
    MemoryPStateStore s = counts();
    assertThat(s.commitKeepingPrevious()).isNull();
    put(s, "a", 1);
    s.abort();
    assertThat(s.commitKeepingPrevious()).isNull();
    put(s, "a", 2);
    Object p = s.commitKeepingPrevious();
    assertThat(s.selectBefore(List.of(p), Path.mapKeys(), Vars.NONE)).isEmpty();
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(2L);
  }

  @Test
  void wholeRootCommitsAndNonMapPStates() {
    MemoryPStateStore s = counts();
    put(s, "a", 1);
    put(s, "b", 2);
    Object p1 = s.commitKeepingPrevious();
    // a path without a leading key rewrites the whole root
    s.transform(Path.mapVals().term(v -> (Long) v * 10), Vars.NONE);
    Object p2 = s.commitKeepingPrevious();
    put(s, "c", 3);
    Object p3 = s.commitKeepingPrevious();
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(10L, 20L, 3L);
    assertThat(s.selectBefore(List.of(p3), Path.mapVals(), Vars.NONE)).containsExactly(10L, 20L);
    assertThat(s.selectBefore(List.of(p3, p2), Path.mapVals(), Vars.NONE)).containsExactly(1L, 2L);
    assertThat(s.selectBefore(List.of(p3, p2, p1), Path.mapVals(), Vars.NONE)).isEmpty();

    PStateDeclaration d = new PStateDeclaration("$$total", Long.class);
    d.initialValue(0L);
    MemoryPStateStore total = new MemoryPStateStore(d);
    total.transform(Path.term(v -> (Long) v + 5), Vars.NONE);
    Object t1 = total.commitKeepingPrevious();
    total.transform(Path.term(v -> (Long) v + 7), Vars.NONE);
    Object t2 = total.commitKeepingPrevious();
    assertThat(total.selectOne(Path.stay(), Vars.NONE)).isEqualTo(12L);
    assertThat(total.selectBefore(List.of(t2), Path.stay(), Vars.NONE)).containsExactly(5L);
    assertThat(total.selectBefore(List.of(t2, t1), Path.stay(), Vars.NONE)).containsExactly(0L);
  }

  @Test
  void keptValuesAreNeverUpdatedInPlace_nestedSubindexedMaps() {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration(
                "$$nested",
                PState.mapSchema(
                    String.class, PState.mapSchema(String.class, Long.class).subindexed())));
    s.transform(Path.key("u", "x").termVal(1L), Vars.NONE);
    s.commitKeepingPrevious();
    s.transform(Path.key("u", "x").termVal(2L), Vars.NONE);
    Object p2 = s.commitKeepingPrevious();
    // the existing-leaf fast path must not set the kept map's entry in place
    s.transform(Path.key("u", "x").termVal(3L), Vars.NONE);
    Object p3 = s.commitKeepingPrevious();
    assertThat(s.selectOne(Path.key("u", "x"), Vars.NONE)).isEqualTo(3L);
    assertThat(s.selectBefore(List.of(p3), Path.key("u", "x"), Vars.NONE)).containsExactly(2L);
    assertThat(s.selectBefore(List.of(p3, p2), Path.key("u", "x"), Vars.NONE)).containsExactly(1L);
  }

  @Test
  void keysThatAreNotHashableStageAndCommitInKeyOrder() {
    // list keys live in the sorted part of the session's overlay, strings and longs in the hash
    // part
    MemoryPStateStore s = counts();
    put(s, List.of(2L, "x"), 1);
    put(s, "b", 2);
    put(s, 7L, 3);
    put(s, List.of(1L, "y"), 4);
    assertThat(s.selectOneStaged(Path.key(List.of(1L, "y")), Vars.NONE)).isEqualTo(4L);
    assertThat(s.selectStaged(Path.mapVals(), Vars.NONE)).hasSize(4);
    Object p = s.commitKeepingPrevious();
    put(s, List.of(1L, "y"), 40);
    s.commit();
    List<Object> keys = s.select(Path.mapKeys(), Vars.NONE);
    assertThat(keys).hasSize(4).contains("b", 7L, List.of(2L, "x"), List.of(1L, "y"));
    // the store returns them in its key order, the same before and after
    List<Object> sorted = new ArrayList<>(keys);
    sorted.sort(OrderedKeyEncoding.KEY_ORDER);
    assertThat(keys).isEqualTo(sorted);
    assertThat(s.selectOne(Path.key(List.of(1L, "y")), Vars.NONE)).isEqualTo(40L);
    assertThat(s.selectBefore(List.of(p), Path.mapKeys(), Vars.NONE)).isEmpty();
  }

  @Test
  void aLargeSessionStagesEveryKeyOnce() {
    MemoryPStateStore s = counts();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10_000; i++) {
        s.transform(Path.key("k" + i).nullToVal(0L).term(v -> (Long) v + 1), Vars.NONE);
        s.transform(Path.key("k" + i).nullToVal(0L).term(v -> (Long) v + 1), Vars.NONE);
      }
      s.commitKeepingPrevious();
    }
    assertThat(s.select(Path.mapVals(), Vars.NONE)).hasSize(10_000).containsOnly(6L);
    assertThat(s.hasStagedWrites()).isFalse();
  }
}
