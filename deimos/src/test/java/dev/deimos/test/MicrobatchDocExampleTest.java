package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/microbatch.md and checks the page still shows this code. */
class MicrobatchDocExampleTest {
  // doc:module
  public static class PageViewsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*views", Depot.hashBy(Ops.FIRST));
      MicrobatchTopology mb = topologies.microbatch("views");
      mb.pstate("$$viewsPerUrl", PState.mapSchema(String.class, Long.class));
      mb.pstate("$$totalViews", Long.class).global().initialValue(0L);
      mb.source("*views")
          .out("*microbatch")
          // a batch: partial counts on every task, then one write to the global PState
          .batchBlock(
              Block.explodeMicrobatch("*microbatch")
                  .out("*view")
                  .globalPartition()
                  .agg("$$totalViews", Agg.count()))
          // runs once the batch block is done: record by record, like a stream topology
          .explodeMicrobatch("*microbatch")
          .out("*view")
          .each(Ops.EXPAND, "*view")
          .out("*user", "*url")
          .hashPartition("*url")
          .compoundAgg("$$viewsPerUrl", CompoundAgg.map("*url", Agg.count()));
    }
  }

  // end

  @Test
  void example_countsViews() {
    // doc:usage
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new PageViewsModule(), new LaunchConfig(4, 2));
      String name = PageViewsModule.class.getName();
      Depot views = cluster.clusterDepot(name, "*views");
      views.append(List.of("alice", "/home"));
      views.append(List.of("bob", "/home"));
      views.append(List.of("alice", "/about"));
      cluster.waitForMicrobatchProcessedCount(name, "views", 3);
      PState perUrl = cluster.clusterPState(name, "$$viewsPerUrl");
      PState total = cluster.clusterPState(name, "$$totalViews");
      assertThat((Long) perUrl.selectOne(Path.key("/home"))).isEqualTo(2L);
      assertThat((Long) total.selectOne(Path.stay())).isEqualTo(3L);

      // paused, the topology holds new records back; on resume they form one microbatch
      cluster.pauseMicrobatchTopology(name, "views");
      views.append(List.of("carol", "/home"));
      views.append(List.of("dave", "/home"));
      assertThat((Long) total.selectOne(Path.stay())).isEqualTo(3L);
      cluster.resumeMicrobatchTopology(name, "views");
      cluster.waitForMicrobatchProcessedCount(name, "views", 5);
      assertThat((Long) perUrl.selectOne(Path.key("/home"))).isEqualTo(4L);
      assertThat((Long) total.selectOne(Path.stay())).isEqualTo(5L);
    }
    // end
  }

  @Test
  void docsPage_showsTheTestedCode() throws IOException {
    DocSnippets.assertShown(
        "docs/microbatch.md",
        "src/test/java/dev/deimos/test/MicrobatchDocExampleTest.java",
        "module",
        "usage");
  }
}
