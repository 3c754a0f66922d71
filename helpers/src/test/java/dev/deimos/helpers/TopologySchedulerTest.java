package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scheduler in stream and microbatch topologies, driven by sim time. These tests share the
 * JVM-wide sim clock, so they must not run in parallel with other sim-time tests (the build runs
 * test classes one at a time).
 */
class TopologySchedulerTest {
  /** Schedules every appended time with the item "item"; nothing processes them. */
  static class OrderingModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*times", Depot.random());
      StreamTopology s = topologies.stream("s");
      TopologyScheduler scheduler = new TopologyScheduler("$$sched");
      scheduler.declarePStates(s);
      s.source("*times").out("*t").macro(scheduler.scheduleItem("*t", "item"));
    }
  }

  @Test
  void scheduleItem_keysSortByTime_whateverTheirDigitCount() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new OrderingModule(), new LaunchConfig(1, 1));
      String m = OrderingModule.class.getName();
      Depot times = cluster.clusterDepot(m, "*times");
      PState expirations = cluster.clusterPState(m, "$$schedExpirations");
      List<Long> appended = new ArrayList<>(List.of(0L, 9L, 10L, Long.MAX_VALUE));
      for (int i = 0; i < 300; i++) {
        // spread over every digit count, from 1 to 19 digits
        long t = (r.nextLong() >>> 1) >>> r.nextInt(63);
        appended.add(t);
      }
      for (int i = 0; i < 20; i++) {
        appended.add(appended.get(r.nextInt(appended.size())));
      }
      for (Long t : appended) {
        times.append(t);
      }
      // Integers are accepted as times too
      times.append(7);
      appended.add(7L);
      Collections.sort(appended);
      List<String> keys = expirations.select(Path.mapKeys().first());
      List<Long> stored = new ArrayList<>();
      for (String k : keys) {
        stored.add(Long.parseLong(k));
      }
      assertThat(stored).as("seed " + seed).isEqualTo(appended);
    }
  }

  /** Items are [key, dueTime]; each due item counts once into $$processed and once into $$after. */
  static class StreamModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*items", Depot.random());
      // Rama's tick rate for this test; a processed item is removed only after its handle code
      // finished, so a much faster tick could pick it up a second time (at-least-once).
      setup.declareTickDepot("*tick", 1000);
      StreamTopology s = topologies.stream("s");
      s.pstate("$$processed", PState.mapSchema(String.class, Long.class));
      s.pstate("$$after", PState.mapSchema(String.class, Long.class));
      TopologyScheduler scheduler = new TopologyScheduler("$$sched");
      scheduler.declarePStates(s);
      s.source("*items")
          .out("*data")
          .each(Ops.EXPAND, "*data")
          .out("*k", "*due")
          .macro(scheduler.scheduleItem("*due", "*k"));
      s.source("*tick")
          .macro(
              scheduler.handleExpirations(
                  "*k",
                  "*now",
                  Block.hashPartition("*k")
                      .compoundAgg("$$processed", CompoundAgg.map("*k", Agg.count()))
                      .anchor("Handled")))
          .hashPartition("*k")
          .compoundAgg("$$after", CompoundAgg.map("*k", Agg.count()))
          .hook("Handled");
    }
  }

  private static boolean is(Object expected, Object actual) {
    return Objects.equals(expected, actual);
  }

  @Test
  void streamTopology_processesItemsOnceDue_oldestFirst_andCodeAfterRunsPerItem() throws Exception {
    String m = StreamModule.class.getName();
    try (InProcessCluster cluster = InProcessCluster.create();
        Closeable sim = TopologyUtils.startSimTime()) {
      cluster.launchModule(new StreamModule(), new LaunchConfig(4, 2));
      Depot items = cluster.clusterDepot(m, "*items");
      PState processed = cluster.clusterPState(m, "$$processed");
      PState after = cluster.clusterPState(m, "$$after");
      long far = 10_000_000_000L;
      for (List<Object> item :
          List.<List<Object>>of(
              List.of("a", 11),
              List.of("b", 11),
              List.of("a", 9),
              List.of("a", 11),
              List.of("a", 10),
              List.of("b", 10),
              List.of("a", 10),
              List.of("a", far))) {
        items.append(item);
      }
      TopologyUtils.advanceSimTime(8);
      Await.holds("nothing is due at 8", 300, () -> processed.selectOne(Path.key("a")) == null);
      TopologyUtils.advanceSimTime(1);
      Await.stable("a once at 9", () -> is(1L, processed.selectOne(Path.key("a"))));
      assertThat((Object) processed.selectOne(Path.key("b"))).isNull();
      TopologyUtils.advanceSimTime(1);
      Await.stable("a three times at 10", () -> is(3L, processed.selectOne(Path.key("a"))));
      Await.stable("b once at 10", () -> is(1L, processed.selectOne(Path.key("b"))));
      TopologyUtils.advanceSimTime(1);
      Await.stable("a five times at 11", () -> is(5L, processed.selectOne(Path.key("a"))));
      Await.stable("b twice at 11", () -> is(2L, processed.selectOne(Path.key("b"))));
      Await.stable(
          "code after the handler ran per item", () -> is(5L, after.selectOne(Path.key("a"))));
      assertThat((Object) after.selectOne(Path.key("b"))).isEqualTo(2L);
      // a processed item is removed, so later ticks do not process it again
      Await.holds("no item runs twice", 300, () -> is(5L, processed.selectOne(Path.key("a"))));
      TopologyUtils.advanceSimTime(far - 11);
      Await.stable("a six times at far", () -> is(6L, processed.selectOne(Path.key("a"))));
      assertThat((Object) processed.selectOne(Path.key("b"))).isEqualTo(2L);
    }
  }

  /**
   * Items are [key, dueTime] in a microbatch topology. The handle code defines an anchor that code
   * outside the scheduler hooks onto, which Rama's helpers rely on.
   */
  static class MicrobatchModule implements DeimosModule {
    final int maxFetch;

    MicrobatchModule(int maxFetch) {
      this.maxFetch = maxFetch;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      // Rama runs microbatches back to back even when the depots are quiet; ours wait this long
      setup.setLaunchModuleDynamicOption("topology.microbatch.empty.sleep.time.millis", 20L);
      setup.declareDepot("*items", Depot.hashBy(Ops.FIRST));
      MicrobatchTopology mb = topologies.microbatch("mb");
      TopologyScheduler scheduler = new TopologyScheduler("$$sched").maxFetchAmt(maxFetch);
      scheduler.declarePStates(mb);
      mb.pstate(
          "$$counts",
          PState.mapSchema(
              String.class, PState.fixedKeysSchema("count", Long.class, "time", Long.class)));
      mb.source("*items")
          .out("*microbatch")
          .anchor("Root")
          .macro(
              scheduler.handleExpirations(
                  "*k", "*now", Block.each(Ops.IDENTITY, "*k").out("*k2").anchor("Handled")))
          .hook("Handled")
          .compoundAgg(
              "$$counts",
              CompoundAgg.map(
                  "*k2", CompoundAgg.map("count", Agg.count(), "time", Agg.last("*now"))))
          .hook("Root")
          .explodeMicrobatch("*microbatch")
          .out("*data")
          .each(Ops.EXPAND, "*data")
          .out("*k", "*due")
          .macro(scheduler.scheduleItem("*due", "*k"));
    }
  }

  @Test
  void microbatchTopology_processesEachDueItemExactlyOnce_withHookOnAnchorInHandleCode()
      throws Exception {
    String m = MicrobatchModule.class.getName();
    try (InProcessCluster cluster = InProcessCluster.create();
        Closeable sim = TopologyUtils.startSimTime()) {
      cluster.launchModule(new MicrobatchModule(1000), new LaunchConfig(4, 2));
      Depot items = cluster.clusterDepot(m, "*items");
      PState counts = cluster.clusterPState(m, "$$counts");
      for (List<Object> item :
          List.<List<Object>>of(
              List.of("a", 11),
              List.of("b", 11),
              List.of("a", 10),
              List.of("b", 10),
              List.of("c", 10),
              List.of("a", 10),
              List.of("a", 11),
              List.of("a", 100),
              List.of("a", 9))) {
        items.append(item);
      }
      cluster.waitForMicrobatchProcessedCount(m, "mb", 9);
      TopologyUtils.advanceSimTime(8);
      Await.holds("nothing is due at 8", 300, () -> counts.selectOne(Path.key("a")) == null);
      TopologyUtils.advanceSimTime(1);
      Await.stable("a once at 9", () -> is(1L, counts.selectOne(Path.key("a", "count"))));
      assertThat((Object) counts.selectOne(Path.key("a", "time"))).isEqualTo(9L);
      assertThat((Object) counts.selectOne(Path.key("b"))).isNull();
      TopologyUtils.advanceSimTime(1);
      Await.stable("a three times at 10", () -> is(3L, counts.selectOne(Path.key("a", "count"))));
      Await.stable("b once at 10", () -> is(1L, counts.selectOne(Path.key("b", "count"))));
      Await.stable("c once at 10", () -> is(1L, counts.selectOne(Path.key("c", "count"))));
      TopologyUtils.advanceSimTime(1);
      Await.stable("a five times at 11", () -> is(5L, counts.selectOne(Path.key("a", "count"))));
      Await.stable("b twice at 11", () -> is(2L, counts.selectOne(Path.key("b", "count"))));
      assertThat((Object) counts.selectOne(Path.key("c", "count"))).isEqualTo(1L);
      assertThat((Object) counts.selectOne(Path.key("a", "time"))).isEqualTo(11L);
      // items scheduled later, one already due when it arrives
      items.append(Arrays.asList("a", 5));
      items.append(Arrays.asList("a", 150));
      cluster.waitForMicrobatchProcessedCount(m, "mb", 11);
      Await.stable("a six times", () -> is(6L, counts.selectOne(Path.key("a", "count"))));
      TopologyUtils.advanceSimTime(89);
      Await.stable("a seven times at 100", () -> is(7L, counts.selectOne(Path.key("a", "count"))));
      TopologyUtils.advanceSimTime(50);
      Await.stable("a eight times at 150", () -> is(8L, counts.selectOne(Path.key("a", "count"))));
    }
  }

  @Test
  void maxFetchAmt_limitsItemsPerRun_butEveryDueItemIsProcessedOnce() throws Exception {
    String m = MicrobatchModule.class.getName();
    try (InProcessCluster cluster = InProcessCluster.create();
        Closeable sim = TopologyUtils.startSimTime()) {
      cluster.launchModule(new MicrobatchModule(2), new LaunchConfig(1, 1));
      Depot items = cluster.clusterDepot(m, "*items");
      PState counts = cluster.clusterPState(m, "$$counts");
      PState expirations = cluster.clusterPState(m, "$$schedExpirations");
      for (int i = 0; i < 7; i++) {
        items.append(Arrays.asList("k", 1));
      }
      cluster.waitForMicrobatchProcessedCount(m, "mb", 7);
      assertThat((Integer) expirations.selectOne(Path.view(Ops.SIZE))).isEqualTo(7);
      TopologyUtils.advanceSimTime(1);
      Await.stable("all seven processed", () -> is(7L, counts.selectOne(Path.key("k", "count"))));
      assertThat((Integer) expirations.selectOne(Path.view(Ops.SIZE))).isZero();
    }
  }

  @Test
  void misuse_failsWithClearMessages() {
    assertThatThrownBy(() -> new TopologyScheduler("sched"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$");
    assertThatThrownBy(() -> new TopologyScheduler("$$s").maxFetchAmt(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFetchAmt");
    TopologyScheduler undeclared = new TopologyScheduler("$$s");
    assertThatThrownBy(() -> undeclared.handleExpirations("*i", "*t", Block.each(Ops.IDENTITY, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declarePStates");
    assertThatThrownBy(() -> TopologyScheduler.timeKey(-1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
