package dev.deimos.impl.pstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.schema.SchemaViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PStateStore} must share, run once per store by a subclass that says
 * how to open one. Store-specific behaviour (durability, initial values) stays in the subclass.
 */
public abstract class PStateStoreContract {
  /** Opens an empty store for the declaration; the subclass closes it after the test. */
  protected abstract PStateStore open(PStateDeclaration d);

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
}
