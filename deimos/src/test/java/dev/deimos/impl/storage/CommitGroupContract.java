package dev.deimos.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.pstate.MigratableStore;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the runtime uses a factory's stores together, run against the memory and the disk factory by
 * a subclass: progress batches next to PState commits of several PStates (plain and keeping
 * previous values, as microbatches use them), migration, module destroy. Durability across a reopen
 * is in the disk subclass; the factory's own contract is {@link StorageFactoryContract}.
 */
public abstract class CommitGroupContract {
  protected static final PStateDeclaration COUNTS =
      new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class));
  protected static final PStateDeclaration TOTAL = total();

  private static PStateDeclaration total() {
    PStateDeclaration d = new PStateDeclaration("$$total", Long.class);
    d.global().initialValue(0L);
    return d;
  }

  /** The factory under test, made once per test; the subclass closes it. */
  protected abstract StorageFactory factory();

  /** Whether data outlives the factory. */
  protected abstract boolean expectDurable();

  private final List<AutoCloseable> opened = new ArrayList<>();

  protected <T extends AutoCloseable> T track(T c) {
    opened.add(c);
    return c;
  }

  @AfterEach
  void closeOpened() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }

  protected PStateStore pstate(String module, int task, PStateDeclaration d) {
    return track(factory().openPStateStore(module, task, d));
  }

  protected ProgressStore progress(String module, int task) {
    return track(factory().openProgressStore(module, task));
  }

  protected static void put(PStateStore s, String k, long v) {
    s.transform(Path.key(k).termVal(v), Vars.NONE);
  }

  protected static Object get(PStateStore s, String k) {
    return s.selectOne(Path.key(k), Vars.NONE);
  }

  @Test
  void durable_saysWhetherDataOutlivesTheFactory() {
    assertThat(factory().durable()).isEqualTo(expectDurable());
  }

  @Test
  void progress_nothingRecorded_returnsNone() {
    ProgressStore p = progress("m", 0);
    assertThat(p.streamOffset("t", "*d", 0)).isEqualTo(ProgressStore.NONE);
    assertThat(p.lastMicrobatch("mb")).isNull();
    assertThat(p.counter("ids")).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void progress_batchInvisibleUntilCommit_thenAllEntriesAtOnce() {
    ProgressStore p = progress("m", 0);
    ProgressStore.Batch b =
        p.begin()
            .streamOffset("t", "*d", 3, 17)
            .counter("ids", 5)
            .microbatch("mb", commit(4, new long[] {0, 2}, new long[] {2, 9}));
    assertThat(p.streamOffset("t", "*d", 3)).isEqualTo(ProgressStore.NONE);
    assertThat(p.counter("ids")).isEqualTo(ProgressStore.NONE);
    b.commit();
    assertThat(p.streamOffset("t", "*d", 3)).isEqualTo(17);
    assertThat(p.streamOffset("t", "*d", 2)).isEqualTo(ProgressStore.NONE);
    assertThat(p.streamOffset("t", "*other", 3)).isEqualTo(ProgressStore.NONE);
    assertThat(p.counter("ids")).isEqualTo(5);
    MicrobatchCommit mc = p.lastMicrobatch("mb");
    assertThat(mc.id()).isEqualTo(4);
    assertThat(mc.sources()).containsExactly("*d/0");
    assertThat(mc.starts("*d/0")).containsExactly(0, 2);
    assertThat(mc.ends("*d/0")).containsExactly(2, 9);
  }

  @Test
  void progress_laterBatch_replacesEntries() {
    ProgressStore p = progress("m", 1);
    p.begin()
        .streamOffset("t", "*d", 0, 5)
        .microbatch("mb", commit(0, new long[] {0}, new long[] {5}))
        .commit();
    p.begin()
        .streamOffset("t", "*d", 0, 9)
        .microbatch("mb", commit(1, new long[] {5}, new long[] {9}))
        .commit();
    assertThat(p.streamOffset("t", "*d", 0)).isEqualTo(9);
    assertThat(p.lastMicrobatch("mb").id()).isEqualTo(1);
    assertThat(p.lastMicrobatch("mb").ends("*d/0")).containsExactly(9);
  }

  @Test
  void progress_badEntries_refusedNamingThem() {
    ProgressStore.Batch b = progress("m", 0).begin();
    assertThatThrownBy(() -> b.streamOffset("t", "*d", 0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("*d");
    assertThatThrownBy(() -> b.counter("ids", -2)).hasMessageContaining("ids");
    assertThatThrownBy(() -> b.microbatch("mb", null)).hasMessageContaining("mb");
    b.commit();
    assertThatThrownBy(b::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void progress_tasksAndModulesAreSeparate() {
    ProgressStore a = progress("m", 0);
    ProgressStore b = progress("m", 1);
    ProgressStore c = progress("other", 0);
    a.begin().counter("c", 1).commit();
    b.begin().counter("c", 2).commit();
    c.begin().counter("c", 3).commit();
    assertThat(a.counter("c")).isEqualTo(1);
    assertThat(b.counter("c")).isEqualTo(2);
    assertThat(c.counter("c")).isEqualTo(3);
  }

  @Test
  void pstate_commitVisibleToReaders_stagedInvisible_abortDrops() {
    PStateStore s = pstate("m", 0, COUNTS);
    put(s, "a", 1);
    assertThat(get(s, "a")).isNull();
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(1L);
    s.commit();
    assertThat(get(s, "a")).isEqualTo(1L);
    put(s, "a", 2);
    s.abort();
    assertThat(get(s, "a")).isEqualTo(1L);
    assertThat(s.selectOneStaged(Path.key("a"), Vars.NONE)).isEqualTo(1L);
  }

  @Test
  void pstate_commitsOfSeveralPStates_withProgressCommit_allVisible() {
    PStateStore c = pstate("m", 0, COUNTS);
    PStateStore t = pstate("m", 0, TOTAL);
    ProgressStore p = progress("m", 0);
    put(c, "a", 1);
    c.commit();
    t.transform(Path.termVal(7L), Vars.NONE);
    t.commit();
    p.begin().streamOffset("s", "*d", 0, 1).commit();
    put(c, "b", 2);
    c.commit();
    assertThat(c.select(Path.all(), Vars.NONE)).containsExactly(List.of("a", 1L), List.of("b", 2L));
    assertThat(t.selectOne(Path.stay(), Vars.NONE)).isEqualTo(7L);
  }

  @Test
  void pstate_partitionsOfTasks_areSeparate() {
    PStateStore a = pstate("m", 0, COUNTS);
    PStateStore b = pstate("m", 1, COUNTS);
    put(a, "k", 1);
    a.commit();
    assertThat(get(b, "k")).isNull();
  }

  @Test
  void pstate_commitKeepingPrevious_selectBeforeSeesStateBeforeTheCommits() {
    PStateStore s = pstate("m", 0, COUNTS);
    ProgressStore p = progress("m", 0);
    put(s, "a", 1);
    put(s, "b", 1);
    Object r0 = s.commitKeepingPrevious();
    p.begin().microbatch("mb", commit(0, new long[] {0}, new long[] {2})).commit();
    put(s, "a", 2);
    s.transform(Path.key("b").termVoid(), Vars.NONE);
    put(s, "c", 3);
    Object r1 = s.commitKeepingPrevious();
    p.begin().microbatch("mb", commit(1, new long[] {2}, new long[] {4})).commit();
    assertThat(s.commitKeepingPrevious()).as("nothing staged").isNull();
    put(s, "a", 9);
    // staged (not committed) writes are invisible to the pinned reads
    assertThat(s.select(Path.all(), Vars.NONE)).containsExactly(List.of("a", 2L), List.of("c", 3L));
    assertThat(s.selectBefore(List.of(r1), Path.all(), Vars.NONE))
        .containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(s.selectBefore(List.of(r1, r0), Path.all(), Vars.NONE)).isEmpty();
    assertThat(s.selectBefore(List.of(r1), Path.key("b"), Vars.NONE)).containsExactly(1L);
    assertThat(s.selectBefore(List.of(r1, r0), Path.key("a"), Vars.NONE))
        .containsExactly((Object) null);
  }

  @Test
  void pstate_commitKeepingPrevious_ofSubindexedClear_keepsEveryOldElement() {
    PStateDeclaration d =
        new PStateDeclaration(
            "$$nested",
            PState.mapSchema(String.class, PState.mapSchema(Long.class, Long.class).subindexed()));
    PStateStore s = pstate("m", 0, d);
    for (long i = 0; i < 20; i++) {
      s.transform(Path.key("u", i).termVal(i * 10), Vars.NONE);
    }
    Object r0 = s.commitKeepingPrevious();
    s.transform(Path.key("u").termVal(Map.of(100L, 1L)), Vars.NONE);
    Object r1 = s.commitKeepingPrevious();
    assertThat(s.select(Path.key("u").mapKeys(), Vars.NONE)).containsExactly(100L);
    List<Object> before = s.selectBefore(List.of(r1), Path.key("u").mapKeys(), Vars.NONE);
    assertThat(before).hasSize(20).startsWith(0L, 1L, 2L);
    assertThat(s.selectBefore(List.of(r1), Path.key("u", 7L), Vars.NONE)).containsExactly(70L);
    assertThat(s.selectBefore(List.of(r1, r0), Path.key("u"), Vars.NONE))
        .containsExactly((Object) null);
  }

  @Test
  void pstate_migrateTo_keepsCommittedData() {
    PStateStore s = pstate("m", 0, COUNTS);
    put(s, "a", 4);
    s.commit();
    progress("m", 0).begin().counter("x", 1).commit();
    PStateDeclaration wider =
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, Number.class));
    MigratableStore m = MigratableStore.of(s);
    assertThat(m).isNotNull();
    PStateStore next = track(m.migrateTo(wider));
    s.close();
    assertThat(get(next, "a")).isEqualTo(4L);
    put(next, "b", 5);
    next.commit();
    assertThat(get(next, "b")).isEqualTo(5L);
  }

  @Test
  void depotLog_appendsAndReadsBack() throws Exception {
    DepotLog log = track(factory().openDepotLog("m", "*depot", 2));
    assertThat(log.append(1, new byte[] {1, 2}).get()).isEqualTo(0L);
    assertThat(log.append(1, new byte[] {3}).get()).isEqualTo(1L);
    assertThat(log.read(1, 1).get()).containsExactly(3);
    assertThat(log.endOffset(0).get()).isEqualTo(0L);
  }

  @Test
  void destroyModule_dropsItsData_keepsOtherModules() {
    PStateStore a = factory().openPStateStore("m", 0, COUNTS);
    put(a, "k", 1);
    a.commit();
    ProgressStore pa = factory().openProgressStore("m", 0);
    pa.begin().counter("c", 1).commit();
    ProgressStore keep = progress("keep", 0);
    keep.begin().counter("c", 2).commit();
    a.close();
    pa.close();
    factory().destroyModule("m");
    assertThat(get(pstate("m", 0, COUNTS), "k")).isNull();
    assertThat(progress("m", 0).counter("c")).isEqualTo(ProgressStore.NONE);
    assertThat(keep.counter("c")).isEqualTo(2);
  }

  protected static MicrobatchCommit commit(long id, long[] starts, long[] ends) {
    return new MicrobatchCommit(id, Map.of("*d/0", starts), Map.of("*d/0", ends));
  }
}
