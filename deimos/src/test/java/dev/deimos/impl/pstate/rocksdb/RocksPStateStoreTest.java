package dev.deimos.impl.pstate.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.schema.SchemaViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksPStateStoreTest {
  @TempDir java.nio.file.Path dir;
  private final List<RocksPStateStore> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(RocksPStateStore::close);
  }

  private RocksPStateStore open(PStateDeclaration d) {
    RocksPStateStore s = new RocksPStateStore(d, dir);
    opened.add(s);
    return s;
  }

  private RocksPStateStore counts() {
    return open(new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class)));
  }

  private RocksPStateStore follows() {
    return open(
        new PStateDeclaration(
            "$$follows", PState.mapSchema(String.class, PState.listSchema(String.class))));
  }

  @Test
  void transform_thenCommit_valueVisible() {
    RocksPStateStore s = counts();
    s.transform(Path.key("alice").termVal(3L), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(3L);
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("alice");
  }

  @Test
  void stagedWrite_beforeCommit_invisibleToReaders() {
    RocksPStateStore s = counts();
    s.transform(Path.key("alice").termVal(3L), Vars.NONE);
    assertThat(s.hasStagedWrites()).isTrue();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isNull();
    s.commit();
    assertThat(s.hasStagedWrites()).isFalse();
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(3L);
  }

  @Test
  void severalStagedWrites_commit_allVisibleTogether() {
    RocksPStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    s.transform(Path.key("a").termVal(10L), Vars.NONE);
    assertThat(s.select(Path.mapVals(), Vars.NONE)).isEmpty();
    s.commit();
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(10L, 2L);
  }

  @Test
  void abort_afterStagedWrites_committedDataUnchanged() {
    RocksPStateStore s = counts();
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
  void removingKey_thenCommit_rowDeleted() {
    RocksPStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    s.commit();
    s.transform(Path.key("a").termVoid(), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(Map.of("b", 2L));
  }

  @Test
  void violatingWrite_throwsNamingPStateAndLocation_dataUnchanged() {
    RocksPStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    s.transform(Path.key("b").termVal(2L), Vars.NONE);
    assertThatThrownBy(() -> s.transform(Path.key("a").termVal(3), Vars.NONE))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("$$counts")
        .hasMessageContaining("\"a\"")
        .hasMessageContaining("Integer");
    s.commit();
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(2L);
  }

  @Test
  void mutatingSelectedResult_doesNotLeakIntoStore() {
    RocksPStateStore s = follows();
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
    RocksPStateStore s = follows();
    List<String> mine = new ArrayList<>(List.of("bob"));
    s.transform(Path.key("alice").termVal(mine), Vars.NONE);
    mine.add("mallory");
    s.commit();
    mine.add("eve");
    assertThat(s.selectOne(Path.key("alice"), Vars.NONE)).isEqualTo(List.of("bob"));
  }

  @Test
  void reopen_findsCommittedData_notAbortedOrUncommitted() {
    PStateDeclaration d =
        new PStateDeclaration(
            "$$follows", PState.mapSchema(String.class, PState.listSchema(String.class)));
    RocksPStateStore s = open(d);
    s.transform(Path.key("alice").termVal(List.of("bob", "carol")), Vars.NONE);
    s.commit();
    s.transform(Path.key("aborted").termVal(List.of("x")), Vars.NONE);
    s.abort();
    s.transform(Path.key("pending").termVal(List.of("y")), Vars.NONE);
    s.close();
    RocksPStateStore again = open(d);
    assertThat(again.hasStagedWrites()).isFalse();
    assertThat(again.selectOne(Path.stay(), Vars.NONE))
        .isEqualTo(Map.of("alice", List.of("bob", "carol")));
  }

  @Test
  void longKeys_includingNegatives_iterateInNumericOrder_afterReopen() {
    PStateDeclaration d =
        new PStateDeclaration("$$byId", PState.mapSchema(Long.class, String.class));
    RocksPStateStore s = open(d);
    for (long k : new long[] {5L, -1L, 0L, Long.MIN_VALUE, 300L, -300L, Long.MAX_VALUE}) {
      s.transform(Path.key(k).termVal("v" + k), Vars.NONE);
    }
    s.commit();
    List<Object> expected = List.of(Long.MIN_VALUE, -300L, -1L, 0L, 5L, 300L, Long.MAX_VALUE);
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).isEqualTo(expected);
    s.close();
    RocksPStateStore again = open(d);
    assertThat(again.select(Path.mapKeys(), Vars.NONE)).isEqualTo(expected);
    assertThat(again.selectOne(Path.key(-300L), Vars.NONE)).isEqualTo("v-300");
  }

  @Test
  void nonMapSchema_rejectedNamingPState() {
    assertThatThrownBy(() -> open(new PStateDeclaration("$$total", Long.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$total");
  }

  @Test
  void closedStore_read_throwsNamingPState() {
    RocksPStateStore s = counts();
    s.close();
    assertThatThrownBy(() -> s.select(Path.mapKeys(), Vars.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$$counts");
  }

  @Test
  void concurrentReader_duringCommits_neverSeesHalfACommit() throws Exception {
    RocksPStateStore s = counts();
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
                Map<?, ?> m = (Map<?, ?>) s.selectOne(Path.stay(), Vars.NONE);
                if (!m.get("a").equals(m.get("b"))) {
                  problems.add(m.toString());
                }
              }
            });
    reader.start();
    for (long i = 1; i <= 200; i++) {
      s.transform(Path.key("a").termVal(i), Vars.NONE);
      s.transform(Path.key("b").termVal(i), Vars.NONE);
      s.commit();
    }
    done.set(true);
    reader.join();
    assertThat(problems).isEmpty();
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(200L);
  }

  @Test
  void close_whileReaderRunning_readerGetsClosedError() throws Exception {
    RocksPStateStore s = counts();
    s.transform(Path.key("a").termVal(1L), Vars.NONE);
    s.commit();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try {
                while (true) {
                  s.selectOne(Path.key("a"), Vars.NONE);
                  started.countDown();
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    started.await();
    s.close();
    reader.join(10_000);
    assertThat(failure.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$$counts");
  }
}
