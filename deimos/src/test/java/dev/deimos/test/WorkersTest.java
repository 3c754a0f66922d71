package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkersTest {
  /** A value that is fine inside one JVM but cannot travel between processes. */
  static final class Handle {
    final String name;

    Handle(String name) {
      this.name = name;
    }
  }

  /** Binds an unserializable value, then hops with it still live. */
  static class CarryModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("carrier");
      s.pstate("$$names", PState.mapSchema(String.class, String.class));
      s.source("*d", StreamSourceOptions.retryNone())
          .out("*k")
          .each((String k) -> new Handle("h-" + k), "*k")
          .out("*h")
          .shufflePartition()
          .hashPartition("*k")
          .each((Handle h) -> h.name, "*h")
          .out("*name")
          .localTransform("$$names", Path.key("*k").termVal("*name"));
    }
  }

  @Test
  void oneWorker_unserializableVarAcrossPartitioner_works() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new CarryModule(), new LaunchConfig(4, 4));
      cluster.clusterDepot(CarryModule.class.getName(), "*d").append("a");
      String v =
          cluster.clusterPState(CarryModule.class.getName(), "$$names").selectOne(Path.key("a"));
      assertThat(v).isEqualTo("h-a");
    }
  }

  @Test
  void twoWorkers_unserializableVarCrossingWorkers_failsNamingModuleTopologyAndNode() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new CarryModule(), new LaunchConfig(4, 4).numWorkers(2));
      Depot d = cluster.clusterDepot(CarryModule.class.getName(), "*d");
      // some of the keys must cross workers at one of the two partitioners
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 20; i++) {
                  d.append("k" + i);
                }
              })
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(CarryModule.class.getName())
          .hasMessageContaining("topology carrier")
          .hasMessageContaining("Partition")
          .hasMessageContaining(Handle.class.getName());
    }
  }

  /** Serializable values cross workers and come back equal. */
  static class SumModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("sum");
      s.pstate("$$sums", PState.mapSchema(String.class, Long.class));
      s.source("*d")
          .out("*rec")
          .each(Ops.GET, "*rec", 0)
          .out("*k")
          .each(Ops.GET, "*rec", 1)
          .out("*n")
          .hashPartition("*k")
          .localTransform("$$sums", Path.key("*k").nullToVal(0L).term(Ops.PLUS, "*n"));
    }
  }

  @Test
  void threeWorkers_serializableFramesCrossWorkers_resultsExact() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new SumModule(), new LaunchConfig(8, 6).numWorkers(3));
      Depot d = cluster.clusterDepot(SumModule.class.getName(), "*d");
      for (int i = 0; i < 60; i++) {
        d.append(List.of("k" + (i % 5), (long) i));
      }
      PState sums = cluster.clusterPState(SumModule.class.getName(), "$$sums");
      long total = 0;
      for (int k = 0; k < 5; k++) {
        total += (Long) sums.selectOne(Path.key("k" + k));
      }
      assertThat(total).isEqualTo(59L * 60 / 2);
    }
  }

  @Test
  void numWorkers_moreThanThreads_rejected() {
    assertThatThrownBy(() -> new LaunchConfig(4, 2).numWorkers(3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
