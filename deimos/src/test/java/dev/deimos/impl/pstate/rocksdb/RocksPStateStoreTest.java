package dev.deimos.impl.pstate.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.PStateStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shared store contract against RocksDB, plus durability and ordering cases. */
class RocksPStateStoreTest extends PStateStoreContract {
  @TempDir java.nio.file.Path dir;
  private final List<RocksPStateStore> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(RocksPStateStore::close);
  }

  @Override
  protected RocksPStateStore open(PStateDeclaration d) {
    RocksPStateStore s = new RocksPStateStore(d, dir);
    opened.add(s);
    return s;
  }

  @Override
  protected PStateStore reopenWith(PStateStore s, PStateDeclaration d) {
    s.close();
    return open(d);
  }

  /** Every commit is synced to disk, so fewer rounds keep the test short. */
  @Override
  protected int concurrentCommitRounds() {
    return 200;
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
  void close_whileReaderRunning_readerGetsClosedError() throws Exception {
    PStateStore s = counts();
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

  @Test
  void rangePage_over100kSubindexedMap_readsOnlyThePage() {
    RocksPStateStore s =
        open(
            new PStateDeclaration(
                "$$big",
                PState.mapSchema(
                    String.class, PState.mapSchema(Long.class, Long.class).subindexed())));
    java.util.TreeMap<Long, Long> all = new java.util.TreeMap<>();
    for (long i = 0; i < 100_000; i++) {
      all.put(i, i * 2);
    }
    s.transform(Path.key("u").termVal(all), Vars.NONE);
    s.commit();
    long before = s.rowReads();
    Object page = s.selectOne(Path.key("u").sortedMapRangeFrom(50_000L, 100), Vars.NONE);
    long used = s.rowReads() - before;
    @SuppressWarnings("unchecked")
    Map<Object, Object> p = (Map<Object, Object>) page;
    assertThat(p).hasSize(100).containsEntry(50_099L, 100_198L);
    // the user row and 101 cursor steps (one look-ahead); values come from the rows the cursor read
    assertThat(used).isLessThanOrEqualTo(105);
    before = s.rowReads();
    assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
        .isEqualTo(100_000);
    assertThat(s.selectOne(Path.key("u").key(77_777L), Vars.NONE)).isEqualTo(155_554L);
    assertThat(s.rowReads() - before).isLessThanOrEqualTo(4);
  }

  @Test
  void pointSelect_keyChain_readsOneRow() {
    RocksPStateStore s =
        open(
            new PStateDeclaration(
                "$$users",
                PState.mapSchema(
                    String.class,
                    PState.mapSchema(String.class, PState.mapSchema(String.class, Long.class))
                        .subindexed())));
    s.transform(Path.key("u", "profile").termVal(Map.of("age", 30L)), Vars.NONE);
    s.commit();
    long before = s.rowReads();
    // marker row of "u" skipped: the element row of "profile" answers alone
    assertThat(s.selectOne(Path.key("u", "profile"), Vars.NONE)).isEqualTo(Map.of("age", 30L));
    assertThat(s.rowReads() - before).isEqualTo(1);
    before = s.rowReads();
    // a key inside a value stored whole is read from that one row
    assertThat(s.selectOne(Path.key("u", "profile", "age"), Vars.NONE)).isEqualTo(30L);
    assertThat(s.rowReads() - before).isEqualTo(1);
    before = s.rowReads();
    assertThat(s.selectOne(Path.key("nobody", "profile", "age"), Vars.NONE)).isNull();
    assertThat(s.selectOne(Path.key("u", "other"), Vars.NONE)).isNull();
    assertThat(s.rowReads() - before).isEqualTo(2);
    // the top-level value itself still comes back whole
    assertThat(s.selectOne(Path.key("u"), Vars.NONE))
        .isEqualTo(Map.of("profile", Map.of("age", 30L)));
    s.transform(Path.key("u").termVoid(), Vars.NONE);
    s.commit();
    assertThat(s.selectOne(Path.key("u", "profile"), Vars.NONE)).isNull();
    assertThat(s.selectOne(Path.key("u"), Vars.NONE)).isNull();
  }

  @Test
  void reopen_keepsSubindexedDataAndSizes() {
    PStateDeclaration d =
        new PStateDeclaration(
            "$$hist",
            PState.mapSchema(
                String.class,
                PState.mapSchema(Long.class, PState.setSchema(String.class).subindexed())
                    .subindexed()));
    RocksPStateStore s = open(d);
    fillHistory(s, 30);
    s.transform(Path.key("u").key(4L).termVoid(), Vars.NONE);
    s.commit();
    s.close();
    RocksPStateStore again = open(d);
    assertThat(again.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
        .isEqualTo(29);
    assertThat(again.selectOne(Path.key("u").key(12L), Vars.NONE))
        .isEqualTo(java.util.Set.of("e12"));
    assertThat(again.selectOne(Path.key("u").key(4L), Vars.NONE)).isNull();
  }

  @Test
  void transform_keyStep_onSubindexedMap_readsOnlyTouchedRows() {
    RocksPStateStore s =
        open(
            new PStateDeclaration(
                "$$big",
                PState.mapSchema(
                    String.class, PState.mapSchema(Long.class, Long.class).subindexed())));
    java.util.TreeMap<Long, Long> all = new java.util.TreeMap<>();
    for (long i = 0; i < 10_000; i++) {
      all.put(i, i);
    }
    s.transform(Path.key("u").termVal(all), Vars.NONE);
    s.commit();
    long before = s.rowReads();
    s.transform(Path.key("u").key(5L).term((Long v) -> v + 1), Vars.NONE);
    s.commit();
    assertThat(s.rowReads() - before).isLessThanOrEqualTo(4);
    assertThat(s.selectOne(Path.key("u").key(5L), Vars.NONE)).isEqualTo(6L);
  }

  @Test
  void sortedReadResult_writtenIntoPlainValue_roundTrips() {
    RocksPStateStore hist = (RocksPStateStore) histories();
    fillHistory(hist, 3);
    Object read = hist.selectOne(Path.key("u"), Vars.NONE);
    RocksPStateStore plain =
        new RocksPStateStore(
            new PStateDeclaration("$$copy", PState.mapSchema(String.class, Object.class)),
            dir.resolve("copy"));
    opened.add(plain);
    plain.transform(Path.key("x").termVal(read), Vars.NONE);
    plain.commit();
    assertThat(plain.selectOne(Path.key("x"), Vars.NONE)).isEqualTo(read);
  }
}
