package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import dev.deimos.test.TestPState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the code shown in the README and checks the README still shows exactly this code. */
class ReadmeExamplesTest {
  // readme:module
  public static class PageViews implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*views", Depot.hashBy(Ops.FIRST));
      StreamTopology views = topologies.stream("views");
      views.pstate(
          "$$viewsByPage",
          PState.mapSchema(String.class, PState.mapSchema(String.class, Long.class)));
      views
          .source("*views")
          .out("*view")
          .each(Ops.EXPAND, "*view")
          .out("*page", "*visitor")
          .compoundAgg(
              "$$viewsByPage", CompoundAgg.map("*page", CompoundAgg.map("*visitor", Agg.count())));
    }
  }

  // end

  // readme:mb-module
  public static class Balances implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*deposits", Depot.hashBy(Ops.FIRST));
      MicrobatchTopology mb = topologies.microbatch("balances");
      mb.pstate("$$balances", PState.mapSchema(String.class, Long.class));
      mb.source("*deposits")
          .out("*microbatch")
          .batchBlock(
              Block.explodeMicrobatch("*microbatch")
                  .out("*deposit")
                  .each(Ops.EXPAND, "*deposit")
                  .out("*account", "*amount")
                  .compoundAgg("$$balances", CompoundAgg.map("*account", Agg.sum("*amount"))));
    }
  }

  // end

  // readme:query-module
  public static class BalanceTotals extends Balances {
    @Override
    public void define(Setup setup, Topologies topologies) {
      super.define(setup, topologies);
      // the sum of every balance above *min, over the accounts of all tasks
      topologies
          .query("totalAbove", "*min")
          .out("*total")
          .allPartition()
          .localSelect("$$balances", Path.mapVals())
          .out("*balance")
          .keepTrue(new Expr(Ops.GREATER_THAN, "*balance", "*min"))
          .originPartition()
          .agg(Agg.sum("*balance"))
          .out("*total");
    }
  }

  // end

  @Test
  void moduleExample_countsViewsPerPageAndVisitor() {
    // readme:cluster
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new PageViews(), new LaunchConfig(4, 2));
      String module = PageViews.class.getName();
      Depot views = cluster.clusterDepot(module, "*views");
      PState viewsByPage = cluster.clusterPState(module, "$$viewsByPage");

      views.append(Arrays.asList("/home", "ann"));
      views.append(Arrays.asList("/home", "bob"));
      views.append(Arrays.asList("/home", "ann"));

      // append waits (AckLevel.ACK) until the topology has processed the record
      Long annOnHome = viewsByPage.selectOne(Path.key("/home", "ann"));
      Integer visitors = viewsByPage.selectOne(Path.key("/home").view(Ops.SIZE));
      // annOnHome == 2L, visitors == 2
      assertThat(annOnHome).isEqualTo(2L);
      assertThat(visitors).isEqualTo(2);
    }
    // end
  }

  @Test
  void blockExample_runsLocally() {
    // readme:block
    TestPState totals = TestPState.create(PState.mapSchema(String.class, Long.class));
    Block.each(Ops.IDENTITY, totals)
        .out("$$totals")
        .each(Ops.EXPLODE, Arrays.asList(3, 8, 12, 5))
        .out("*n")
        .ifTrue(
            new Expr(Ops.GREATER_THAN, "*n", 4),
            Block.each(Ops.IDENTITY, "big").out("*size"),
            Block.each(Ops.IDENTITY, "small").out("*size"))
        .compoundAgg("$$totals", CompoundAgg.map("*size", Agg.sum("*n")))
        .execute();
    // totals now holds {"big": 25, "small": 3}
    // end
    assertThat((Long) totals.selectOne(Path.key("big"))).isEqualTo(25L);
    assertThat((Long) totals.selectOne(Path.key("small"))).isEqualTo(3L);
    assertThat(totals.select(Path.mapKeys())).containsExactlyInAnyOrder("big", "small");
  }

  @Test
  void microbatchExample_keepsBalancesExactlyOnce() {
    // readme:mb-cluster
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Balances(), new LaunchConfig(4, 2));
      String module = Balances.class.getName();
      Depot deposits = cluster.clusterDepot(module, "*deposits");
      deposits.append(Arrays.asList("ann", 50L));
      deposits.append(Arrays.asList("bob", 20L));
      deposits.append(Arrays.asList("ann", -15L));

      // appends do not wait for microbatch topologies: wait until all three are committed
      cluster.waitForMicrobatchProcessedCount(module, "balances", 3);
      PState balances = cluster.clusterPState(module, "$$balances");
      Long ann = balances.selectOne(Path.key("ann"));
      // ann == 35L
      assertThat(ann).isEqualTo(35L);
      assertThat((Long) balances.selectOne(Path.key("bob"))).isEqualTo(20L);
    }
    // end
  }

  @Test
  void queryExample_sumsAcrossEveryTask() {
    // readme:query-cluster
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new BalanceTotals(), new LaunchConfig(4, 2));
      String module = BalanceTotals.class.getName();
      Depot deposits = cluster.clusterDepot(module, "*deposits");
      deposits.append(Arrays.asList("ann", 50L));
      deposits.append(Arrays.asList("bob", 20L));
      deposits.append(Arrays.asList("cat", 5L));
      cluster.waitForMicrobatchProcessedCount(module, "balances", 3);

      QueryTopologyClient<Long> totalAbove = cluster.clusterQuery(module, "totalAbove");
      Long total = totalAbove.invoke(10L);
      // total == 70L: ann's 50 plus bob's 20; cat's 5 is not above 10
      assertThat(total).isEqualTo(70L);
      assertThat(totalAbove.invoke(100L)).isEqualTo(0L);
    }
    // end
  }

  @Test
  void readme_showsTheTestedCode() throws IOException {
    String readme = normalize(read("../README.md"));
    String src = read("src/test/java/dev/deimos/examples/ReadmeExamplesTest.java");
    for (String region :
        List.of(
            "module",
            "cluster",
            "block",
            "mb-module",
            "mb-cluster",
            "query-module",
            "query-cluster")) {
      String code = normalize(between(src, "// readme:" + region, "// end"));
      code = code.replace("public static class", "public class");
      code = code.replaceAll("(?m)^assertThat\\(.*\\n", "");
      assertThat(readme).as("README shows the %s code", region).contains(code);
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

  /** Strips indentation and blank lines so formatting differences do not matter. */
  private static String normalize(String s) {
    List<String> lines = new ArrayList<>();
    for (String line : s.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        lines.add(t);
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
