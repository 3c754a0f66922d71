package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.AckLevel;
import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.storage.CrashableStorage;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of a durable cluster after a restart or a crash, on {@link CrashableStorage}: stream
 * topologies resume from their checkpoints and replay what came after, microbatch topologies end
 * with exactly one outcome per microbatch even when a crash falls between the tasks' commits,
 * per-task counters and mirror sources continue where they were.
 */
class RecoveryTest {
  static final String M = Durable.class.getName();
  static final String[] KEYS = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};

  /** A depot of [key, n] records, a stream and a microbatch topology over it, per-task ids. */
  public static class Durable implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.FIRST));
      StreamTopology s = topologies.stream("s");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.pstate("$$seen", PState.mapSchema(String.class, PState.setSchema(Long.class)));
      s.pstate("$$next", Long.class).initialValue(0L);
      s.pstate("$$byId", PState.mapSchema(String.class, Long.class));
      s.source("*d")
          .out("*r")
          .each(Ops.EXPAND, "*r")
          .out("*k", "*n")
          // a per-task id, as the unique-id helpers make them: a counter in a PState
          .localSelect("$$next", Path.stay())
          .out("*id")
          .localTransform("$$next", Path.term(Ops.INC_LONG))
          .each(Ops.CURRENT_TASK_ID)
          .out("*t")
          .each(Ops.TO_STRING, "*t", ":", "*id")
          .out("*gid")
          .hashPartition("*gid")
          .localTransform("$$byId", Path.key("*gid").termVal("*n"))
          .hashPartition("*k")
          .compoundAgg("$$counts", CompoundAgg.map("*k", Agg.count()))
          .localTransform("$$seen", Path.key("*k").nullToSet().voidSetElem().termVal("*n"));
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$sums", PState.mapSchema(String.class, Long.class));
      mb.pstate("$$mbCount", Long.class).global().initialValue(0L);
      mb.source("*d")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*r")
          .each(Ops.EXPAND, "*r")
          .out("*k", "*n")
          .hashPartition("*k")
          .compoundAgg("$$sums", CompoundAgg.map("*k", Agg.sum("*n")))
          .globalPartition()
          .agg("$$mbCount", Agg.count());
    }
  }

  /** Counts another module's records through a mirror depot. */
  public static class MirrorReader implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirs", M, "*d");
      StreamTopology s = topologies.stream("m");
      s.pstate("$$seen", PState.mapSchema(String.class, PState.setSchema(Long.class)));
      s.source("*theirs")
          .out("*r")
          .each(Ops.EXPAND, "*r")
          .out("*k", "*n")
          .hashPartition("*k")
          .localTransform("$$seen", Path.key("*k").nullToSet().voidSetElem().termVal("*n"));
    }
  }

  private static InProcessClusterImpl open(CrashableStorage storage) {
    return new InProcessClusterImpl(List.of(), storage);
  }

  /** Appends records n = from until to, keyed round robin; returns how many each key got. */
  private static void append(InProcessCluster c, long from, long to, AckLevel level) {
    Depot d = c.clusterDepot(M, "*d");
    List<CompletableFuture<?>> fs = new ArrayList<>();
    for (long n = from; n < to; n++) {
      fs.add(d.appendAsync(List.of(KEYS[(int) (n % KEYS.length)], n), level));
    }
    CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0])).join();
  }

  private static Map<String, Long> expectedSums(long to) {
    Map<String, Long> out = new HashMap<>();
    for (long n = 0; n < to; n++) {
      out.merge(KEYS[(int) (n % KEYS.length)], n, Long::sum);
    }
    return out;
  }

  private static Map<String, Set<Long>> expectedSeen(long to) {
    Map<String, Set<Long>> out = new HashMap<>();
    for (long n = 0; n < to; n++) {
      out.computeIfAbsent(KEYS[(int) (n % KEYS.length)], k -> new HashSet<>()).add(n);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Set<Long>> seen(InProcessCluster c, String module, long to) {
    PState p = c.clusterPState(module, "$$seen");
    Map<String, Set<Long>> out = new HashMap<>();
    for (String k : KEYS) {
      Set<Long> s = (Set<Long>) p.selectOne(Path.key(k));
      if (s != null) {
        out.put(k, new HashSet<>(s));
      }
    }
    return out;
  }

  private static Map<String, Long> longs(InProcessCluster c, String pstate) {
    PState p = c.clusterPState(M, pstate);
    Map<String, Long> out = new HashMap<>();
    for (String k : KEYS) {
      Long v = (Long) p.selectOne(Path.key(k));
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  private static void awaitSeen(InProcessCluster c, String module, long to) {
    Map<String, Set<Long>> want = expectedSeen(to);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!seen(c, module, to).equals(want)) {
      if (System.currentTimeMillis() > deadline) {
        assertThat(seen(c, module, to)).isEqualTo(want);
      }
      sleep(10);
    }
  }

  private static void awaitSums(InProcessCluster c, long to) {
    Map<String, Long> want = expectedSums(to);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!longs(c, "$$sums").equals(want)) {
      if (System.currentTimeMillis() > deadline) {
        assertThat(longs(c, "$$sums")).isEqualTo(want);
      }
      sleep(10);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void gracefulCloseAndReopenResumesWithoutReplay() {
    CrashableStorage storage = new CrashableStorage();
    try (InProcessClusterImpl c = open(storage)) {
      c.launchModule(new Durable(), new LaunchConfig(4, 2));
      append(c, 0, 500, AckLevel.ACK);
      awaitSums(c, 500);
    }
    try (InProcessClusterImpl c = open(storage)) {
      c.launchModule(new Durable(), new LaunchConfig(4, 2));
      // nothing replayed: the graceful close stored the final offsets
      Map<String, Long> counts = longs(c, "$$counts");
      assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
      append(c, 500, 800, AckLevel.ACK);
      awaitSums(c, 800);
      awaitSeen(c, M, 800);
      assertThat(longs(c, "$$counts").values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(800);
    }
  }

  @Test
  void crashReplaysRecordsAfterTheCheckpoint() {
    CrashableStorage storage = new CrashableStorage();
    InProcessClusterImpl c = open(storage);
    c.launchModule(new Durable(), new LaunchConfig(4, 2));
    append(c, 0, 300, AckLevel.ACK);
    // a checkpoint covers these...
    sleep(400);
    int commits = storage.progressCommits();
    append(c, 300, 600, AckLevel.ACK);
    // ...and the crash comes before one covers these
    storage.crash(c);
    assertThat(commits).isPositive();
    try (InProcessClusterImpl c2 = open(storage)) {
      c2.launchModule(new Durable(), new LaunchConfig(4, 2));
      // every acknowledged record is processed again or was durable: the idempotent set is exact
      awaitSeen(c2, M, 600);
      long counted = longs(c2, "$$counts").values().stream().mapToLong(Long::longValue).sum();
      // at-least-once: records after the checkpoint may count twice, none is missing
      assertThat(counted).isGreaterThanOrEqualTo(600);
      awaitSums(c2, 600);
      append(c2, 600, 700, AckLevel.ACK);
      awaitSeen(c2, M, 700);
      awaitSums(c2, 700);
    }
  }

  @Test
  void streamOffsetsAreContiguousNotTheHighestFinished() {
    // a crash right after many appends, before any checkpoint round, loses no record
    CrashableStorage storage = new CrashableStorage();
    InProcessClusterImpl c = open(storage);
    c.launchModule(new Durable(), new LaunchConfig(8, 4));
    append(c, 0, 2000, AckLevel.APPEND_ACK);
    storage.crash(c);
    try (InProcessClusterImpl c2 = open(storage)) {
      c2.launchModule(new Durable(), new LaunchConfig(8, 4));
      awaitSeen(c2, M, 2000);
      awaitSums(c2, 2000);
    }
  }

  @Test
  void microbatchIsExactlyOnceWhenACrashFallsBetweenTasksCommits() {
    for (int round = 0; round < 3; round++) {
      CrashableStorage storage = new CrashableStorage();
      InProcessClusterImpl c = open(storage);
      c.launchModule(new Durable(), new LaunchConfig(4, 4));
      append(c, 0, 400, AckLevel.APPEND_ACK);
      awaitSums(c, 400);
      // crash when the second task commits the next microbatch: one task has it, three do not
      // the next microbatch takes all of these at once, then crashes while committing
      c.pauseMicrobatchTopology(M, "mb");
      append(c, 400, 900, AckLevel.APPEND_ACK);
      AtomicInteger commitsOfTarget = new AtomicInteger();
      long[] target = {-1};
      int skipFirst = 1 + round;
      storage.crashAt(
          (module, task, mb) -> {
            if (mb < 0) {
              return false;
            }
            synchronized (target) {
              if (target[0] < 0) {
                target[0] = mb;
              }
            }
            return mb == target[0] && commitsOfTarget.incrementAndGet() > skipFirst;
          });
      c.resumeMicrobatchTopology(M, "mb");
      long deadline = System.currentTimeMillis() + 30_000;
      while (commitsOfTarget.get() <= skipFirst && System.currentTimeMillis() < deadline) {
        sleep(5);
      }
      assertThat(commitsOfTarget.get()).isGreaterThan(skipFirst);
      storage.crashAt(null);
      storage.crash(c);
      try (InProcessClusterImpl c2 = open(storage)) {
        c2.launchModule(new Durable(), new LaunchConfig(4, 4));
        // exactly the sum of every record the depot holds, no microbatch applied twice or lost
        awaitSums(c2, 900);
        sleep(200);
        assertThat(longs(c2, "$$sums")).isEqualTo(expectedSums(900));
        assertThat((Object) c2.clusterPState(M, "$$mbCount").selectOne(Path.stay()))
            .isEqualTo(900L);
        append(c2, 900, 1000, AckLevel.APPEND_ACK);
        awaitSums(c2, 1000);
        assertThat((Object) c2.clusterPState(M, "$$mbCount").selectOne(Path.stay()))
            .isEqualTo(1000L);
      }
    }
  }

  @Test
  void perTaskIdCountersContinueAfterACrash() {
    CrashableStorage storage = new CrashableStorage();
    InProcessClusterImpl c = open(storage);
    c.launchModule(new Durable(), new LaunchConfig(4, 2));
    append(c, 0, 300, AckLevel.ACK);
    sleep(400);
    append(c, 300, 400, AckLevel.ACK);
    storage.crash(c);
    try (InProcessClusterImpl c2 = open(storage)) {
      c2.launchModule(new Durable(), new LaunchConfig(4, 2));
      append(c2, 400, 700, AckLevel.ACK);
      awaitSeen(c2, M, 700);
      // had a counter restarted from 0, new records would have overwritten old ids
      PState byId = c2.clusterPState(M, "$$byId");
      Set<Long> values = new HashSet<>();
      for (Object v : byId.select(Path.mapVals())) {
        values.add((Long) v);
      }
      Set<Long> all = new HashSet<>();
      for (long n = 0; n < 700; n++) {
        all.add(n);
      }
      assertThat(values).isEqualTo(all);
    }
  }

  @Test
  void mirrorSourcesResumeFromTheirCheckpoints() {
    CrashableStorage storage = new CrashableStorage();
    InProcessClusterImpl c = open(storage);
    c.launchModule(new Durable(), new LaunchConfig(4, 2));
    c.launchModule(new MirrorReader(), new LaunchConfig(2, 1));
    append(c, 0, 300, AckLevel.ACK);
    awaitSeen(c, MirrorReader.class.getName(), 300);
    sleep(300);
    append(c, 300, 500, AckLevel.APPEND_ACK);
    storage.crash(c);
    try (InProcessClusterImpl c2 = open(storage)) {
      c2.launchModule(new Durable(), new LaunchConfig(4, 2));
      c2.launchModule(new MirrorReader(), new LaunchConfig(2, 1));
      append(c2, 500, 600, AckLevel.ACK);
      awaitSeen(c2, MirrorReader.class.getName(), 600);
    }
  }

  /** A module without a no-argument constructor: a reopened cluster cannot make one itself. */
  public static class NeedsArgument extends Durable {
    NeedsArgument(String ignored) {}

    @Override
    public String getModuleName() {
      return "NeedsArgument";
    }
  }

  @Test
  void reopeningTheDirectoryRelaunchesRecordedModules(@TempDir java.nio.file.Path dir) {
    CrashableStorage storage = new CrashableStorage();
    InProcessClusterImpl c = new InProcessClusterImpl(List.of(), storage, dir);
    c.launchModule(new Durable(), new LaunchConfig(4, 2));
    c.launchModule(new MirrorReader(), new LaunchConfig(2, 1));
    append(c, 0, 200, AckLevel.ACK);
    awaitSeen(c, MirrorReader.class.getName(), 200);
    storage.crash(c);
    try (InProcessClusterImpl c2 = new InProcessClusterImpl(List.of(), storage, dir)) {
      // both modules run again, the mirror after the module it reads
      assertThat(c2.getDeployedModuleNames()).containsExactly(M, MirrorReader.class.getName());
      awaitSeen(c2, M, 200);
      append(c2, 200, 300, AckLevel.ACK);
      awaitSeen(c2, MirrorReader.class.getName(), 300);
      // the caller's launch takes the relaunched module over, as long as the config matches
      assertThatThrownBy(() -> c2.launchModule(new Durable(), new LaunchConfig(8, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stored in the data directory with 4 tasks, 2 threads");
      c2.launchModule(new Durable(), new LaunchConfig(4, 2));
      awaitSeen(c2, M, 300);
      // a second cluster on the same directory is refused
      assertThatThrownBy(() -> new InProcessClusterImpl(List.of(), storage, dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another cluster");
    }
  }

  @Test
  void aModuleWithoutNoArgConstructorResumesWhenLaunchedAgain(@TempDir java.nio.file.Path dir) {
    CrashableStorage storage = new CrashableStorage();
    try (InProcessClusterImpl c = new InProcessClusterImpl(List.of(), storage, dir)) {
      c.launchModule(new NeedsArgument("x"), new LaunchConfig(2, 1));
      Depot d = c.clusterDepot("NeedsArgument", "*d");
      for (long n = 0; n < 50; n++) {
        d.append(List.of(KEYS[(int) (n % KEYS.length)], n));
      }
    }
    try (InProcessClusterImpl c = new InProcessClusterImpl(List.of(), storage, dir)) {
      assertThat(c.getDeployedModuleNames()).isEmpty();
      c.launchModule(new NeedsArgument("y"), new LaunchConfig(2, 1));
      PState counts = c.clusterPState("NeedsArgument", "$$counts");
      long total = 0;
      for (Object v : counts.select(Path.mapVals())) {
        total += (Long) v;
      }
      assertThat(total).isEqualTo(50);
    }
    try (InProcessClusterImpl c = new InProcessClusterImpl(List.of(), storage, dir)) {
      // destroying a recorded module that is not running drops its data
      c.destroyModule("NeedsArgument");
      c.launchModule(new NeedsArgument("z"), new LaunchConfig(4, 1));
      assertThat(c.clusterPState("NeedsArgument", "$$counts").select(Path.mapVals())).isEmpty();
    }
  }

  @Test
  void aDurableClusterOnDiskReopensWithItsModulesAndData(@TempDir java.nio.file.Path dir) {
    try (InProcessCluster c = InProcessCluster.open(dir)) {
      c.launchModule(new Durable(), new LaunchConfig(4, 2));
      append(c, 0, 300, AckLevel.ACK);
      awaitSums(c, 300);
    }
    try (InProcessCluster c = InProcessCluster.open(dir)) {
      // relaunched from the directory, nothing replayed after the graceful close
      assertThat(c.getDeployedModuleNames()).containsExactly(M);
      assertThat(longs(c, "$$counts").values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(300);
      assertThat(longs(c, "$$sums")).isEqualTo(expectedSums(300));
      // the usual start-up code launches it again: it takes over the relaunched module
      c.launchModule(new Durable(), new LaunchConfig(4, 2));
      append(c, 300, 400, AckLevel.ACK);
      awaitSums(c, 400);
      awaitSeen(c, M, 400);
      assertThatThrownBy(() -> InProcessCluster.open(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
    }
  }
}
