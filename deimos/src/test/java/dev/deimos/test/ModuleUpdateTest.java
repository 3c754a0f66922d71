package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.module.OffsetAgo;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModuleUpdateTest {
  static final String NAME = "test.UpdatedModule";

  /** Counts records per key; later versions add or drop topologies and change the schema. */
  static class Counter implements DeimosModule {
    boolean withOld = true;
    boolean withSeen;
    boolean withFresh;
    StreamSourceOptions seenOptions = StreamSourceOptions.startFromBeginning();
    Object countsSchema = PState.mapSchema(String.class, Long.class);
    boolean countAsString;
    boolean broken;

    @Override
    public String getModuleName() {
      return NAME;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.IDENTITY));
      StreamTopology c = topologies.stream("counter");
      c.pstate("$$counts", (PState.Schema) countsSchema);
      if (countAsString) {
        c.source("*d")
            .out("*k")
            .localSelect("$$counts", Path.key("*k"))
            .out("*v")
            .each(
                (Object v) ->
                    v == null ? "n=1" : "n=" + (Long.parseLong(((String) v).substring(2)) + 1),
                "*v")
            .out("*nv")
            .localTransform("$$counts", Path.key("*k").termVal("*nv"));
      } else {
        c.source("*d")
            .out("*k")
            .localTransform("$$counts", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG))
            .ackReturn("*k");
      }
      if (withOld) {
        StreamTopology o = topologies.stream("old");
        o.pstate("$$old", PState.mapSchema(String.class, Long.class));
        o.source("*d").out("*k").localTransform("$$old", Path.key("*k").termVal(1L));
      }
      if (withSeen) {
        StreamTopology s = topologies.stream("seen");
        s.pstate("$$seen", PState.mapSchema(String.class, Long.class));
        s.source("*d", seenOptions)
            .out("*k")
            .localTransform("$$seen", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
      }
      if (withFresh) {
        StreamTopology f = topologies.stream("fresh");
        f.pstate("$$fresh", PState.mapSchema(String.class, Long.class));
        f.source("*d")
            .out("*k")
            .localTransform("$$fresh", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
      }
      if (broken) {
        topologies.stream("broken").source("*d").out("*k").each(Ops.IDENTITY, "*nope");
      }
    }
  }

  private static long count(InProcessCluster c, String pstate, String key) {
    Object v = c.clusterPState(NAME, pstate).selectOne(Path.key(key));
    return v == null ? 0L : (Long) v;
  }

  private static void await(Supplier<Boolean> cond) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!cond.get()) {
      assertThat(System.currentTimeMillis()).as("condition within 20 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void update_keepsDepotsAndPStates_newTopologyFromBeginning_replaysOldRecords() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(NAME, "*d");
      PState counts = cluster.clusterPState(NAME, "$$counts");
      for (String k : List.of("a", "b", "a", "c", "a")) {
        d.append(k);
      }
      Counter v2 = new Counter();
      v2.withOld = false;
      v2.withSeen = true;
      v2.withFresh = true;
      cluster.updateModule(v2, UpdateOptions.objectsToDelete("$$old"));

      // kept PState data, through a client handle made before the update
      assertThat((Long) counts.selectOne(Path.key("a"))).isEqualTo(3L);
      // startFromBeginning: the new topology processes the records appended before it existed
      await(() -> count(cluster, "$$seen", "a") == 3L && count(cluster, "$$seen", "c") == 1L);
      // default start: only records after the update
      assertThat(count(cluster, "$$fresh", "a")).isZero();

      Map<String, Object> ack = d.append("a");
      assertThat(ack).containsOnlyKeys("counter", "seen", "fresh").containsEntry("counter", "a");
      assertThat(count(cluster, "$$counts", "a")).isEqualTo(4L);
      assertThat(count(cluster, "$$seen", "a")).isEqualTo(4L);
      assertThat(count(cluster, "$$fresh", "a")).isEqualTo(1L);
      // the removed topology's PState is gone
      assertThatThrownBy(() -> cluster.clusterPState(NAME, "$$old")).hasMessageContaining("$$old");
      assertThat(cluster.getDeployedModuleNames()).containsExactly(NAME);

      // declared again, a topology is not replayed a second time
      Counter v3 = new Counter();
      v3.withOld = false;
      v3.withSeen = true;
      v3.withFresh = true;
      cluster.updateModule(v3);
      d.append("b");
      assertThat(count(cluster, "$$seen", "a")).isEqualTo(4L);
      assertThat(count(cluster, "$$seen", "b")).isEqualTo(2L);
    }
  }

  @Test
  void update_startFromOffsetAgoRecords_replaysLastRecordsOfEachPartition() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(NAME, "*d");
      for (int i = 0; i < 10; i++) {
        d.append("k" + i);
      }
      Counter v2 = new Counter();
      v2.withOld = true;
      v2.withSeen = true;
      v2.seenOptions = StreamSourceOptions.startFromOffsetAgo(3, OffsetAgo.RECORDS);
      cluster.updateModule(v2);
      d.append("k9");
      await(() -> count(cluster, "$$seen", "k9") == 2L);
      assertThat(count(cluster, "$$seen", "k7")).isEqualTo(1L);
      assertThat(count(cluster, "$$seen", "k8")).isEqualTo(1L);
      assertThat(count(cluster, "$$seen", "k6")).isZero();
    }
  }

  @Test
  void update_startFromOffsetAfterTimestamp_skipsOlderRecords() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(NAME, "*d");
      d.append("before");
      Thread.sleep(20);
      long t = System.currentTimeMillis();
      Thread.sleep(5);
      d.append("after");
      Counter v2 = new Counter();
      v2.withSeen = true;
      v2.seenOptions = StreamSourceOptions.startFromOffsetAfterTimestamp(t);
      cluster.updateModule(v2);
      await(() -> count(cluster, "$$seen", "after") == 1L);
      d.append("x");
      assertThat(count(cluster, "$$seen", "before")).isZero();
    }
  }

  @Test
  void update_removingPStateOrDepotWithoutObjectsToDelete_rejectedNamingIt() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(2, 1));
      Counter v2 = new Counter();
      v2.withOld = false;
      assertThatThrownBy(() -> cluster.updateModule(v2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(NAME)
          .hasMessageContaining("$$old")
          .hasMessageContaining("objectsToDelete");
      // still running the old version
      assertThat(cluster.clusterDepot(NAME, "*d").append("a")).containsKeys("counter", "old");
    }
  }

  @Test
  void update_incompatibleSchema_rejectedNamingModuleAndPState_moduleKeepsRunning() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(NAME, "*d");
      d.append("a");
      Counter v2 = new Counter();
      v2.countsSchema = PState.mapSchema(String.class, String.class);
      v2.countAsString = true;
      assertThatThrownBy(() -> cluster.updateModule(v2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(NAME)
          .hasMessageContaining("$$counts")
          .hasMessageContaining("PState.migrated");
      d.append("a");
      assertThat(count(cluster, "$$counts", "a")).isEqualTo(2L);
    }
  }

  @Test
  void update_topologyDoesNotCompile_rejected_moduleKeepsRunning() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(2, 2));
      Counter v2 = new Counter();
      v2.broken = true;
      assertThatThrownBy(() -> cluster.updateModule(v2))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("broken")
          .hasMessageContaining("*nope");
      cluster.clusterDepot(NAME, "*d").append("a");
      assertThat(count(cluster, "$$counts", "a")).isEqualTo(1L);
    }
  }

  @Test
  void update_migratedSchema_appliesMigrationToStoredValues() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(NAME, "*d");
      d.append("a");
      d.append("a");
      d.append("b");
      Counter v2 = new Counter();
      v2.countsSchema =
          PState.mapSchema(
              String.class,
              PState.migrated(String.class, "to-string", v -> v instanceof String ? v : "n=" + v));
      v2.countAsString = true;
      cluster.updateModule(v2);
      PState counts = cluster.clusterPState(NAME, "$$counts");
      assertThat((String) counts.selectOne(Path.key("a"))).isEqualTo("n=2");
      assertThat((String) counts.selectOne(Path.key("b"))).isEqualTo("n=1");
      d.append("a");
      assertThat((String) counts.selectOne(Path.key("a"))).isEqualTo("n=3");
    }
  }

  @Test
  void update_whileClientsAppendConcurrently_noRecordLostOrDoubled() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(NAME, "*d");
      List<CompletableFuture<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String key = "w" + w;
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    d.append(key);
                  }
                }));
      }
      for (int u = 0; u < 3; u++) {
        Counter next = new Counter();
        next.withFresh = u % 2 == 0;
        cluster.updateModule(
            next, u % 2 == 0 ? UpdateOptions.create() : UpdateOptions.objectsToDelete("$$fresh"));
      }
      for (CompletableFuture<?> w : writers) {
        w.get();
      }
      for (int w = 0; w < 3; w++) {
        assertThat(count(cluster, "$$counts", "w" + w)).isEqualTo(200L);
      }
    }
  }

  /** Reads the updated module's PStates through mirrors. */
  static class Mirroring implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterPState("$$theirOld", NAME, "$$old");
      setup.clusterPState("$$theirCounts", NAME, "$$counts");
      topologies
          .query("countOf", "*k")
          .out("*n")
          .select("$$theirCounts", Path.key("*k"))
          .out("*n")
          .originPartition();
    }
  }

  @Test
  void update_removingObjectAnotherModuleMirrors_rejected_mirrorsSeeKeptData() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counter(), new LaunchConfig(2, 2));
      cluster.launchModule(new Mirroring(), new LaunchConfig(2, 1));
      cluster.clusterDepot(NAME, "*d").append("a");
      Counter v2 = new Counter();
      v2.withOld = false;
      assertThatThrownBy(() -> cluster.updateModule(v2, UpdateOptions.objectsToDelete("$$old")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(NAME)
          .hasMessageContaining(Mirroring.class.getName())
          .hasMessageContaining("$$old");
      cluster.updateModule(new Counter());
      cluster.clusterDepot(NAME, "*d").append("a");
      QueryTopologyClient<Long> countOf =
          cluster.clusterQuery(Mirroring.class.getName(), "countOf");
      assertThat(countOf.invoke("a")).isEqualTo(2L);
    }
  }

  /**
   * A microbatch word count; the second version adds a microbatch topology reading from the start.
   */
  static class MbCounts implements DeimosModule {
    final boolean withAll;

    MbCounts(boolean withAll) {
      this.withAll = withAll;
    }

    @Override
    public String getModuleName() {
      return "test.MbCounts";
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.random());
      dev.deimos.module.MicrobatchTopology mb = topologies.microbatch("wc");
      mb.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      mb.source("*words")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$counts", dev.deimos.CompoundAgg.map("*w", dev.deimos.Agg.count()));
      if (withAll) {
        dev.deimos.module.MicrobatchTopology all = topologies.microbatch("all");
        all.pstate("$$total", Long.class).global().initialValue(0L);
        all.source("*words", dev.deimos.module.MicrobatchSourceOptions.startFromBeginning())
            .out("*mb")
            .explodeMicrobatch("*mb")
            .out("*w")
            .globalPartition()
            .agg("$$total", dev.deimos.Agg.count());
      }
    }
  }

  @Test
  void update_microbatchTopologiesKeepProgress_newOneStartsFromBeginning() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new MbCounts(false), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot("test.MbCounts", "*words");
      for (int i = 0; i < 30; i++) {
        d.append(i % 3 == 0 ? "x" : "y");
      }
      cluster.waitForMicrobatchProcessedCount("test.MbCounts", "wc", 30);
      cluster.updateModule(new MbCounts(true));
      for (int i = 0; i < 6; i++) {
        d.append("x");
      }
      cluster.waitForMicrobatchProcessedCount("test.MbCounts", "wc", 36);
      cluster.waitForMicrobatchProcessedCount("test.MbCounts", "all", 36);
      PState counts = cluster.clusterPState("test.MbCounts", "$$counts");
      // nothing processed twice across the update
      assertThat((Long) counts.selectOne(Path.key("x"))).isEqualTo(16L);
      assertThat((Long) counts.selectOne(Path.key("y"))).isEqualTo(20L);
      assertThat((Long) cluster.clusterPState("test.MbCounts", "$$total").selectOne(Path.stay()))
          .isEqualTo(36L);
    }
  }

  /** Counts records; the second version adds a second source of the same depot with an id. */
  static class TwoSources implements DeimosModule {
    final boolean withBackfill;

    TwoSources(boolean withBackfill) {
      this.withBackfill = withBackfill;
    }

    @Override
    public String getModuleName() {
      return "test.TwoSources";
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("s");
      s.pstate("$$live", Long.class).global().initialValue(0L);
      s.pstate("$$backfill", Long.class).global().initialValue(0L);
      s.source("*d").out("*x").globalPartition().localTransform("$$live", Path.term(Ops.INC_LONG));
      if (withBackfill) {
        s.source("*d", StreamSourceOptions.startFromBeginning().sourceId("backfill"))
            .out("*x")
            .globalPartition()
            .localTransform("$$backfill", Path.term(Ops.INC_LONG));
      }
    }
  }

  @Test
  void update_newSourceIdOnSameDepot_startsPerItsOptions_existingSourceGoesOn() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TwoSources(false), new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot("test.TwoSources", "*d");
      for (int i = 0; i < 5; i++) {
        d.append(i);
      }
      cluster.updateModule(new TwoSources(true));
      d.append(99);
      PState live = cluster.clusterPState("test.TwoSources", "$$live");
      PState backfill = cluster.clusterPState("test.TwoSources", "$$backfill");
      await(() -> (Long) backfill.selectOne(Path.stay()) == 6L);
      assertThat((Long) live.selectOne(Path.stay())).isEqualTo(6L);
    }
  }

  @Test
  void update_notDeployed_fails() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.updateModule(new Counter()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(NAME);
    }
  }
}
