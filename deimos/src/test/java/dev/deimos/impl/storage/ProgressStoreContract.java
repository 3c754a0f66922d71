package dev.deimos.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProgressStore} shares. A subclass says how to open a store and, for a
 * durable store, how to open it again over the same data; durability cases are skipped for stores
 * that keep nothing past {@link ProgressStore#close}.
 */
public abstract class ProgressStoreContract {
  private final List<ProgressStore> opened = new ArrayList<>();

  /**
   * Opens a new, empty store.
   *
   * @return the store; the contract closes it after the test
   */
  protected abstract ProgressStore create() throws Exception;

  /**
   * Closes {@code store} and opens it again over the same data, as a restart does. Stores that keep
   * nothing past close return null (the default), and the durability cases are skipped.
   *
   * @param store a store from {@link #create} or an earlier reopen, still open
   * @return the reopened store, or null
   */
  protected ProgressStore reopen(ProgressStore store) throws Exception {
    return null;
  }

  protected final ProgressStore newStore() throws Exception {
    ProgressStore s = create();
    opened.add(s);
    return s;
  }

  private ProgressStore reopened(ProgressStore s) throws Exception {
    ProgressStore again = reopen(s);
    assumeThat(again).as("store is not durable").isNotNull();
    opened.add(again);
    return again;
  }

  @AfterEach
  void closeStores() {
    for (ProgressStore s : opened) {
      s.close();
    }
  }

  static MicrobatchCommit commit(long id, String source, long[] starts, long[] ends) {
    Map<String, long[]> s = new LinkedHashMap<>();
    Map<String, long[]> e = new LinkedHashMap<>();
    s.put(source, starts);
    e.put(source, ends);
    return new MicrobatchCommit(id, s, e);
  }

  @Test
  void newStore_recordsNothing() throws Exception {
    ProgressStore s = newStore();
    assertThat(s.streamOffset("words", "*depot", 0)).isEqualTo(ProgressStore.NONE);
    assertThat(s.lastMicrobatch("counts")).isNull();
    assertThat(s.counter("ids")).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void batch_invisibleUntilCommit_thenAllEntriesVisible() throws Exception {
    ProgressStore s = newStore();
    ProgressStore.Batch b =
        s.begin()
            .streamOffset("words", "*depot", 0, 7)
            .streamOffset("words", "*depot", 1, 3)
            .microbatch("counts", commit(4, "*depot", new long[] {0, 1}, new long[] {5, 6}))
            .counter("ids", 42);
    assertThat(s.streamOffset("words", "*depot", 0)).isEqualTo(ProgressStore.NONE);
    assertThat(s.lastMicrobatch("counts")).isNull();
    assertThat(s.counter("ids")).isEqualTo(ProgressStore.NONE);
    b.commit();
    assertThat(s.streamOffset("words", "*depot", 0)).isEqualTo(7);
    assertThat(s.streamOffset("words", "*depot", 1)).isEqualTo(3);
    assertThat(s.counter("ids")).isEqualTo(42);
    MicrobatchCommit c = s.lastMicrobatch("counts");
    assertThat(c.id()).isEqualTo(4);
    assertThat(c.sources()).containsExactly("*depot");
    assertThat(c.starts("*depot")).containsExactly(0, 1);
    assertThat(c.ends("*depot")).containsExactly(5, 6);
  }

  @Test
  void laterCommit_replacesEarlierValues_keepsUntouchedOnes() throws Exception {
    ProgressStore s = newStore();
    s.begin().streamOffset("t", "*d", 0, 1).streamOffset("t", "*d", 1, 1).counter("c", 1).commit();
    s.begin().streamOffset("t", "*d", 0, 9).counter("c", 2).commit();
    s.begin().microbatch("mb", commit(0, "*d", new long[] {0}, new long[] {2})).commit();
    s.begin().microbatch("mb", commit(1, "*d", new long[] {2}, new long[] {4})).commit();
    assertThat(s.streamOffset("t", "*d", 0)).isEqualTo(9);
    assertThat(s.streamOffset("t", "*d", 1)).isEqualTo(1);
    assertThat(s.counter("c")).isEqualTo(2);
    assertThat(s.lastMicrobatch("mb").id()).isEqualTo(1);
    assertThat(s.lastMicrobatch("mb").starts("*d")).containsExactly(2);
  }

  @Test
  void keys_topologyDepotAndPartition_neverCollide() throws Exception {
    ProgressStore s = newStore();
    // names that a store joining the parts with a separator character would confuse
    s.begin()
        .streamOffset("a", "b\u0000c", 0, 1)
        .streamOffset("a\u0000b", "c", 0, 2)
        .streamOffset("a", "b", 10, 3)
        .streamOffset("a", "b1", 0, 4)
        .streamOffset("b", "a", 0, 5)
        .commit();
    assertThat(s.streamOffset("a", "b\u0000c", 0)).isEqualTo(1);
    assertThat(s.streamOffset("a\u0000b", "c", 0)).isEqualTo(2);
    assertThat(s.streamOffset("a", "b", 10)).isEqualTo(3);
    assertThat(s.streamOffset("a", "b1", 0)).isEqualTo(4);
    assertThat(s.streamOffset("b", "a", 0)).isEqualTo(5);
    assertThat(s.streamOffset("a", "b", 1)).isEqualTo(ProgressStore.NONE);
    assertThat(s.streamOffset("a", "b", 0)).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void namespaces_offsetsMicrobatchesAndCounters_areSeparate() throws Exception {
    ProgressStore s = newStore();
    s.begin().counter("x", 5).commit();
    assertThat(s.lastMicrobatch("x")).isNull();
    assertThat(s.streamOffset("x", "x", 0)).isEqualTo(ProgressStore.NONE);
    s.begin().microbatch("y", commit(3, "*d", new long[] {0}, new long[] {1})).commit();
    assertThat(s.counter("y")).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void emptyBatch_commitChangesNothing() throws Exception {
    ProgressStore s = newStore();
    s.begin().counter("c", 3).commit();
    s.begin().commit();
    assertThat(s.counter("c")).isEqualTo(3);
  }

  @Test
  void commitTwice_throws_andSecondCommitAppliesNothing() throws Exception {
    ProgressStore s = newStore();
    ProgressStore.Batch b = s.begin().counter("c", 1);
    b.commit();
    s.begin().counter("c", 2).commit();
    assertThatThrownBy(b::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already committed");
    assertThat(s.counter("c")).isEqualTo(2);
  }

  @Test
  void badEntries_throwNamingWhatWasWrong_andCommittedDataUnchanged() throws Exception {
    ProgressStore s = newStore();
    s.begin().streamOffset("t", "*d", 0, 4).counter("c", 1).commit();
    assertThatThrownBy(() -> s.begin().streamOffset("t", "*d", -1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t")
        .hasMessageContaining("*d")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> s.begin().streamOffset("t", "*d", 0, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
    assertThatThrownBy(() -> s.begin().counter("c", -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c")
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> s.begin().microbatch("mb", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mb");
    assertThat(s.streamOffset("t", "*d", 0)).isEqualTo(4);
    assertThat(s.counter("c")).isEqualTo(1);
  }

  @Test
  void uncommittedBatch_neverApplied() throws Exception {
    ProgressStore s = newStore();
    s.begin().counter("c", 1).commit();
    s.begin().counter("c", 99).streamOffset("t", "*d", 0, 99);
    assertThat(s.counter("c")).isEqualTo(1);
    assertThat(s.streamOffset("t", "*d", 0)).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void commitAfterClose_throws() throws Exception {
    ProgressStore s = create();
    ProgressStore.Batch b = s.begin().counter("c", 1);
    s.close();
    assertThatThrownBy(b::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void close_isIdempotent() throws Exception {
    ProgressStore s = create();
    s.begin().counter("c", 1).commit();
    s.close();
    s.close();
  }

  @Test
  void microbatchCommit_copiesItsArrays() throws Exception {
    ProgressStore s = newStore();
    long[] ends = {5};
    s.begin().microbatch("mb", commit(0, "*d", new long[] {0}, ends)).commit();
    ends[0] = 77;
    s.lastMicrobatch("mb").ends("*d")[0] = 88;
    assertThat(s.lastMicrobatch("mb").ends("*d")).containsExactly(5);
  }

  /**
   * A reader on another thread sees a batch whole or not at all. The writer puts partition 1 before
   * partition 0 in each batch, so a store applying entries one by one would let the reader see
   * partition 1 ahead of partition 0.
   */
  @Test
  void concurrentReader_neverSeesHalfABatch() throws Exception {
    ProgressStore s = newStore();
    int rounds = concurrentRounds();
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> broken = new AtomicReference<>();
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              while (!done.get() && broken.get() == null) {
                long p1 = s.streamOffset("t", "*d", 1);
                long p0 = s.streamOffset("t", "*d", 0);
                if (p0 < p1) {
                  broken.set("partition 0 at " + p0 + " behind partition 1 at " + p1);
                }
              }
            });
    try {
      for (long i = 0; i < rounds && broken.get() == null; i++) {
        s.begin().streamOffset("t", "*d", 1, i).streamOffset("t", "*d", 0, i).commit();
      }
    } finally {
      done.set(true);
    }
    reader.get(60, TimeUnit.SECONDS);
    assertThat(broken.get()).isNull();
    assertThat(s.streamOffset("t", "*d", 0)).isEqualTo(rounds - 1);
  }

  /** Batches the concurrent-reader case commits; durable stores sync each, so they use fewer. */
  protected int concurrentRounds() {
    return 20_000;
  }

  @Test
  void reopen_findsCommittedEntries_notUncommittedOnes() throws Exception {
    ProgressStore s = newStore();
    s.begin()
        .streamOffset("t", "*d", 3, 11)
        .microbatch("mb", commit(8, "*d", new long[] {1, 2}, new long[] {3, 4}))
        .counter("ids", 1000)
        .commit();
    s.begin().counter("ids", 2000).streamOffset("t", "*d", 3, 12);
    ProgressStore again = reopened(s);
    assertThat(again.streamOffset("t", "*d", 3)).isEqualTo(11);
    assertThat(again.counter("ids")).isEqualTo(1000);
    MicrobatchCommit c = again.lastMicrobatch("mb");
    assertThat(c.id()).isEqualTo(8);
    assertThat(c.starts("*d")).containsExactly(1, 2);
    assertThat(c.ends("*d")).containsExactly(3, 4);
  }

  @Test
  void reopen_thenNewCommits_buildOnReopenedState() throws Exception {
    ProgressStore s = newStore();
    s.begin().counter("a", 1).counter("b", 2).commit();
    ProgressStore again = reopened(s);
    again.begin().counter("b", 3).commit();
    ProgressStore third = reopened(again);
    assertThat(third.counter("a")).isEqualTo(1);
    assertThat(third.counter("b")).isEqualTo(3);
  }
}
