package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchSourceOptions;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Another module's depot, mirrored with setup.clusterDepot, as a stream and microbatch source. */
class MirrorDepotSourceTest {
  private static final String WORDS = Words.class.getName();
  private static final String STREAM = StreamCounter.class.getName();
  private static final String MB = MicrobatchCounter.class.getName();

  /** The producer: a depot of words, and nothing else. */
  static class Words implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
    }
  }

  /** The producer, updated: the same depot plus a stream topology of its own. */
  static class WordsV2 extends Words {
    @Override
    public String getModuleName() {
      return WORDS;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      super.define(setup, topologies);
      StreamTopology s = topologies.stream("own");
      s.pstate("$$seen", Long.class).global().initialValue(0L);
      s.source("*words").globalPartition().agg("$$seen", Agg.count());
    }
  }

  /** The producer, updated without its depot. */
  static class WordsWithoutDepot implements DeimosModule {
    @Override
    public String getModuleName() {
      return WORDS;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {}
  }

  /** Counts the producer's words in a stream topology; "late" counts only new ones. */
  static class StreamCounter implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirWords", WORDS, "*words");
      StreamTopology s = topologies.stream("count");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*theirWords", StreamSourceOptions.startFromBeginning())
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$counts", CompoundAgg.map("*w", Agg.count()));
      StreamTopology late = topologies.stream("late");
      late.pstate("$$lateCounts", PState.mapSchema(String.class, Long.class));
      late.source("*theirWords")
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$lateCounts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  /** StreamCounter, updated: adds a source that reads everything from the beginning. */
  static class StreamCounterV2 extends StreamCounter {
    @Override
    public String getModuleName() {
      return STREAM;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      super.define(setup, topologies);
      StreamTopology s = topologies.stream("recount");
      s.pstate("$$recounts", PState.mapSchema(String.class, Long.class));
      s.source("*theirWords", StreamSourceOptions.startFromBeginning())
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$recounts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  /** Counts the producer's words in a microbatch topology, with a global total. */
  static class MicrobatchCounter implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirWords", WORDS, "*words");
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.source("*theirWords", MicrobatchSourceOptions.startFromBeginning())
          .out("*mb")
          .batchBlock(
              dev.deimos.Block.explodeMicrobatch("*mb")
                  .out("*w")
                  .globalPartition()
                  .agg("$$total", Agg.count()))
          .explodeMicrobatch("*mb")
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$counts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  /** Mirrors a PState and tries to read it as a depot. */
  static class SourceOfAPState implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterPState("$$theirs", MB, "$$counts");
      topologies.stream("s").source("$$theirs").out("*x");
    }
  }

  /** Waits (up to 10 s) for a condition that another module's processing makes true. */
  private static void eventually(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 10 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static Long count(InProcessCluster cluster, String module, String pstate, String w) {
    return (Long) cluster.clusterPState(module, pstate).selectOne(Path.key(w));
  }

  /** Waits until every word w0..w9 has count {@code n} in the PState. */
  private static void allCounted(InProcessCluster cluster, String module, String pstate, long n) {
    eventually(
        () -> {
          for (int i = 0; i < 10; i++) {
            if (!Long.valueOf(n).equals(count(cluster, module, pstate, "w" + i))) {
              return false;
            }
          }
          return true;
        });
  }

  private static void appendWords(Depot d, int n) {
    for (int i = 0; i < n; i++) {
      d.append("w" + (i % 10));
    }
  }

  @Test
  void streamTopology_processesTheOtherModulesRecords_perItsStartOption() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(4, 2));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      appendWords(words, 100); // before the consumer exists
      // fewer tasks than the producer has partitions
      cluster.launchModule(new StreamCounter(), new LaunchConfig(2, 1));
      appendWords(words, 50);
      // startFromBeginning: all 150; the default start (the end): only the 50 appended afterwards
      allCounted(cluster, STREAM, "$$counts", 15);
      allCounted(cluster, STREAM, "$$lateCounts", 5);
    }
  }

  @Test
  void streamTopology_withMoreTasksThanTheDepotHasPartitions() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(2, 1));
      cluster.launchModule(new StreamCounter(), new LaunchConfig(8, 2));
      appendWords(cluster.clusterDepot(WORDS, "*words"), 200);
      allCounted(cluster, STREAM, "$$lateCounts", 20);
      allCounted(cluster, STREAM, "$$counts", 20);
    }
  }

  @Test
  void microbatchTopology_processesTheOtherModulesRecordsExactlyOnce() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(4, 2));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      appendWords(words, 40);
      cluster.launchModule(new MicrobatchCounter(), new LaunchConfig(2, 1));
      appendWords(words, 60);
      cluster.waitForMicrobatchProcessedCount(MB, "mb", 100);
      assertThat((Long) cluster.clusterPState(MB, "$$total").selectOne(Path.stay()))
          .isEqualTo(100L);
      for (int i = 0; i < 10; i++) {
        assertThat(count(cluster, MB, "$$counts", "w" + i)).isEqualTo(10L);
      }
      // progress per partition of the mirrored depot, keyed by the mirror var
      Map<Integer, MicrobatchParams> info =
          cluster.getMicrobatchDepotInfo(MB, "mb").get("*theirWords");
      assertThat(info).hasSize(4);
      assertThat(info.values().stream().mapToLong(MicrobatchParams::getEndOffset).sum())
          .isEqualTo(100L);
    }
  }

  @Test
  void destroyingAModuleOthersMirror_failsNamingTheDependent_untilTheyAreGone() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(2, 1));
      cluster.launchModule(new MicrobatchCounter(), new LaunchConfig(2, 1));
      assertThatThrownBy(() -> cluster.destroyModule(WORDS))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot destroy module " + WORDS)
          .hasMessageContaining("module " + MB)
          .hasMessageContaining("*words as *theirWords");
      // nothing changed: the feed still works
      appendWords(cluster.clusterDepot(WORDS, "*words"), 10);
      cluster.waitForMicrobatchProcessedCount(MB, "mb", 10);
      cluster.destroyModule(MB);
      cluster.destroyModule(WORDS);
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
    }
  }

  @Test
  void updatingTheProducer_keepsFeeding_andCannotDropAMirroredDepot() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(2, 1));
      cluster.launchModule(new MicrobatchCounter(), new LaunchConfig(2, 1));
      cluster.launchModule(new StreamCounter(), new LaunchConfig(2, 1));
      appendWords(cluster.clusterDepot(WORDS, "*words"), 10);
      cluster.updateModule(new WordsV2());
      appendWords(cluster.clusterDepot(WORDS, "*words"), 10);
      cluster.waitForMicrobatchProcessedCount(MB, "mb", 20);
      allCounted(cluster, STREAM, "$$counts", 2);
      assertThat(count(cluster, MB, "$$counts", "w0")).isEqualTo(2L);
      assertThatThrownBy(
              () ->
                  cluster.updateModule(
                      new WordsWithoutDepot(), UpdateOptions.objectsToDelete("*words")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("*words");
    }
  }

  @Test
  void updatingTheConsumer_keepsItsPlace_andNewSourcesStartPerTheirOptions() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(4, 2));
      cluster.launchModule(new StreamCounter(), new LaunchConfig(2, 1));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      appendWords(words, 30);
      allCounted(cluster, STREAM, "$$counts", 3);
      allCounted(cluster, STREAM, "$$lateCounts", 3);
      cluster.updateModule(new StreamCounterV2());
      appendWords(words, 30);
      // the kept sources go on without processing anything twice; the new one reads all 60
      allCounted(cluster, STREAM, "$$recounts", 6);
      allCounted(cluster, STREAM, "$$counts", 6);
      allCounted(cluster, STREAM, "$$lateCounts", 6);
      // nothing more arrives later (a double count would show up as 7)
      Thread.sleep(100);
      for (int i = 0; i < 10; i++) {
        assertThat(count(cluster, STREAM, "$$counts", "w" + i)).isEqualTo(6L);
        assertThat(count(cluster, STREAM, "$$lateCounts", "w" + i)).isEqualTo(6L);
        assertThat(count(cluster, STREAM, "$$recounts", "w" + i)).isEqualTo(6L);
      }
    }
  }

  @Test
  void aMirrorThatIsNoDepot_cannotBeASource() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(2, 1));
      cluster.launchModule(new MicrobatchCounter(), new LaunchConfig(2, 1));
      assertThatThrownBy(() -> cluster.launchModule(new SourceOfAPState(), new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("topology s")
          .hasMessageContaining("no depot $$theirs");
    }
  }

  /** A producer with a tick depot, and a consumer trying to read it through a mirror. */
  static class Ticks implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareTickDepot("*ticks", 1000);
    }
  }

  static class TickReader implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirTicks", Ticks.class.getName(), "*ticks");
      topologies.stream("s").source("*theirTicks").out("*t");
    }
  }

  @Test
  void aMirroredTickDepot_cannotBeASource() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Ticks(), new LaunchConfig(2, 1));
      assertThatThrownBy(() -> cluster.launchModule(new TickReader(), new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("module " + TickReader.class.getName())
          .hasMessageContaining("source *theirTicks mirrors tick depot *ticks");
    }
  }

  /** Counts only the last 3 records of each partition that existed when it started, and on. */
  static class RecentCounter implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirWords", WORDS, "*words");
      MicrobatchTopology mb = topologies.microbatch("recent");
      mb.pstate("$$total", Long.class).global().initialValue(0L);
      mb.source(
              "*theirWords",
              MicrobatchSourceOptions.startFromOffsetAgo(3, dev.deimos.module.OffsetAgo.RECORDS))
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*w")
          .globalPartition()
          .agg("$$total", Agg.count());
    }
  }

  @Test
  void microbatchTopology_startFromOffsetAgo_onAMirror() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(2, 1));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      appendWords(words, 100); // w0..w9, each on one of the two partitions
      String m = RecentCounter.class.getName();
      cluster.launchModule(new RecentCounter(), new LaunchConfig(2, 1));
      // 3 per partition, both partitions have records
      cluster.waitForMicrobatchProcessedCount(m, "recent", 6);
      appendWords(words, 4);
      cluster.waitForMicrobatchProcessedCount(m, "recent", 10);
      assertThat((Long) cluster.clusterPState(m, "$$total").selectOne(Path.stay())).isEqualTo(10L);
    }
  }

  @Test
  void updatingAMicrobatchConsumer_keepsItsProgress() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(4, 2));
      cluster.launchModule(new MicrobatchCounter(), new LaunchConfig(2, 1));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      appendWords(words, 30);
      cluster.waitForMicrobatchProcessedCount(MB, "mb", 30);
      cluster.updateModule(new MicrobatchCounter());
      appendWords(words, 20);
      cluster.waitForMicrobatchProcessedCount(MB, "mb", 50);
      assertThat((Long) cluster.clusterPState(MB, "$$total").selectOne(Path.stay())).isEqualTo(50L);
      assertThat(count(cluster, MB, "$$counts", "w4")).isEqualTo(5L);
    }
  }

  @Test
  void concurrentAppendsToTheProducer_areEachProcessedOnceByEveryReader() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(4, 2));
      cluster.launchModule(new StreamCounter(), new LaunchConfig(2, 2));
      cluster.launchModule(new MicrobatchCounter(), new LaunchConfig(8, 2));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      int threads = 4;
      int perThread = 500;
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        java.util.List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          fs.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < perThread; i++) {
                      words.append("w" + (i % 10), dev.deimos.AckLevel.APPEND_ACK);
                    }
                  }));
        }
        for (java.util.concurrent.Future<?> f : fs) {
          f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      long each = threads * perThread / 10;
      cluster.waitForMicrobatchProcessedCount(MB, "mb", threads * perThread);
      allCounted(cluster, STREAM, "$$counts", each);
      allCounted(cluster, STREAM, "$$lateCounts", each);
      for (int i = 0; i < 10; i++) {
        assertThat(count(cluster, MB, "$$counts", "w" + i)).isEqualTo(each);
      }
      assertThat((Long) cluster.clusterPState(MB, "$$total").selectOne(Path.stay()))
          .isEqualTo((long) threads * perThread);
    }
  }

  @Test
  void aLongBacklog_isProcessedCompletely() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(1, 1));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      for (int i = 0; i < 2500; i++) {
        words.append("w" + (i % 10), dev.deimos.AckLevel.APPEND_ACK);
      }
      cluster.launchModule(new StreamCounter(), new LaunchConfig(2, 1));
      allCounted(cluster, STREAM, "$$counts", 250);
    }
  }

  /** A producer of numbers on one partition, and a consumer listing them as it processes them. */
  static class Numbers implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*numbers", Depot.random()).global();
    }
  }

  static class Lister implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirNumbers", Numbers.class.getName(), "*numbers");
      StreamTopology s = topologies.stream("list");
      s.pstate("$$seen", java.util.List.class).global();
      s.source("*theirNumbers", StreamSourceOptions.startFromBeginning())
          .out("*n")
          .globalPartition()
          .localTransform("$$seen", Path.nullToList().afterElem().termVal("*n"));
    }
  }

  @Test
  void recordsOfOnePartition_areProcessedInAppendOrder_acrossPulls() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Numbers(), new LaunchConfig(2, 1));
      Depot numbers = cluster.clusterDepot(Numbers.class.getName(), "*numbers");
      java.util.List<Integer> expected = new java.util.ArrayList<>();
      for (int i = 0; i < 1500; i++) {
        numbers.append(i, dev.deimos.AckLevel.APPEND_ACK);
        expected.add(i);
      }
      cluster.launchModule(new Lister(), new LaunchConfig(4, 2));
      for (int i = 1500; i < 1800; i++) {
        numbers.append(i, dev.deimos.AckLevel.APPEND_ACK);
        expected.add(i);
      }
      PState seen = cluster.clusterPState(Lister.class.getName(), "$$seen");
      // null until the first record is processed
      eventually(
          () -> {
            java.util.List<?> l = (java.util.List<?>) seen.selectOne(Path.stay());
            return l != null && l.size() == 1800;
          });
      assertThat((java.util.List<?>) seen.selectOne(Path.stay())).isEqualTo(expected);
    }
  }

  /** StreamCounter, updated to depend on nothing. */
  static class StreamCounterAlone implements DeimosModule {
    @Override
    public String getModuleName() {
      return STREAM;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*own", Depot.random());
    }
  }

  @Test
  void aConsumerUpdatedToDropTheMirror_stopsReading_andNoLongerBlocksDestroy() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Words(), new LaunchConfig(2, 1));
      cluster.launchModule(new StreamCounter(), new LaunchConfig(2, 1));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      appendWords(words, 10);
      allCounted(cluster, STREAM, "$$counts", 1);
      cluster.updateModule(
          new StreamCounterAlone(), UpdateOptions.objectsToDelete("$$counts", "$$lateCounts"));
      appendWords(words, 10);
      cluster.destroyModule(WORDS);
      assertThat(cluster.getDeployedModuleNames()).containsExactly(STREAM);
    }
  }
}
