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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
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
    String doc = normalize(read("../docs/microbatch.md"));
    String src = read("src/test/java/dev/deimos/test/MicrobatchDocExampleTest.java");
    for (String region : List.of("module", "usage")) {
      String code = normalize(between(src, "// doc:" + region, "// end"));
      code = code.replace("public static class", "public class");
      assertThat(doc).as("docs/microbatch.md shows the %s code", region).contains(code);
    }
  }

  private static String read(String p) throws IOException {
    return new String(Files.readAllBytes(Paths.get(p)), StandardCharsets.UTF_8);
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    int j = s.indexOf(end, i);
    return s.substring(s.indexOf('\n', i) + 1, j);
  }

  private static String normalize(String s) {
    List<String> lines = new ArrayList<>();
    for (String l : s.split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return String.join("\n", lines);
  }
}
