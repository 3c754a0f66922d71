package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import org.junit.jupiter.api.Test;

class ModuleMirrorTest {

  /** Owns word counts and a query over them. */
  static class Counts implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("count");
      s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      s.source("*words")
          .out("*w")
          .localTransform("$$counts", Path.key("*w").nullToVal(0L).term(Ops.INC_LONG));
      topologies
          .query("get", "*w")
          .out("*n")
          .hashPartition("$$counts", "*w")
          .localSelect("$$counts", Path.key("*w").nullToVal(0L))
          .out("*n")
          .originPartition();
    }
  }

  /** Reads and feeds the Counts module through mirrors. */
  static class Reader implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      // a record that always fails is retried for this long before its append fails
      setup.setLaunchModuleDynamicOption("topology.stream.timeout.seconds", 0.5);
      String counts = Counts.class.getName();
      setup.clusterDepot("*theirWords", counts, "*words");
      setup.clusterPState("$$theirCounts", counts, "$$counts");
      setup.clusterQuery("*theirGet", counts, "get");
      setup.declareDepot("*in", Depot.random());
      topologies.stream("relay").source("*in").out("*w").depotPartitionAppend("*theirWords", "*w");
      topologies.stream("writer")
          .source("*in")
          .out("*w")
          .keepTrue(new dev.deimos.Expr(Ops.EQUAL, "*w", "bad"))
          .localTransform("$$theirCounts", Path.key("*w").termVal(1L));
      topologies
          .query("lookup", "*w")
          .out("*n")
          .select("$$theirCounts", Path.key("*w").nullToVal(0L))
          .out("*n")
          .originPartition();
      topologies
          .query("viaQuery", "*w")
          .out("*n")
          .invokeQuery("*theirGet", "*w")
          .out("*n")
          .originPartition();
    }
  }

  static class Dangling implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.clusterPState("$$x", "no.such.Module", "$$p");
    }
  }

  @Test
  void mirrors_appendToDepot_selectPState_invokeQuery_ofAnotherModule() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counts(), new LaunchConfig(4, 2));
      cluster.launchModule(new Reader(), new LaunchConfig(2, 1));
      Depot in = cluster.clusterDepot(Reader.class.getName(), "*in");
      in.append("x");
      in.append("x");
      in.append("y");
      String reader = Reader.class.getName();
      assertThat(cluster.<Long>clusterQuery(reader, "lookup").invoke("x")).isEqualTo(2L);
      assertThat(cluster.<Long>clusterQuery(reader, "lookup").invoke("nope")).isEqualTo(0L);
      assertThat(cluster.<Long>clusterQuery(reader, "viaQuery").invoke("y")).isEqualTo(1L);
      assertThat(
              (Long)
                  cluster
                      .clusterPState(Counts.class.getName(), "$$counts")
                      .selectOne(Path.key("x")))
          .isEqualTo(2L);
    }
  }

  @Test
  void mirrorPState_cannotBeWritten() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Counts(), new LaunchConfig(2, 1));
      cluster.launchModule(new Reader(), new LaunchConfig(2, 1));
      Depot in = cluster.clusterDepot(Reader.class.getName(), "*in");
      assertThatThrownBy(() -> in.append("bad"))
          .hasMessageContaining("$$theirCounts")
          .hasMessageContaining("cannot be written");
    }
  }

  @Test
  void mirrorOfMissingModule_failsLaunchNamingVar() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(new Dangling(), new LaunchConfig(2, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$$x")
          .hasMessageContaining("no.such.Module");
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
    }
  }
}
