package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Helpers;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SelectOptions;
import dev.deimos.SubSource;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chain methods added for parity with Rama's Block.Impl (pathPartition, the eight-argument
 * customPartition, selects with SelectOptions), used from Case and SubSource bodies too.
 */
class ChainApiInTopologyTest {
  static final int TASKS = 4;

  static class Routes implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("routes");
      s.pstate("$$owner", PState.mapSchema(String.class, Integer.class));
      s.pstate("$$picked", PState.mapSchema(String.class, Integer.class));
      s.pstate("$$echo", PState.mapSchema(String.class, Integer.class));
      s.source("*d")
          .out("*k")
          // routes by the PState's key partitioner, like the partitioner select inserts
          .pathPartition("$$owner", Path.key("*k"))
          .each(Ops.CURRENT_TASK_ID)
          .out("*t")
          .localTransform("$$owner", Path.key("*k").termVal("*t"))
          .subSource(
              "*k",
              SubSource.create(String.class)
                  // an eight-arity partitioner function: task count plus seven arguments
                  .customPartition(
                      (Integer n,
                          Integer a,
                          Integer b,
                          Integer c,
                          Integer d,
                          Integer e,
                          Integer f,
                          Integer g) -> (a + b + c + d + e + f + g) % n,
                      1,
                      1,
                      1,
                      0,
                      0,
                      0,
                      0)
                  .each(Ops.CURRENT_TASK_ID)
                  .out("*t2")
                  .select("$$owner", Path.key("*k"), SelectOptions.allowYield())
                  .out("*owner"))
          .cond(
              Case.create(true)
                  .hashPartition("$$picked", "*k")
                  .localTransform("$$picked", Path.key("*k").termVal("*t2"))
                  .localSelect("$$owner", Path.key("*k"), SelectOptions.create())
                  .out("*again")
                  .localTransform("$$echo", Path.key("*k").termVal("*again")));
    }
  }

  @Test
  void pathPartition_customPartitionAndSelectOptions_routeToTheRightTasks() {
    List<String> keys = Helpers.genHashingIndexKeys(TASKS);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new Routes(), new LaunchConfig(TASKS, 2));
      String m = Routes.class.getName();
      Depot d = cluster.clusterDepot(m, "*d");
      for (String k : keys) {
        d.append(k);
      }
      PState owner = cluster.clusterPState(m, "$$owner");
      PState picked = cluster.clusterPState(m, "$$picked");
      PState echo = cluster.clusterPState(m, "$$echo");
      for (int i = 0; i < TASKS; i++) {
        String k = keys.get(i);
        // key i hashes to task i, and pathPartition wrote it there
        assertThat((Integer) owner.selectOne(Path.key(k))).isEqualTo(i);
        assertThat((Integer) picked.selectOne(Path.key(k))).isEqualTo(3);
        assertThat((Integer) echo.selectOne(Path.key(k))).isEqualTo(i);
      }
    }
  }

  @Test
  void localExecution_eightArityCustomPartition_continuesInPlace() {
    List<Object> seen = new java.util.ArrayList<>();
    Block.each(Ops.IDENTITY, "a")
        .out("*k")
        .customPartition(
            (Integer n,
                String a,
                Integer b,
                Integer c,
                Integer d,
                Integer e,
                Integer f,
                Integer g) -> 0,
            "*k",
            2,
            3,
            4,
            5,
            6,
            7)
        .each((String k) -> seen.add(k), "*k")
        .execute();
    assertThat(seen).containsExactly("a");
  }
}
