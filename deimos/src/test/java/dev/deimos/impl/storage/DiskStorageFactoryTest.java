package dev.deimos.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.rocksdb.RocksPStateStore;
import dev.deimos.impl.pstate.rocksdb.TaskDb;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit group cases on disk, plus what only a durable factory does: reopen, errors, layout.
 */
class DiskStorageFactoryTest extends CommitGroupContract {
  @TempDir java.nio.file.Path dir;
  private DiskStorageFactory factory;

  @Override
  protected StorageFactory factory() {
    if (factory == null) {
      factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    }
    return factory;
  }

  @Override
  protected boolean expectDurable() {
    return true;
  }

  @AfterEach
  void closeFactory() {
    if (factory != null) {
      factory.close();
    }
  }

  /** Closes everything (no flush of anything uncommitted) and opens the directory again. */
  private DiskStorageFactory reopen() throws Exception {
    closeOpened();
    factory().close();
    factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    return factory;
  }

  @Test
  void reopen_keepsProgressCommittedWrites_dropsTheRest() throws Exception {
    PStateStore c = pstate("m/x", 0, COUNTS);
    PStateStore t = pstate("m/x", 0, TOTAL);
    ProgressStore p = progress("m/x", 0);
    put(c, "a", 1);
    c.commit();
    t.transform(Path.termVal(5L), Vars.NONE);
    t.commit();
    p.begin().streamOffset("s", "*d", 0, 2).counter("ids", 3).commit();
    // committed in the store but no progress commit covers it: a crash loses it (replayed)
    put(c, "b", 2);
    c.commit();
    t.transform(Path.termVal(6L), Vars.NONE);
    t.commit();
    // staged, never committed
    put(c, "z", 9);
    assertThat(get(c, "b")).isEqualTo(2L);
    reopen();
    PStateStore c2 = pstate("m/x", 0, COUNTS);
    PStateStore t2 = pstate("m/x", 0, TOTAL);
    ProgressStore p2 = progress("m/x", 0);
    assertThat(c2.select(Path.all(), Vars.NONE)).containsExactly(List.of("a", 1L));
    assertThat(t2.selectOne(Path.stay(), Vars.NONE)).isEqualTo(5L);
    assertThat(p2.streamOffset("s", "*d", 0)).isEqualTo(2);
    assertThat(p2.counter("ids")).isEqualTo(3);
  }

  @Test
  void reopen_microbatchCommitAndItsStateTogether() throws Exception {
    PStateStore c = pstate("m", 1, COUNTS);
    ProgressStore p = progress("m", 1);
    put(c, "a", 1);
    c.commitKeepingPrevious();
    p.begin().microbatch("mb", commit(0, new long[] {0}, new long[] {1})).commit();
    // microbatch 1: its PState commit happened, the crash came before its progress commit
    put(c, "a", 2);
    put(c, "b", 1);
    c.commitKeepingPrevious();
    reopen();
    assertThat(pstate("m", 1, COUNTS).select(Path.all(), Vars.NONE))
        .containsExactly(List.of("a", 1L));
    assertThat(progress("m", 1).lastMicrobatch("mb").id()).isEqualTo(0);
  }

