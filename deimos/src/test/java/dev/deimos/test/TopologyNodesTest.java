package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.AckLevel;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TopologyNodesTest {

  /** Word count plus a reader topology, a forwarding topology and an async topology. */
  static class Module implements DeimosModule {
    final CompletableFuture<String> gate = new CompletableFuture<>();

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
      setup.declareDepot("*queries", Depot.random());
      setup.declareDepot("*forward", Depot.random());
      setup.declareDepot("*async", Depot.random());
      StreamTopology counter = topologies.stream("counter");
      counter.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      counter
          .source("*words")
          .out("*w")
          .localTransform("$$counts", Path.key("*w").nullToVal(0L).term(Ops.INC_LONG));
      topologies.stream("reader")
          .source("*queries")
          .out("*w")
          .select("$$counts", Path.key("*w"))
          .out("*c")
          .ackReturn("*c");
      topologies.stream("forwarder")
          .source("*forward")
          .out("*w")
          .hashPartition("*w")
          .depotPartitionAppend("*words", "*w");
      CompletableFuture<String> g = gate;
      topologies.stream("async")
          .source("*async")
          .out("*w")
          .eachAsync(w -> g.thenApply(s -> s + w), "*w")
          .out("*r")
          .ackReturn("*r");
    }
  }

  private static final String NAME = Module.class.getName();

  @Test
  void select_readsPStateOnOwningTask_fromAnotherTopology() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Module(), new LaunchConfig(4, 2));
      Depot words = cluster.clusterDepot(NAME, "*words");
      words.append("apple");
      words.append("apple");
      Map<String, Object> ack = cluster.clusterDepot(NAME, "*queries").append("apple");
      assertThat(ack).containsEntry("reader", 2L);
    }
  }

  @Test
  void depotPartitionAppend_atAck_waitsForDownstreamTopology() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Module(), new LaunchConfig(4, 2));
      Depot forward = cluster.clusterDepot(NAME, "*forward");
      for (int i = 0; i < 5; i++) {
        forward.append("pear");
      }
      // the forwarder hops to the word's task, so its partition of *words is the aligned one
      assertThat((Long) cluster.clusterPState(NAME, "$$counts").selectOne(Path.key("pear")))
          .isEqualTo(5L);
    }
  }

  @Test
  void eachAsync_doesNotBlockTaskThread_continuesWhenFutureCompletes() throws Exception {
    Module m = new Module();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      CompletableFuture<Map<String, Object>> pending =
          cluster.clusterDepot(NAME, "*async").appendAsync("x", AckLevel.ACK);
      // the only task thread still serves other work while the async step waits
      cluster.clusterDepot(NAME, "*words").append("fig");
      assertThat((Long) cluster.clusterPState(NAME, "$$counts").selectOne(Path.key("fig")))
          .isEqualTo(1L);
      assertThat(pending).isNotDone();
      m.gate.complete("done-");
      assertThat(pending.get(5, TimeUnit.SECONDS)).containsEntry("async", "done-x");
    }
  }

  @Test
  void close_withAppendWaitingOnAsyncWork_failsTheAppendInsteadOfHanging() throws Exception {
    Module m = new Module();
    CompletableFuture<Map<String, Object>> pending;
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      pending = cluster.clusterDepot(NAME, "*async").appendAsync("x", AckLevel.ACK);
    }
    assertThat(pending).failsWithin(5, TimeUnit.SECONDS);
  }
}
