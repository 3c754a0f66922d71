package dev.deimos.impl.pstate.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.ops.Ops;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The memory store's writes that skip the path engine: a session's sole top-level write (kept with
 * its committed cell), and {@code key(...)[.nullToVal(v)].term(...)} updates, which must give the
 * engine's results.
 */
class MemoryStoreFastPathTest {
  private static MemoryPStateStore counts() {
    return new MemoryPStateStore(
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class)));
  }

  private static final Path COUNT = Path.key("*w").nullToVal(0L).term(dev.deimos.ops.Ops.INC_LONG);

  private static Vars word(String w) {
    return name -> w;
  }

  @Test
  void soleTopLevelWrite_readByItsSession_droppedOnAbort_mergedWithLaterWrites() {
    MemoryPStateStore s = counts();
    s.transform(COUNT, word("a"));
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isNull();
    s.abort();
    assertThat(s.hasStagedWrites()).isFalse();
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isNull();
    // a new key, then the same key again and another one in the same session
    s.transform(COUNT, word("a"));
    s.transform(COUNT, word("a"));
    s.transform(COUNT, word("b"));
    s.commit();
    assertThat(s.select(Path.mapVals(), Vars.NONE)).containsExactly(2L, 1L);
    // an existing key alone (set through its committed cell), then a removal alone
    s.transform(COUNT, word("b"));
    s.commit();
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(2L);
    s.transform(Path.key("a").termVoid(), Vars.NONE);
    s.commit();
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).containsExactly("b");
    assertThat(s.selectOne(Path.view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(1);
    // a failing write stages nothing, even as the session's first write
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.transform(Path.key("c").termVal("not a long"), Vars.NONE))
        .hasMessageContaining("$$counts");
    assertThat(s.hasStagedWrites()).isFalse();
    s.commit();
    assertThat(s.selectOne(Path.key("c"), Vars.NONE)).isNull();
  }

  @Test
  void soleWrite_snapshotBetweenTransformAndCommit_keepsTheCommittedValue() {
    MemoryPStateStore s = counts();
    s.transform(COUNT, word("a"));
    s.commit();
    s.transform(COUNT, word("a"));
    Object snap = s.snapshot();
    s.commit();
    assertThat(s.selectAt(snap, Path.key("a"), Vars.NONE)).containsExactly(1L);
    assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(2L);
  }

  @Test
  void concurrentReader_soleWriteCommits_neverSeesAbortedOrGoingBackwards() throws Exception {
    MemoryPStateStore s = counts();
    s.transform(COUNT, word("x"));
    s.commit();
    AtomicBoolean done = new AtomicBoolean();
    List<String> problems = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              long last = 0;
              while (!done.get()) {
                Long v = (Long) s.selectOne(Path.key("x"), Vars.NONE);
                if (v < last) {
                  problems.add(v + " after " + last);
                }
                last = v;
              }
            });
    reader.start();
    for (int i = 0; i < 20_000; i++) {
      if (i % 2 == 0) {
        s.transform(COUNT, word("x"));
        s.commit();
      } else {
        s.transform(Path.key("x").termVal(-1L), Vars.NONE);
        s.abort();
      }
    }
    done.set(true);
    reader.join(60_000);
    assertThat(problems).isEmpty();
    assertThat(s.selectOne(Path.key("x"), Vars.NONE)).isEqualTo(10_001L);
  }

  @Test
  void nullToValUpdates_topLevelAndNested_matchThePathEngine() {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration(
                "$$nested",
                PState.mapSchema(
                    String.class, PState.mapSchema(String.class, Long.class).subindexed())));
    Map<Object, Object> plain = new TreeMap<>();
    List<Path> writes =
        List.of(
            Path.key("*w", "n").nullToVal(10L).term(Ops.INC_LONG),
            Path.key("*w", "n").nullToVal("*start").term(Ops.INC_LONG),
            Path.key("*w").nullToVal(new HashMap<>()).term(m -> m),
            Path.key("*w", "m").nullToVal(5L).termVal(7L),
            Path.key("*w", "n").nullToVal(1L).termVoid());
    String[] words = {"a", "b", "a", "c", "a", "b"};
    for (Path p : writes) {
      for (String w : words) {
        Vars vars = name -> name.equals("*w") ? w : 100L;
        s.transform(p, vars);
        s.commit();
        @SuppressWarnings("unchecked")
        Map<Object, Object> next = (Map<Object, Object>) Paths.transform(p, plain, vars);
        plain = next;
        assertThat(s.selectOne(Path.stay(), Vars.NONE)).as(p + " on " + w).isEqualTo(plain);
      }
    }
  }

  @Test
  void nullToValUpdate_wrongValueClass_namesPStateAndWritesNothing() {
    MemoryPStateStore s = counts();
    assertThatThrownBy(() -> s.transform(Path.key("a").nullToVal("zero").term(v -> v), Vars.NONE))
        .hasMessageContaining("$$counts")
        .hasMessageContaining("String");
    assertThatThrownBy(() -> s.transform(Path.key(7L).nullToVal(0L).term(Ops.INC_LONG), Vars.NONE))
        .hasMessageContaining("$$counts");
    assertThat(s.hasStagedWrites()).isFalse();
    s.commit();
    assertThat(s.selectOne(Path.view(Ops.SIZE), Vars.NONE)).isEqualTo(0);
  }

  /**
   * One static increment path, reused across commits (the store remembers where it last wrote in
   * place), interleaved with everything that must make it look again: the user's map replaced or
   * removed, a snapshot, a restore, a staged write before it in the same session.
   */
  @Test
  void repeatedInPlaceIncrement_followsReplacedMapsSnapshotsAndRestores() {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration(
                "$$nested",
                PState.mapSchema(
                    String.class, PState.mapSchema(String.class, Long.class).subindexed())));
    Path inc = Path.key("u", "a").term(Ops.INC_LONG);
    s.transform(Path.key("u").termVal(Map.of("a", 0L, "b", 0L)), Vars.NONE);
    s.commit();
    for (int i = 0; i < 3; i++) {
      s.transform(inc, Vars.NONE);
      s.commit();
    }
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(3L);
    // the user's map replaced whole: the increment goes into the new map
    s.transform(Path.key("u").termVal(Map.of("a", 100L)), Vars.NONE);
    s.commit();
    s.transform(inc, Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(Map.of("a", 101L));
    // a snapshot keeps its value while later increments land
    Object snap = s.snapshot();
    s.transform(inc, Vars.NONE);
    s.commit();
    s.transform(inc, Vars.NONE);
    s.commit();
    assertThat(s.selectAt(snap, Path.key("u", "a"), Vars.NONE)).containsExactly(101L);
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(103L);
    // restore, then increment: the restored state is the base, the snapshot is untouched
    s.restore(snap);
    s.transform(inc, Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u", "a"), Vars.NONE)).isEqualTo(102L);
    assertThat(s.selectAt(snap, Path.key("u", "a"), Vars.NONE)).containsExactly(101L);
    // another write staged first in the same session, then aborted: nothing of either lands
    s.transform(Path.key("u", "b").termVal(5L), Vars.NONE);
    s.transform(inc, Vars.NONE);
    assertThat(s.selectOneStaged(Path.key("u"), Vars.NONE)).isEqualTo(Map.of("a", 103L, "b", 5L));
    s.abort();
    s.transform(inc, Vars.NONE);
    s.abort();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(Map.of("a", 102L));
    // the user removed, then the increment on the absent key as the engine does it
    s.transform(Path.key("u").termVoid(), Vars.NONE);
    s.commit();
    assertThatThrownBy(() -> s.transform(inc, Vars.NONE)).isInstanceOf(RuntimeException.class);
    s.abort();
    s.transform(Path.key("u", "a").termVal(1L), Vars.NONE);
    s.commit();
    s.transform(inc, Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isEqualTo(Map.of("a", 2L));
  }

  @Test
  void snapshotsWithNothingCommittedBetween_shareOneCopy_laterCommitsChangeNeither() {
    MemoryPStateStore s = counts();
    s.transform(COUNT, word("a"));
    s.commit();
    Object first = s.snapshot();
    // an aborted session and an empty commit change nothing: the same snapshot serves again
    s.transform(COUNT, word("a"));
    s.abort();
    s.commit();
    Object second = s.snapshot();
    assertThat(second).isSameAs(first);
    s.transform(COUNT, word("a"));
    s.commit();
    Object third = s.snapshot();
    assertThat(third).isNotSameAs(first);
    s.transform(COUNT, word("b"));
    s.commit();
    assertThat(s.selectAt(first, Path.mapKeys(), Vars.NONE)).containsExactly("a");
    assertThat(s.selectAt(first, Path.key("a"), Vars.NONE)).containsExactly(1L);
    assertThat(s.selectAt(third, Path.key("a"), Vars.NONE)).containsExactly(2L);
    // a restore counts as a change
    s.restore(first);
    Object fourth = s.snapshot();
    assertThat(fourth).isNotSameAs(third);
    assertThat(s.selectAt(fourth, Path.key("a"), Vars.NONE)).containsExactly(1L);
  }

  @Test
  void writersOnSeveralThreads_areSerialized_noIncrementLost() throws Exception {
    MemoryPStateStore s = counts();
    Path nested = Path.key("x").nullToVal(0L).term(Ops.INC_LONG);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 20_000; i++) {
                    s.transform(nested, Vars.NONE);
                    s.commit();
                    if (i % 1000 == 0) {
                      s.snapshot();
                    }
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join(60_000);
    }
    assertThat(errors).isEmpty();
    s.commit();
    assertThat(s.selectOne(Path.key("x"), Vars.NONE)).isEqualTo(60_000L);
  }

  @Test
  void termFunctionWritingToItsOwnStore_failsNamingThePState_insteadOfHanging() {
    MemoryPStateStore s = counts();
    Path inner = Path.key("b").termVal(1L);
    assertThatThrownBy(
            () ->
                s.transform(
                    Path.key("a")
                        .term(
                            v -> {
                              s.transform(inner, Vars.NONE);
                              return 1L;
                            }),
                    Vars.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$$counts");
    // the store is usable afterwards, with nothing staged
    assertThat(s.hasStagedWrites()).isFalse();
    s.transform(inner, Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("b"), Vars.NONE)).isEqualTo(1L);
  }
}
