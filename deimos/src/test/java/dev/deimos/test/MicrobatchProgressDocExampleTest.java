package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of docs/microbatch.md (empty microbatches, getMicrobatchDepotInfo) and
 * docs/modules.md (a mirror depot as a source), and checks the pages still show this code.
 */
class MicrobatchProgressDocExampleTest {
  // doc:rounds
  public static class RoundsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      // without new records, an empty microbatch every 200 ms
      setup.setLaunchModuleDynamicOption("topology.microbatch.empty.sleep.time.millis", 200L);
      setup.declareDepot("*events", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("rounds");
      mb.pstate("$$lastBatchSize", Long.class).global().initialValue(-1L);
      mb.pstate("$$lastMicrobatchId", Long.class).global().initialValue(-1L);
      mb.source("*events")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*e")
                  .globalPartition()
                  .agg(Agg.count())
                  .out("*size")
                  // on task 0 once per microbatch, with 0 when it was empty
                  .localTransform("$$lastBatchSize", Path.termVal("*size")))
          .each(Ops.CURRENT_MICROBATCH_ID)
          .out("*id")
          .localTransform("$$lastMicrobatchId", Path.termVal("*id"));
    }
  }

  // end

  @Test
  void emptyMicrobatches_andDepotInfo() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new RoundsModule(), new LaunchConfig(2, 1));
      String name = RoundsModule.class.getName();
      Depot events = cluster.clusterDepot(name, "*events");
      events.append("e1");
      cluster.waitForMicrobatchProcessedCount(name, "rounds", 1);
      PState lastId = cluster.clusterPState(name, "$$lastMicrobatchId");
      PState lastSize = cluster.clusterPState(name, "$$lastBatchSize");
      long id = (Long) lastId.selectOne(Path.stay());
      long deadline = System.nanoTime() + 20_000_000_000L;
      while ((Long) lastId.selectOne(Path.stay()) <= id) {
        assertThat(System.nanoTime()).as("an empty microbatch within 20 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      assertThat((Long) lastSize.selectOne(Path.stay())).isEqualTo(0L);

      // the record went to partition 0 or 1: its end offset there is 1
      // doc:depotInfo
      // has the record appended at offset 0 of partition 1 been processed?
      Map<String, Map<Integer, MicrobatchParams>> info =
          cluster.getMicrobatchDepotInfo(name, "rounds");
      boolean processed = info.get("*events").get(1).getEndOffset() > 0;
      // end
      long onPartition0 = info.get("*events").get(0).getEndOffset();
      assertThat(processed).isEqualTo(onPartition0 == 0);
    }
  }

  /** A producer module for the mirror example. */
  public static class WordsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
    }
  }

  // doc:mirror
  public static class WordCountsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterDepot("*theirWords", WordsModule.class.getName(), "*words");
      StreamTopology s = topologies.stream("count");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*theirWords", StreamSourceOptions.startFromBeginning())
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$counts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  // end

  @Test
  void mirrorDepotAsSource() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordsModule(), new LaunchConfig(4, 2));
      Depot words = cluster.clusterDepot(WordsModule.class.getName(), "*words");
      words.append("apple");
      cluster.launchModule(new WordCountsModule(), new LaunchConfig(2, 1));
      words.append("apple");
      PState counts = cluster.clusterPState(WordCountsModule.class.getName(), "$$counts");
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!Long.valueOf(2).equals(counts.selectOne(Path.key("apple")))) {
        assertThat(System.nanoTime()).as("both records counted within 20 s").isLessThan(deadline);
        Thread.sleep(5);
      }
    }
  }

  @Test
  void docsPages_showTheTestedCode() throws IOException {
    DocSnippets.assertShown(
        "docs/microbatch.md",
        "src/test/java/dev/deimos/test/MicrobatchProgressDocExampleTest.java",
        "rounds",
        "depotInfo");
    DocSnippets.assertShown(
        "docs/modules.md",
        "src/test/java/dev/deimos/test/MicrobatchProgressDocExampleTest.java",
        "mirror");
  }
}
