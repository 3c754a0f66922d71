package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/queries.md and checks the page still shows this code. */
class QueriesDocExampleTest {
  // doc:module
  public static class FollowsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*follows", Depot.hashBy(Ops.FIRST));
      StreamTopology s = topologies.stream("follows");
      s.pstate("$$following", PState.mapSchema(String.class, PState.setSchema(String.class)));
      s.source("*follows")
          .out("*pair")
          .each(Ops.EXPAND, "*pair")
          .out("*from", "*to")
          .localTransform("$$following", Path.key("*from").voidSetElem().termVal("*to"));

      // how many accounts do these users follow in total?
      topologies
          .query("totalFollowing", "*users")
          .out("*total")
          .each(Ops.EXPLODE, "*users")
          .out("*user")
          .select("$$following", Path.key("*user").view(Ops.SIZE))
          .out("*n")
          .originPartition()
          .agg(Agg.sum("*n"))
          .out("*total");

      // the same, through another query invoked once per user
      topologies
          .query("following", "*user")
          .out("*n")
          .hashPartition("$$following", "*user")
          .localSelect("$$following", Path.key("*user").view(Ops.SIZE))
          .out("*n")
          .originPartition();
      topologies
          .query("totalViaQueries", "*users")
          .out("*total")
          .each(Ops.EXPLODE, "*users")
          .out("*user")
          .invokeQuery("following", "*user")
          .out("*n")
          .originPartition()
          .agg(Agg.sum("*n"))
          .out("*total");
    }
  }

  // end

  @Test
  void example_sumsAcrossTasks() {
    // doc:usage
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FollowsModule(), new LaunchConfig(4, 2));
      String name = FollowsModule.class.getName();
      Depot follows = cluster.clusterDepot(name, "*follows");
      follows.append(List.of("alice", "bob"));
      follows.append(List.of("alice", "carol"));
      follows.append(List.of("bob", "carol"));
      QueryTopologyClient<Long> total = cluster.clusterQuery(name, "totalFollowing");
      assertThat(total.invoke(List.of("alice", "bob", "dave"))).isEqualTo(3L);
      QueryTopologyClient<Long> viaQueries = cluster.clusterQuery(name, "totalViaQueries");
      assertThat(viaQueries.invokeAsync(List.of("alice", "bob")).join()).isEqualTo(3L);
    }
    // end
  }

  @Test
  void docsPage_showsTheTestedCode() throws IOException {
    DocSnippets.assertShown(
        "docs/queries.md",
        "src/test/java/dev/deimos/test/QueriesDocExampleTest.java",
        "module",
        "usage");
  }
}