  @Test
  void reopen_manyCommitsWithoutProgress_writtenPastTheLimit_atLeastOnce() throws Exception {
    factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults().withMaxPendingRows(10));
    PStateStore c = pstate("m", 0, COUNTS);
    for (int i = 0; i < 25; i++) {
      put(c, "k" + i, i);
      c.commit();
    }
    reopen();
    // rows beyond the limit were written on their own; the last few (under it) were not
    List<Object> keys = pstate("m", 0, COUNTS).select(Path.mapKeys(), Vars.NONE);
    assertThat(keys.size()).isBetween(11, 24);
    assertThat(keys).contains("k0", "k10");
  }

  @Test
  void reopen_depotRecordsKept() throws Exception {
    DepotLog log = track(factory().openDepotLog("m", "*d", 1));
    log.append(0, new byte[] {7}).get();
    reopen();
    DepotLog again = track(factory().openDepotLog("m", "*d", 1));
    assertThat(again.endOffset(0).get()).isEqualTo(1L);
    assertThat(again.read(0, 0).get()).containsExactly(7);
  }

  @Test
  void reopen_differentSchema_failsNamingModulePStateAndBothSchemas() throws Exception {
    PStateStore c = pstate("mod", 2, COUNTS);
    put(c, "a", 1);
    c.commit();
    reopen();
    PStateDeclaration other =
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, String.class));
    assertThatThrownBy(() -> factory().openPStateStore("mod", 2, other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("module mod")
        .hasMessageContaining("$$counts")
        .hasMessageContaining(COUNTS.getSchema().describe())
        .hasMessageContaining(other.getSchema().describe());
    // the refusal changed nothing: the old declaration still opens its data
    assertThat(get(pstate("mod", 2, COUNTS), "a")).isNull(); // no progress commit covered it
  }

  @Test
  void migrateTo_recordsTheNewSchema_reopenUnderItWorks() throws Exception {
    PStateStore c = pstate("m", 0, COUNTS);
    put(c, "a", 1);
    c.commit();
    progress("m", 0).begin().counter("x", 1).commit();
    PStateDeclaration wider =
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, Number.class));
    track(((RocksPStateStore) c).migrateTo(wider));
    reopen();
    assertThat(get(pstate("m", 0, wider), "a")).isEqualTo(1L);
    assertThatThrownBy(() -> factory().openPStateStore("m", 0, COUNTS))
        .hasMessageContaining("written under schema");
  }

  @Test
  void secondOpener_refusedNamingDirectoryAndLockFile() {
    factory();
    assertThatThrownBy(() -> new DiskStorageFactory(dir, DiskStorageOptions.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.toAbsolutePath().toString())
        .hasMessageContaining(DiskStorageFactory.LOCK_FILE);
    factory.close();
    // released on close
    new DiskStorageFactory(dir, DiskStorageOptions.defaults()).close();
  }

  @Test
  void secondProcess_refusedNamingLockFile() throws Exception {
    factory();
    Process p =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OpenDirectory.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isEqualTo(3);
    assertThat(out).contains(DiskStorageFactory.LOCK_FILE).contains("in use");
  }

  /** Child process of {@link #secondProcess_refusedNamingLockFile}: exits 3 if refused. */
  static final class OpenDirectory {
    public static void main(String[] args) {
      try {
        new DiskStorageFactory(java.nio.file.Path.of(args[0]), DiskStorageOptions.defaults())
            .close();
        System.exit(0);
      } catch (IllegalStateException e) {
        System.out.println(e.getMessage());
        System.exit(3);
      }
    }
  }

  @Test
  void corruptSst_readFailsNamingTheFile() throws Exception {
    PStateStore c = pstate("m", 0, COUNTS);
    for (int i = 0; i < 2000; i++) {
      put(c, "key-" + i, i);
    }
    c.commit();
    progress("m", 0).begin().counter("x", 1).commit();
    java.nio.file.Path taskDir = factory.moduleDirectory("m").resolve("tasks").resolve("task-0");
    reopen();
    factory.close();
    // the rows into an SST file, whose middle then gets corrupted
    flushMemtables("m", 0);
    java.nio.file.Path sst;
    try (Stream<java.nio.file.Path> s = Files.list(taskDir)) {
      sst =
          s.filter(f -> f.toString().endsWith(".sst"))
              .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
              .orElseThrow();
    }
    corrupt(sst, sst.toFile().length() / 3);
    factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    assertThatThrownBy(
            () -> {
              PStateStore r = pstate("m", 0, COUNTS);
              r.select(Path.all(), Vars.NONE);
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(sst.getFileName().toString());
  }

  @Test
  void corruptManifest_openFailsNamingTheDirectoryAndFile() throws Exception {
    PStateStore c = pstate("m", 0, COUNTS);
    put(c, "a", 1);
    c.commit();
    progress("m", 0).begin().counter("x", 1).commit();
    java.nio.file.Path taskDir = factory.moduleDirectory("m").resolve("tasks").resolve("task-0");
    reopen();
    factory.close();
    java.nio.file.Path manifest;
    try (Stream<java.nio.file.Path> s = Files.list(taskDir)) {
      manifest =
          s.filter(f -> f.getFileName().toString().startsWith("MANIFEST-"))
              .findFirst()
              .orElseThrow();
    }
    corrupt(manifest, 20);
    factory = new DiskStorageFactory(dir, DiskStorageOptions.defaults());
    assertThatThrownBy(() -> factory.openProgressStore("m", 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("module m, task 0")
        .hasMessageContaining(taskDir.toString())
        .hasMessageContaining("MANIFEST");
  }

  private void flushMemtables(String module, int task) {
    TaskDb t =
        TaskDb.open(
            "flush",
            factory.moduleDirectory(module).resolve("tasks").resolve("task-" + task),
            new TaskDb.Settings(true, 10, 1 << 20, 1 << 20));
    t.flushMemtables();
    t.close();
  }

  private static void corrupt(java.nio.file.Path f, long at) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      for (long i = at; i < Math.min(raf.length(), at + 64); i++) {
        raf.seek(i);
        int b = raf.read();
        raf.seek(i);
        raf.write(b ^ 0x5A);
      }
    }
  }

  @Test
  void layout_moduleAndDepotNamesEscapedReversibly() throws Exception {
    DepotLog log = track(factory().openDepotLog("com.acme/Mod ule", "*depot", 1));
    progress("com.acme/Mod ule", 3);
    java.nio.file.Path m = factory.moduleDirectory("com.acme/Mod ule");
    assertThat(m.getFileName().toString()).isEqualTo("com%2Eacme%2FMod%20ule");
    assertThat(Files.isDirectory(m.resolve("depots").resolve("%2Adepot"))).isTrue();
    assertThat(Files.isDirectory(m.resolve("tasks").resolve("task-3"))).isTrue();
    assertThat(factory.storedModules()).containsExactly("com.acme/Mod ule");
    for (String s : new String[] {"", "..", "a.b", "ünï/côdé", "%41", "plain-Name_1"}) {
      assertThat(DiskStorageFactory.unescape(DiskStorageFactory.escape(s))).isEqualTo(s);
      assertThat(DiskStorageFactory.escape(s)).matches("[A-Za-z0-9_%-]+");
    }
    log.close();
  }

  @Test
  void destroyModule_deletesItsDirectory_closeModuleKeepsIt() throws Exception {
    progress("gone", 0).begin().counter("c", 1).commit();
    progress("kept", 0).begin().counter("c", 1).commit();
    closeOpened();
    factory.closeModule("kept");
    factory.destroyModule("gone");
    assertThat(Files.exists(factory.moduleDirectory("gone"))).isFalse();
    assertThat(Files.exists(factory.moduleDirectory("kept"))).isTrue();
    assertThat(progress("kept", 0).counter("c")).isEqualTo(1);
  }
}
