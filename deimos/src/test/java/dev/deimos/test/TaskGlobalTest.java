package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.impl.data.KeyHash;
import dev.deimos.integration.TaskGlobalContext;
import dev.deimos.integration.TaskGlobalObject;
import dev.deimos.module.StreamTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskGlobalTest {
  static final AtomicInteger CLOSED = new AtomicInteger();

  /** Remembers the task it was prepared for. */
  static class PerTask implements TaskGlobalObject {
    private static final long serialVersionUID = 1L;
    int taskId = -1;
    String var;

    @Override
    public void prepareForTask(int taskId, TaskGlobalContext context) {
      this.taskId = taskId;
      this.var = context.getVarName();
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  static class GlobalsModule implements DeimosModule {
    final List<String> tags = new ArrayList<>(List.of("a"));

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      setup.declareObject("*perTask", new PerTask());
      setup.declareObject("*tags", tags);
      StreamTopology s = topologies.stream("globals");
      s.source("*d")
          .out("*k")
          .hashPartition("*k")
          .each(
              (PerTask p, List<String> t) -> p.var + ":" + p.taskId + ":" + t, "*perTask", "*tags")
          .out("*r")
          .ackReturn("*r");
    }
  }

  @Test
  void declareObject_afterHop_seesTargetTasksCopy_closedOnShutdown() {
    CLOSED.set(0);
    GlobalsModule m = new GlobalsModule();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(4, 2));
      m.tags.add("changed after launch");
      Depot d = cluster.clusterDepot(GlobalsModule.class.getName(), "*d");
      for (String k : List.of("x", "y", "z", "w")) {
        Map<String, Object> ack = d.append(k);
        assertThat(ack).containsEntry("globals", "*perTask:" + KeyHash.taskFor(k, 4) + ":[a]");
      }
    }
    assertThat(CLOSED.get()).isEqualTo(4);
  }

  @Test
  void declareObject_unserializable_failsAtLaunch() {
    DeimosModule bad = (setup, topologies) -> setup.declareObject("*o", new Object());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(bad, new LaunchConfig(1, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("declareObject(*o)");
    }
  }

  static final java.util.Set<String> TICKS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Records which task ticked, and on which thread. */
  static class Ticker implements dev.deimos.integration.TaskGlobalObjectWithTick {
    private static final long serialVersionUID = 1L;
    int taskId;

    @Override
    public void prepareForTask(int taskId, TaskGlobalContext context) {
      this.taskId = taskId;
    }

    @Override
    public long getFrequencyMillis() {
      return 10;
    }

    @Override
    public void tick() {
      TICKS.add(taskId + "@" + dev.deimos.ops.Ops.CURRENT_TASK_ID.invoke());
    }

    @Override
    public void close() {}
  }

  @Test
  void taskGlobalWithTick_ticksOnEveryTaskInItsContext() throws Exception {
    TICKS.clear();
    DeimosModule m = (setup, topologies) -> setup.declareObject("*t", new Ticker());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 1));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (TICKS.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    assertThat(TICKS).containsExactlyInAnyOrder("0@0", "1@1");
  }
}
