package dev.deimos.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StorageFactory} shares: what it opens is empty at first, stores of
 * different modules, depots, tasks and PStates never see each other's data, and {@link
 * StorageFactory#destroyModule} drops a module's data. For a durable factory ({@link #restart}
 * returns non-null) a closed module's committed data comes back after a restart.
 *
 * <p>The stores themselves have their own contracts ({@code DepotLogContractTest}, {@code
 * PStateStoreContract}, {@link ProgressStoreContract}); a factory's test can run those over the
 * stores it opens as well.
 *
 * <p>As the runtime does, the cases close every store of a module before calling {@link
 * StorageFactory#closeModule} or {@link StorageFactory#destroyModule}.
 */
public abstract class StorageFactoryContract {
  /** Stores still open, closed after the test (closing twice is allowed by every store). */
  private final List<AutoCloseable> opened = new ArrayList<>();

  private final List<StorageFactory> factories = new ArrayList<>();

  /**
   * Creates a factory over empty storage.
   *
   * @return the factory
   */
  protected abstract StorageFactory create() throws Exception;

  /**
   * A new factory over the storage of {@code factory}, as after a process restart; {@code factory}
   * had every module closed first. A factory that keeps nothing returns null (the default), and the
   * durability cases are skipped.
   *
   * @param factory a factory from {@link #create} or an earlier restart
   * @return the restarted factory, or null
   */
  protected StorageFactory restart(StorageFactory factory) throws Exception {
    return null;
  }

  /** Releases a factory at the end of a test (a disk factory may close files); default none. */
  protected void release(StorageFactory factory) throws Exception {}

  protected final StorageFactory newFactory() throws Exception {
    StorageFactory f = create();
    factories.add(f);
    return f;
  }

  private StorageFactory restarted(StorageFactory f) throws Exception {
    StorageFactory again = restart(f);
    assumeThat(again).as("factory is not durable").isNotNull();
    factories.add(again);
    return again;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
    for (StorageFactory f : factories) {
      release(f);
    }
  }

  private <T extends AutoCloseable> T track(T c) {
    opened.add(c);
    return c;
  }

  protected final DepotLog depot(StorageFactory f, String module, String var, int partitions) {
    return track(f.openDepotLog(module, var, partitions));
  }

  protected final PStateStore pstate(StorageFactory f, String module, int task, String name) {
    return track(
        f.openPStateStore(
            module, task, new PStateDeclaration(name, PState.mapSchema(String.class, Long.class))));
  }

  protected final ProgressStore progress(StorageFactory f, String module, int task) {
    return track(f.openProgressStore(module, task));
  }

  private void closeOpened() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
    opened.clear();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void put(PStateStore s, String key, long value) {
    s.transform(Path.key(key).termVal(value), Vars.NONE);
    s.commit();
  }

  static Object get(PStateStore s, String key) {
    return s.selectOne(Path.key(key), Vars.NONE);
  }

  @Test
  void openDepotLog_isEmpty_withTheRequestedPartitions() throws Exception {
    StorageFactory f = newFactory();
    DepotLog one = depot(f, "m", "*global", 1);
    DepotLog four = depot(f, "m", "*depot", 4);
    assertThat(one.numPartitions()).isEqualTo(1);
    assertThat(four.numPartitions()).isEqualTo(4);
    for (int p = 0; p < 4; p++) {
      assertThat(four.endOffset(p).join()).isZero();
    }
    assertThat(four.append(3, bytes("x")).join()).isZero();
    assertThat(four.read(3, 0).join()).isEqualTo(bytes("x"));
  }

  @Test
  void openPStateStore_isEmpty_andNamedByItsDeclaration() throws Exception {
    StorageFactory f = newFactory();
    PStateStore s = pstate(f, "m", 0, "$$counts");
    assertThat(s.name()).isEqualTo("$$counts");
    assertThat(s.select(Path.mapKeys(), Vars.NONE)).isEmpty();
    put(s, "a", 1L);
    assertThat(get(s, "a")).isEqualTo(1L);
  }

  @Test
  void openProgressStore_recordsNothing() throws Exception {
    StorageFactory f = newFactory();
    ProgressStore s = progress(f, "m", 0);
    assertThat(s.streamOffset("t", "*depot", 0)).isEqualTo(ProgressStore.NONE);
    assertThat(s.lastMicrobatch("t")).isNull();
    assertThat(s.counter("c")).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void depotLogs_ofOtherDepotsAndModules_areIndependent() throws Exception {
    StorageFactory f = newFactory();
    DepotLog a = depot(f, "m1", "*a", 2);
    DepotLog b = depot(f, "m1", "*b", 2);
    DepotLog other = depot(f, "m2", "*a", 2);
    a.append(0, bytes("a0")).join();
    a.append(0, bytes("a1")).join();
    b.append(1, bytes("b0")).join();
    assertThat(a.endOffset(0).join()).isEqualTo(2);
    assertThat(a.endOffset(1).join()).isZero();
    assertThat(b.endOffset(0).join()).isZero();
    assertThat(b.endOffset(1).join()).isEqualTo(1);
    assertThat(other.endOffset(0).join()).isZero();
    assertThat(other.endOffset(1).join()).isZero();
  }

  @Test
  void pstateStores_ofOtherTasksPStatesAndModules_areIndependent() throws Exception {
    StorageFactory f = newFactory();
    PStateStore t0 = pstate(f, "m1", 0, "$$p");
    PStateStore t1 = pstate(f, "m1", 1, "$$p");
    PStateStore q0 = pstate(f, "m1", 0, "$$q");
    PStateStore other = pstate(f, "m2", 0, "$$p");
    put(t0, "k", 1L);
    put(t1, "k", 2L);
    put(q0, "k", 3L);
    assertThat(get(t0, "k")).isEqualTo(1L);
    assertThat(get(t1, "k")).isEqualTo(2L);
    assertThat(get(q0, "k")).isEqualTo(3L);
    assertThat(get(other, "k")).isNull();
  }

  @Test
  void progressStores_ofOtherTasksAndModules_areIndependent() throws Exception {
    StorageFactory f = newFactory();
    ProgressStore t0 = progress(f, "m1", 0);
    ProgressStore t1 = progress(f, "m1", 1);
    ProgressStore other = progress(f, "m2", 0);
    t0.begin().streamOffset("t", "*d", 0, 5).counter("c", 1).commit();
    t1.begin().streamOffset("t", "*d", 0, 6).commit();
    assertThat(t0.streamOffset("t", "*d", 0)).isEqualTo(5);
    assertThat(t1.streamOffset("t", "*d", 0)).isEqualTo(6);
    assertThat(t1.counter("c")).isEqualTo(ProgressStore.NONE);
    assertThat(other.streamOffset("t", "*d", 0)).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void closeAndDestroy_ofModulesNeverOpened_doNothing() throws Exception {
    StorageFactory f = newFactory();
    f.closeModule("never");
    f.destroyModule("never");
    DepotLog d = depot(f, "never", "*d", 1);
    assertThat(d.endOffset(0).join()).isZero();
  }

  @Test
  void destroyModule_dropsItsData_keepsOtherModules() throws Exception {
    StorageFactory f = newFactory();
    DepotLog gone = depot(f, "gone", "*d", 1);
    gone.append(0, bytes("x")).join();
    PStateStore goneP = pstate(f, "gone", 0, "$$p");
    put(goneP, "k", 1L);
    ProgressStore goneProgress = progress(f, "gone", 0);
    goneProgress.begin().counter("c", 1).commit();
    DepotLog kept = depot(f, "kept", "*d", 1);
    kept.append(0, bytes("y")).join();
    PStateStore keptP = pstate(f, "kept", 0, "$$p");
    put(keptP, "k", 2L);

    gone.close();
    goneP.close();
    goneProgress.close();
    f.destroyModule("gone");

    assertThat(depot(f, "gone", "*d", 1).endOffset(0).join()).isZero();
    assertThat(get(pstate(f, "gone", 0, "$$p"), "k")).isNull();
    assertThat(progress(f, "gone", 0).counter("c")).isEqualTo(ProgressStore.NONE);
    assertThat(kept.read(0, 0).join()).isEqualTo(bytes("y"));
    assertThat(get(keptP, "k")).isEqualTo(2L);
  }

  @Test
  void concurrentOpens_forDifferentModules_eachGetTheirOwnStores() throws Exception {
    StorageFactory f = newFactory();
    int modules = 4;
    List<CompletableFuture<Void>> all = new ArrayList<>();
    List<AutoCloseable> mine = new ArrayList<>();
    for (int m = 0; m < modules; m++) {
      String name = "m" + m;
      long value = m;
      all.add(
          CompletableFuture.runAsync(
              () -> {
                DepotLog d = f.openDepotLog(name, "*d", 2);
                PStateStore p =
                    f.openPStateStore(
                        name,
                        0,
                        new PStateDeclaration("$$p", PState.mapSchema(String.class, Long.class)));
                ProgressStore g = f.openProgressStore(name, 0);
                synchronized (mine) {
                  mine.add(d);
                  mine.add(p);
                  mine.add(g);
                }
                for (long i = 0; i <= value; i++) {
                  d.append(1, bytes(name)).join();
                }
                put(p, "k", value);
                g.begin().counter("c", value).commit();
                assertThat(d.endOffset(1).join()).isEqualTo(value + 1);
                assertThat(get(p, "k")).isEqualTo(value);
                assertThat(g.counter("c")).isEqualTo(value);
              }));
    }
    try {
      CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    } finally {
      opened.addAll(mine);
    }
  }

  @Test
  void restart_afterCloseModule_findsCommittedData() throws Exception {
    StorageFactory f = newFactory();
    DepotLog d = depot(f, "m", "*d", 2);
    d.append(1, bytes("r0")).join();
    d.append(1, bytes("r1")).join();
    PStateStore p = pstate(f, "m", 3, "$$p");
    put(p, "k", 7L);
    ProgressStore g = progress(f, "m", 3);
    // the progress commit is where the PState commits before it become durable
    g.begin().streamOffset("t", "*d", 1, 2).counter("c", 9).commit();
    closeOpened();
    f.closeModule("m");

    StorageFactory again = restarted(f);
    DepotLog d2 = depot(again, "m", "*d", 2);
    assertThat(d2.endOffset(1).join()).isEqualTo(2);
    assertThat(d2.read(1, 1).join()).isEqualTo(bytes("r1"));
    assertThat(get(pstate(again, "m", 3, "$$p"), "k")).isEqualTo(7L);
    ProgressStore g2 = progress(again, "m", 3);
    assertThat(g2.streamOffset("t", "*d", 1)).isEqualTo(2);
    assertThat(g2.counter("c")).isEqualTo(9);
    assertThat(progress(again, "m", 2).counter("c")).isEqualTo(ProgressStore.NONE);
  }

  @Test
  void restart_afterDestroyModule_findsNothing() throws Exception {
    StorageFactory f = newFactory();
    depot(f, "m", "*d", 1).append(0, bytes("x")).join();
    put(pstate(f, "m", 0, "$$p"), "k", 1L);
    progress(f, "m", 0).begin().counter("c", 1).commit();
    closeOpened();
    f.destroyModule("m");

    StorageFactory again = restarted(f);
    assertThat(depot(again, "m", "*d", 1).endOffset(0).join()).isZero();
    assertThat(get(pstate(again, "m", 0, "$$p"), "k")).isNull();
    assertThat(progress(again, "m", 0).counter("c")).isEqualTo(ProgressStore.NONE);
  }
}
