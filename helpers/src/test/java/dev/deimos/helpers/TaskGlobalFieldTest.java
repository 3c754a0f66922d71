package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskGlobalFieldTest {
  /** Counts records per task in a TaskGlobalField and returns the task's new count. */
  static class CountingModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.IDENTITY));
      setup.declareObject("*seen", new TaskGlobalField(0L));
      topologies.stream("count")
          .source("*d")
          .out("*k")
          .each(Ops.CURRENT_TASK_ID)
          .out("*task")
          .each(
              (TaskGlobalField f, Integer task) -> {
                f.field = (Long) f.field + 1;
                return List.of(task, f.field);
              },
              "*seen",
              "*task")
          .out("*r")
          .ackReturn("*r");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void field_eachTaskHasItsOwnCopy_updatesPersistAcrossEvents() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new CountingModule(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(CountingModule.class.getName(), "*d");
      List<Object> first = new ArrayList<>();
      for (String k : List.of("a", "b", "c", "d", "e", "f")) {
        Map<String, Object> ack = d.append(k);
        first.add(ack.get("count"));
      }
      long[] perTask = new long[4];
      for (Object r : first) {
        List<?> pair = (List<?>) r;
        int task = (Integer) pair.get(0);
        perTask[task]++;
        // the count seen is this task's own running count, not a shared one
        assertThat(pair.get(1)).isEqualTo(perTask[task]);
      }
      // the same key lands on the same task: its count continues there
      List<Object> again = (List<Object>) d.append("a").get("count");
      int taskOfA = (Integer) ((List<?>) first.get(0)).get(0);
      assertThat(again).containsExactly((Object) taskOfA, (Object) (perTask[taskOfA] + 1));
    }
  }

  @Test
  void constructor_keepsInitialValue() {
    assertThat(new TaskGlobalField("x").field).isEqualTo("x");
  }
}
