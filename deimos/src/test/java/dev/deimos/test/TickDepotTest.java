package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickDepotTest {
  static class TickModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareTickDepot("*ticks", 20);
      StreamTopology s = topologies.stream("ticker");
      s.pstate("$$ticks", Long.class).initialValue(0L);
      s.pstate("$$where", PState.mapSchema(Integer.class, Long.class));
      s.source("*ticks")
          .each(Ops.CURRENT_TASK_ID)
          .out("*origin")
          .localTransform("$$where", Path.key("*origin").nullToVal(0L).term(Ops.INC_LONG))
          .allPartition()
          .localTransform("$$ticks", Path.term(Ops.INC_LONG));
    }
  }

  @Test
  void tickDepot_firesRepeatedlyOnTask0_cannotBeAppended() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TickModule(), new LaunchConfig(4, 2));
      String name = TickModule.class.getName();
      PState ticks = cluster.clusterPState(name, "$$ticks");
      long deadline = System.currentTimeMillis() + 20_000;
      while (true) {
        List<Object> perTask = ticks.select(Path.stay());
        if (perTask.stream().allMatch(v -> (Long) v >= 3)) {
          break;
        }
        assertThat(System.currentTimeMillis()).as("3 ticks within 20 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      PState where = cluster.clusterPState(name, "$$where");
      assertThat((Long) where.selectOne(Path.key(0))).isGreaterThanOrEqualTo(3L);
      assertThat(where.select(Path.all())).hasSize(1);
      assertThatThrownBy(() -> cluster.clusterDepot(name, "*ticks").append("x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("*ticks")
          .hasMessageContaining("tick depot");
    }
  }

  static final java.util.concurrent.atomic.AtomicInteger PREPARED =
      new java.util.concurrent.atomic.AtomicInteger();
  static final java.util.concurrent.atomic.AtomicInteger CLOSED =
      new java.util.concurrent.atomic.AtomicInteger();

  static class Tagged implements dev.deimos.integration.TaskGlobalObject {
    final String tag;

    Tagged(String tag) {
      this.tag = tag;
    }

    @Override
    public void prepareForTask(int taskId, dev.deimos.integration.TaskGlobalContext context) {
      PREPARED.incrementAndGet();
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  /** Ticks write the current task global's tag; versions differ in the tag. */
  static class TaggedTicks implements DeimosModule {
    final String tag;

    TaggedTicks(String tag) {
      this.tag = tag;
    }

    @Override
    public String getModuleName() {
      return "test.TaggedTicks";
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareTickDepot("*ticks", 10);
      setup.declareObject("*tagged", new Tagged(tag));
      StreamTopology s = topologies.stream("tags");
      s.pstate("$$lastTag", String.class).global();
      s.source("*ticks")
          .each((Tagged t) -> t.tag, "*tagged")
          .out("*tag")
          .localTransform("$$lastTag", Path.termVal("*tag"));
    }
  }

  @Test
  void updateModule_tickDepotKeepsTicking_taskGlobalsReplaced() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TaggedTicks("v1"), new LaunchConfig(2, 2));
      PState last = cluster.clusterPState("test.TaggedTicks", "$$lastTag");
      awaitValue(last, "v1");
      int closedBefore = CLOSED.get();
      int preparedBefore = PREPARED.get();
      cluster.updateModule(new TaggedTicks("v2"));
      assertThat(CLOSED.get() - closedBefore).isEqualTo(2);
      assertThat(PREPARED.get() - preparedBefore).isEqualTo(2);
      awaitValue(last, "v2");
    }
  }

  private static void awaitValue(PState p, String want) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!want.equals(p.selectOne(Path.stay()))) {
      assertThat(System.currentTimeMillis()).as(want + " within 20 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void declareTickDepot_nonPositiveFrequency_rejected() {
    DeimosModule bad = (setup, topologies) -> setup.declareTickDepot("*t", 0);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(bad, new LaunchConfig(1, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("*t");
    }
  }
}
