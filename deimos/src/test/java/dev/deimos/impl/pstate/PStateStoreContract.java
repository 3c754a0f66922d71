package dev.deimos.impl.pstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SchemaViolationException;
import dev.deimos.impl.data.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PStateStore} must share, run once per store by a subclass that says
 * how to open one. Store-specific behaviour (durability, initial values) stays in the subclass.
 */
public abstract class PStateStoreContract {
  /** Opens an empty store for the declaration; the subclass closes it after the test. */
  protected abstract PStateStore open(PStateDeclaration d);

  /**
   * Hands the store's committed data over to a new declaration, as a module update does (the
   * durable store is closed and reopened, the memory store migrated).
   */
  protected abstract PStateStore reopenWith(PStateStore s, PStateDeclaration d);

  /** Commits the concurrent-reader test makes; durable stores sync each one, so they use fewer. */
  protected int concurrentCommitRounds() {
    return 2000;
  }

  protected PStateStore counts() {
    return open(new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class)));
  }

  protected PStateStore follows() {
    return open(
        new PStateDeclaration(
            "$$follows", PState.mapSchema(String.class, PState.listSchema(String.class))));
  }

  @Test
  void select_transformedOverSubindexedSet_seesItsResult_andLeavesTheStoreUntouched() {
    // a select whose path runs an inline transform over a stored (subindexed) structure: the read
    // sees the transformed copy; nothing reaches the store (RocksDB once failed here: its read
    // sessions had no layer to stage the transform's writes in)
    PStateStore s =
        open(
            new PStateDeclaration(
                "$$tags",
                PState.mapSchema(String.class, PState.setSchema(Long.class).subindexed())));
    s.transform(Path.key("s").voidSetElem().termVal(1L), Vars.NONE);
    s.transform(Path.key("s").voidSetElem().termVal(2L), Vars.NONE);
    s.commit();
    Object seen = s.select(Path.key("s").transformed(Path.voidSetElem().termVal(5L)), Vars.NONE);
    assertThat(seen).isEqualTo(List.of(Set.of(1L, 2L, 5L)));
    assertThat(s.select(Path.key("s"), Vars.NONE)).isEqualTo(List.of(Set.of(1L, 2L)));
  }

  @Test
  void transform_thenCommit_valueVisible() {
    PStateStore s = counts();
    s.transform(Path.key("alice").termVal(3L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(3L);
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("alice");
  }

  @Test
  void stagedWrite_beforeCommit_invisibleToReaders() {
    PStateStore s = counts();
    s.transform(Path.key("alice").termVal(3L), Vars.NONE);
    assertThat(s.hasStagedWrites()).isTrue();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isNull();
    s.commit();
    assertThat(s.hasStagedWrites()).isFalse();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(3L);
  }

  @Test
  void severalStagedWrites_commit_allVisibleTogether() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    s.transform(Path.key("a").termVal(10L), Vars.NONE);
    assertThat(s.select(Path.mapVals(), Vars.NONE)).isEmpty();
    s.commit();
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(10L, 2L);
  }

  @Test
  void abort_afterStagedWrites_committedDataUnchanged() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    s.transform(Path.key("a").termVal(5L), Vars.NONE);
    s.transform(Path.key("b").termVal(7L), Vars.NONE);
    s.abort();
    assertThat(s.hasStagedWrites()).isFalse();
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isNull();
  }

  @Test
  void stagedRead_seesOwnWrites_otherReadersSeeCommittedOnly() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    s.transform(Path.key("a").term(dev.deimos.ops.Ops.INC_LONG), Vars.NONE);
    s.transform(Path.key("b").termVal(7L), Vars.NONE);
    // a later write of the same session builds on the earlier staged one
    s.transform(Path.key("a").term(dev.deimos.ops.Ops.INC_LONG), Vars.NONE);
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(3L);
    assertThat(s.selectStaged(Path.mapKeys(), Vars.NONE)).containsExactly("a", "b");
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("a");
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(3L);
    assertThat(s.selectOneStaged(Path.key("b"), Vars.NONE)).isEqualTo(7L);
  }

  @Test
  void stagedRead_afterAbort_seesCommittedDataAgain() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    s.transform(Path.key("a").termVoid(), Vars.NONE);
    s.transform(Path.key("c").termVal(9L), Vars.NONE);
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isNull();
    assertThat(s.selectStaged(Path.mapKeys(), Vars.NONE)).containsExactly("c");
    s.abort();
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    assertThat(s.selectStaged(Path.mapKeys(), Vars.NONE)).containsExactly("a");
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("a");
  }

  @Test
  void stagedRead_failedWriteInSession_keepsEarlierStagedWrites() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    assertThatThrownBy(() -> s.transform(Path.key("a").termVal("one"), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class);
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
  }

  @Test
  void stagedRead_returnsCopies() {
    PStateStore s = follows();
    s.transform(Path.key("a").termVal(new ArrayList<>(List.of("x"))), Vars.NONE);
    @SuppressWarnings("unchecked")
    List<Object> got = (List<Object>) s.selectOneStaged(Path.key("a"), Vars.NONE);
    got.add("leak");
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(List.of("x"));
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(List.of("x"));
  }

  @Test
  void wholeRootWrite_thenKeyWrites_inOneSession_commitTogether() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    s.commit();
    s.transform(Path.key("c").termVal(3L), Vars.NONE);
    // a write not into one key: every value goes up by ten
    s.transform(Path.mapVals().term((Long v) -> v + 10), Vars.NONE);
    s.transform(Path.key("a").term((Long v) -> v * 2), Vars.NONE);
    s.transform(Path.key("b").termVoid(), Vars.NONE);
    assertThat(s.selectStaged(Path.mapVals(), Vars.NONE)).containsExactly(22L, 13L);
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(1L, 2L);
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(Map.of("a", 22L, "c", 13L));
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(22L);
    assertThat(s.select(Path.sortedMapRangeFrom("b", 5).mapKeys(), Vars.NONE)).containsExactly("c");
  }

  @Test
  void nullValue_underTopLevelKey_keptAsPresentKey() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    s.transform(Path.key("a").termVal(null), Vars.NONE);
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isNull();
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("a", "b");
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(null, 2L);
    assertThat(s.select(Path.must("a"), Vars.NONE)).containsExactly((Object) null);
  }

  @Test
  void repeatedNestedWrites_inOneSession_neverChangeCommittedValues() {
    PStateStore s =
        open(
            new PStateDeclaration(
                "$$nested",
                PState.mapSchema(
                    String.class,
                    PState.fixedKeysSchema(
                        "counts",
                        PState.mapSchema(String.class, Long.class).subindexed(),
                        "name",
                        String.class))));
    s.transform(Path.key("u", "counts", "a").termVal(1L), Vars.NONE);
    s.commit();
    Path inc = Path.key("u", "counts", "a").term(dev.deimos.ops.Ops.INC_LONG);
    s.transform(inc, Vars.NONE);
    s.transform(inc, Vars.NONE);
    s.transform(Path.key("u", "counts", "b").termVal(5L), Vars.NONE);
    s.transform(Path.key("u", "name").termVal("ann"), Vars.NONE);
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(Map.of("counts", Map.of("a", 1L)));
    assertThat(s.selectOneStaged(Path.key("u", "counts", "a"), Vars.NONE)).isEqualTo(3L);
    s.abort();
    assertThat(s.selectOneStaged(Path.key("u"), Vars.NONE))
        .isEqualTo(Map.of("counts", Map.of("a", 1L)));
    s.transform(inc, Vars.NONE);
    s.transform(Path.key("u", "counts", "a").termVoid(), Vars.NONE);
    s.transform(Path.key("u", "counts", "c").termVal(7L), Vars.NONE);
    s.commit();
    s.transform(Path.key("u", "counts", "c").term(dev.deimos.ops.Ops.INC_LONG), Vars.NONE);
    assertThat(s.selectOne(Path.key("u", "counts"), Vars.NONE)).isEqualTo(Map.of("c", 7L));
    s.commit();
    assertThat(s.selectOne(Path.key("u", "counts"), Vars.NONE)).isEqualTo(Map.of("c", 8L));
    assertThat(s.selectOne(Path.key("u", "counts"), Vars.NONE)).isInstanceOf(SortedMap.class);
    assertThatThrownBy(() -> s.transform(Path.key("u", "counts", "c").termVal("x"), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("\"c\"");
    assertThatThrownBy(() -> s.transform(Path.key("u", "other").termVal(1L), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class);
    assertThat(s.hasStagedWrites()).isFalse();
  }

  @Test
  void transform_withVars_resolvesVars() {
    PStateStore s = counts();
    s.transform(Path.key("*k").termVal("*v"), Map.<String, Object>of("*k", "bob", "*v", 4L)::get);
    s.commit();
    assertThat(s.selectOne(Path.key("bob"), Vars.NONE)).isEqualTo(4L);
  }

  @Test
  void topLevelMap_keys_keptSorted() {
    PStateStore s = counts();
    for (String k : List.of("c", "a", "b")) {
      s.transform(Path.key(k).termVal(1L), Vars.NONE);
    }
    s.commit();
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("a", "b", "c");
  }

  @Test
  void violatingWrite_throwsNamingPStateAndLocation_dataUnchanged() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    assertThatThrownBy(() -> s.transform(Path.key("a").termVal(3), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("$$counts")
        .hasMessageContaining("\"a\"")
        .hasMessageContaining("Integer");
    // the staged write before the failure survives, the failed one left no trace
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(2L);
  }

  @Test
  void violatingNestedWrite_namesNestedLocation() {
    PStateStore s = follows();
    assertThatThrownBy(
            () -> s.transform(Path.key("alice").nullToList().afterElem().termVal(5L), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("$$follows")
        .hasMessageContaining("\"alice\"");
    assertThat(s.hasStagedWrites()).isFalse();
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).isEmpty();
  }

  @Test
  void mutatingSelectedResult_doesNotLeakIntoStore() {
    PStateStore s = follows();
    s.transform(Path.key("alice").nullToList().afterElem().termVal("bob"), Vars.NONE);
    s.commit();
    @SuppressWarnings("unchecked")
    List<Object> got = (List<Object>) s.selectOne(Path.key("alice"), Vars.NONE);
    got.add("mallory");
    @SuppressWarnings("unchecked")
    SortedMap<Object, Object> all = (SortedMap<Object, Object>) s.selectOne(Path.stay(), Vars.NONE);
    all.clear();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(List.of("bob"));
  }

  @Test
  void mutatingWrittenValue_afterTransform_doesNotLeakIntoStore() {
    PStateStore s = follows();
    List<String> mine = new ArrayList<>(List.of("bob"));
    s.transform(Path.key("alice").termVal(mine), Vars.NONE);
    mine.add("mallory");
    s.commit();
    mine.add("eve");
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(List.of("bob"));
  }

  @Test
  void closedStore_read_throwsNamingPState() {
    PStateStore s = counts();
    s.close();
    assertThatThrownBy(() -> s.select(Path.mapKeys(), Vars.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$$counts");
  }

  @Test
  void selectAll_returnsEqualPlainMap() {
    PStateStore s = counts();
    s.transform(Path.key("x").termVal(1L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(Map.of("x", 1L));
  }

  @Test
  void concurrentReader_duringCommits_neverSeesHalfACommit() throws Exception {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(0L), Vars.NONE);
    s.transform(Path.key("b").termVal(0L), Vars.NONE);
    s.commit();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                Object all = s.selectOne(Path.stay(), Vars.NONE);
                Map<?, ?> m = (Map<?, ?>) all;
                if (!m.get("a").equals(m.get("b"))) {
                  problems.add(m.toString());
                }
              }
            });
    reader.start();
    long rounds = concurrentCommitRounds();
    for (long i = 1; i <= rounds; i++) {
      s.transform(Path.key("a").termVal(i), Vars.NONE);
      s.transform(Path.key("b").termVal(i), Vars.NONE);
      s.commit();
    }
    done.set(true);
    reader.join();
    assertThat(problems).isEmpty();
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(rounds);
  }

  @Test
  void removingKey_thenCommit_rowDeleted() {
    PStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    s.commit();
    s.transform(Path.key("a").termVoid(), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(Map.of("b", 2L));
  }

  protected PStateStore histories() {
    return open(
        new PStateDeclaration(
            "$$hist",
            PState.mapSchema(
                String.class,
                PState.mapSchema(Long.class, PState.setSchema(String.class).subindexed())
                    .subindexed())));
  }

  /** Fills user "u" of {@link #histories()} with keys 0..n-1, each holding {"e" + key}. */
  protected static void fillHistory(PStateStore s, int n) {
    for (long i = 0; i < n; i++) {
      s.transform(Path.key("u").key(i).nullToSet().voidSetElem().termVal("e" + i), Vars.NONE);
    }
    s.commit();
  }

  @Test
  void subindexedMap_pointGet_readsOneElement() {
    PStateStore s = histories();
    fillHistory(s, 50);
    assertThat(s.selectOne(Path.key("u").key(7L), Vars.NONE)).isEqualTo(java.util.Set.of("e7"));
    assertThat(s.selectOne(Path.key("u").key(70L), Vars.NONE)).isNull();
    assertThat(s.select(Path.key("u").key(7L).all(), Vars.NONE)).containsExactly("e7");
  }

  @Test
  void subindexedMap_stagedRead_mergesStagedAndCommittedElementsInOrder() {
    PStateStore s = histories();
    fillHistory(s, 5);
    s.transform(Path.key("u").key(2L).termVoid(), Vars.NONE);
    s.transform(Path.key("u").key(9L).nullToSet().voidSetElem().termVal("new"), Vars.NONE);
    Object page = s.selectOneStaged(Path.key("u").sortedMapRangeFrom(1L, 10), Vars.NONE);
    assertThat(new ArrayList<Object>(((SortedMap<?, ?>) page).keySet()))
        .containsExactly(1L, 3L, 4L, 9L);
    assertThat(s.selectOneStaged(Path.key("u").key(9L), Vars.NONE))
        .isEqualTo(java.util.Set.of("new"));
    assertThat(s.selectOne(Path.key("u").key(2L), Vars.NONE)).isEqualTo(java.util.Set.of("e2"));
    s.abort();
    assertThat(s.selectOneStaged(Path.key("u").key(9L), Vars.NONE)).isNull();
    assertThat(s.selectOneStaged(Path.key("u").key(2L), Vars.NONE))
        .isEqualTo(java.util.Set.of("e2"));
  }

  @Test
  void subindexedMap_rangeFromWithMax_returnsSortedPage() {
    PStateStore s = histories();
    fillHistory(s, 50);
    Object page = s.selectOne(Path.key("u").sortedMapRangeFrom(10L, 3), Vars.NONE);
    assertThat(page).isInstanceOf(SortedMap.class);
    assertThat(new ArrayList<Object>(((SortedMap<?, ?>) page).keySet()))
        .containsExactly(10L, 11L, 12L);
    assertThat(((SortedMap<?, ?>) page).get(11L)).isEqualTo(java.util.Set.of("e11"));
    Object to = s.selectOne(Path.key("u").sortedMapRangeTo(10L, 2), Vars.NONE);
    assertThat(new ArrayList<Object>(((SortedMap<?, ?>) to).keySet())).containsExactly(8L, 9L);
    Object mid = s.selectOne(Path.key("u").sortedMapRange(47L, 60L), Vars.NONE);
    assertThat(new ArrayList<Object>(((SortedMap<?, ?>) mid).keySet()))
        .containsExactly(47L, 48L, 49L);
  }

  @Test
  void subindexedMap_size_countsElementsAfterAddsAndRemoves() {
    PStateStore s = histories();
    fillHistory(s, 20);
    s.transform(Path.key("u").key(3L).termVoid(), Vars.NONE);
    s.transform(Path.key("u").key(5L).nullToSet().voidSetElem().termVal("again"), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(19);
    assertThat(s.selectOne(Path.key("u").key(5L).view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
        .isEqualTo(2);
    assertThat(s.select(Path.key("u").mapKeys(), Vars.NONE)).hasSize(19).doesNotContain(3L);
  }

  @Test
  void subindexedMap_wholeReplaceAndRemove_leaveNoOldElements() {
    PStateStore s = histories();
    fillHistory(s, 10);
    java.util.TreeMap<Long, java.util.Set<String>> fresh = new java.util.TreeMap<>();
    fresh.put(100L, new java.util.HashSet<>(List.of("x")));
    s.transform(Path.key("u").termVal(fresh), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE))
        .isEqualTo(Map.of(100L, java.util.Set.of("x")));
    s.transform(Path.key("u").termVoid(), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isNull();
    fillHistory(s, 1);
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(Map.of(0L, java.util.Set.of("e0")));
  }

  @Test
  void subindexedWrite_violatingSchema_rolledBackWhole() {
    PStateStore s = histories();
    fillHistory(s, 3);
    assertThatThrownBy(
            () -> s.transform(Path.key("u").mapVals().termVal(java.util.Set.of(1L)), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("$$hist");
    s.commit();
    assertThat(s.selectOne(Path.key("u").key(1L), Vars.NONE)).isEqualTo(java.util.Set.of("e1"));
  }

  @Test
  void setSchema_topLevel_addRemoveAndRange() {
    PStateStore s = open(new PStateDeclaration("$$tags", PState.setSchema(String.class)));
    s.transform(Path.voidSetElem().termVal("b"), Vars.NONE);
    s.transform(Path.voidSetElem().termVal("a"), Vars.NONE);
    s.transform(Path.voidSetElem().termVal("c"), Vars.NONE);
    s.commit();
    s.transform(Path.setElem("b").termVoid(), Vars.NONE);
    s.commit();
    assertThat(s.select(Path.all(), Vars.NONE)).containsExactly("a", "c");
    assertThat(s.selectOne(Path.sortedSetRangeFrom("b"), Vars.NONE))
        .isEqualTo(java.util.Set.of("c"));
  }

  @Test
  void classSchema_value_writtenAndRead() {
    PStateStore s = open(new PStateDeclaration("$$total", Long.class));
    s.transform(Path.termVal(5L), Vars.NONE);
    s.transform(Path.term((Long v) -> v + 1), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(6L);
  }

  @Test
  void listSchema_nestedSubindexed_appendGetSet() {
    PStateStore s =
        open(
            new PStateDeclaration(
                "$$logs",
                PState.mapSchema(String.class, PState.listSchema(Long.class).subindexed())));
    for (long i = 0; i < 5; i++) {
      s.transform(Path.key("u").nullToList().afterElem().termVal(i), Vars.NONE);
    }
    s.transform(Path.key("u").nth(2).termVal(20L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(List.of(0L, 1L, 20L, 3L, 4L));
    assertThat(s.selectOne(Path.key("u").nth(3), Vars.NONE)).isEqualTo(3L);
    assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(5);
  }

  @Test
  void snapshotIsolation_readerWithinOneSelect_seesOneCommittedState() throws Exception {
    PStateStore s = histories();
    fillHistory(s, 10);
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                Map<?, ?> m = (Map<?, ?>) s.selectOne(Path.key("u"), Vars.NONE);
                // every commit adds one element to key 0 and one to key 9 together
                int a = ((java.util.Set<?>) m.get(0L)).size();
                int b = ((java.util.Set<?>) m.get(9L)).size();
                if (a != b) {
                  problems.add(a + " vs " + b);
                }
              }
            });
    reader.start();
    for (int i = 0; i < 100; i++) {
      s.transform(Path.key("u").key(0L).voidSetElem().termVal("n" + i), Vars.NONE);
      s.transform(Path.key("u").key(9L).voidSetElem().termVal("n" + i), Vars.NONE);
      s.commit();
    }
    done.set(true);
    reader.join();
    assertThat(problems).isEmpty();
  }

  @Test
  void rangeTransform_onSubindexedMap_changesOnlyRangeElements() {
    PStateStore s = histories();
    fillHistory(s, 10);
    s.transform(
        Path.key("u").sortedMapRange(2L, 5L).mapVals().voidSetElem().termVal("z"), Vars.NONE);
    s.transform(
        Path.key("u").sortedMapRange(7L, 9L).mapVals().termVal(java.util.Set.of("w")), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u").key(3L), Vars.NONE))
        .isEqualTo(java.util.Set.of("e3", "z"));
    assertThat(s.selectOne(Path.key("u").key(5L), Vars.NONE)).isEqualTo(java.util.Set.of("e5"));
    assertThat(s.selectOne(Path.key("u").key(8L), Vars.NONE)).isEqualTo(java.util.Set.of("w"));
    assertThat(s.selectOne(Path.key("u").key(9L), Vars.NONE)).isEqualTo(java.util.Set.of("e9"));
    assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(10);
  }

  @Test
  void rangeTransform_termVoid_removesRangeOnly() {
    PStateStore s = histories();
    fillHistory(s, 10);
    s.transform(Path.key("u").sortedMapRangeFrom(6L).termVal(Map.of()), Vars.NONE);
    s.commit();
    assertThat(s.select(Path.key("u").mapKeys(), Vars.NONE))
        .isEqualTo(List.of(0L, 1L, 2L, 3L, 4L, 5L));
    assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(6);
  }

  @Test
  void migratedSchema_afterUpdate_readsNewShapeAndBackgroundPassFinishes() {
    PStateStore s =
        open(new PStateDeclaration("$$n", PState.mapSchema(String.class, Integer.class)));
    s.transform(Path.key("a").termVal(1), Vars.NONE);
    s.transform(Path.key("b").termVal(2), Vars.NONE);
    s.commit();
    dev.deimos.ops.DeimosFunction1<Object, Object> toLong =
        v -> v instanceof Integer ? Long.valueOf((Integer) v) : v;
    PStateStore m =
        reopenWith(
            s,
            new PStateDeclaration(
                "$$n",
                PState.mapSchema(String.class, PState.migrated(Long.class, "to-long", toLong))));
    assertThat(m.select(Path.mapVals(), Vars.NONE)).isEqualTo(List.of(1L, 2L));
    m.transform(Path.key("a").term((Long v) -> v + 10), Vars.NONE);
    m.commit();
    int steps = 0;
    while (m.migrationStep(1) && steps < 100) {
      steps++;
    }
    assertThat(m.migrationStep(1)).isFalse();
    assertThat(m.select(Path.mapVals(), Vars.NONE)).isEqualTo(List.of(11L, 2L));
  }

  @Test
  void subindexedSetInFixedKeysRecord_readSortedAndRangeable() {
    PStateStore s =
        open(
            new PStateDeclaration(
                "$$profiles",
                PState.mapSchema(
                    String.class,
                    PState.fixedKeysSchema(
                        "name",
                        String.class,
                        "followers",
                        PState.setSchema(String.class).subindexed()))));
    s.transform(Path.key("u").key("name").termVal("Ann"), Vars.NONE);
    for (String f : List.of("carl", "bob", "dora")) {
      s.transform(Path.key("u").key("followers").nullToSet().voidSetElem().termVal(f), Vars.NONE);
    }
    s.commit();
    Object followers = s.selectOne(Path.key("u").key("followers"), Vars.NONE);
    assertThat(followers).isInstanceOf(java.util.SortedSet.class);
    assertThat(new ArrayList<Object>((java.util.Set<?>) followers))
        .containsExactly("bob", "carl", "dora");
    assertThat(s.selectOne(Path.key("u").key("followers").sortedSetRangeFrom("c"), Vars.NONE))
        .isEqualTo(java.util.Set.of("carl", "dora"));
    assertThat(s.selectOne(Path.key("u").key("name"), Vars.NONE)).isEqualTo("Ann");
  }

  @Test
  void listSchema_nestedSubindexed_removeInMiddle_shiftsTail() {
    PStateStore s =
        open(
            new PStateDeclaration(
                "$$logs",
                PState.mapSchema(String.class, PState.listSchema(Long.class).subindexed())));
    s.transform(Path.key("u").termVal(List.of(0L, 1L, 2L, 3L)), Vars.NONE);
    s.transform(Path.key("u").nth(1).termVoid(), Vars.NONE);
    s.transform(Path.key("u").beforeElem().termVal(-1L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(List.of(-1L, 0L, 2L, 3L));
    assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(4);
  }
}
