package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.SubBatch;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class QueryFeaturesTest {

  /** Sums longs with a custom combiner (so the groupBy below stays two-phase). */
  static final class SumCombiner implements DeimosCombinerAgg<Long> {
    @Override
    public Long combine(Long curr, Long arg) {
      return curr + arg;
    }

    @Override
    public Long zeroVal() {
      return 0L;
    }
  }

  /** Sums longs as an accumulator (raw inputs travel to the group's task). */
  static final class SumAccumulator implements DeimosAccumulatorAgg1<Long, Long> {
    @Override
    public Long initVal() {
      return 0L;
    }

    @Override
    public Long accumulate(Long curr, Long x) {
      return curr + x;
    }
  }

  static class FeaturesModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      // generous: the concurrency test below runs many invocations on a loaded 2-core CI machine
      setup.setLaunchModuleDynamicOption("topology.query.timeout.millis", 3000);
      setup.declareDepot("*asks", Depot.random());

      // every task writes the invocation's value into its temp partition, then reads it back in a
      // later event (after a hop to itself), so concurrent invocations interleave on each task
      topologies
          .query("scratch", "*x")
          .out("*res")
          .allPartition()
          .localSelect("$$scratch$$", Path.stay())
          .out("*before")
          .localTransform("$$scratch$$", Path.termVal("*x"))
          .each(Ops.CURRENT_TASK_ID)
          .out("*t")
          .directPartition("*t")
          .localSelect("$$scratch$$", Path.stay())
          .out("*after")
          .each((Object b, Object a) -> Arrays.asList(b, a), "*before", "*after")
          .out("*pair")
          .originPartition()
          .agg(Agg.list("*pair"))
          .out("*res");

      // groupBy per x mod 7 on data spread over all tasks: combiners and an accumulator
      Block grouped =
          Block.each(Ops.EXPLODE, "*xs")
              .out("*x")
              .shufflePartition()
              .each((Long x) -> Math.floorMod(x, 7L), "*x")
              .out("*k")
              .groupBy(
                  "*k",
                  Block.agg(Agg.sum("*x"))
                      .out("*s")
                      .agg(Agg.count())
                      .out("*c")
                      .agg(Agg.max("*x"))
                      .out("*m")
                      .agg(Agg.combiner(new SumCombiner(), "*x"))
                      .out("*cs"));
      topologies
          .query("groups", "*xs")
          .out("*res")
          .subBatch(new SubBatch(grouped, "*k", "*s", "*c", "*m", "*cs"))
          .out("*k", "*s", "*c", "*m", "*cs")
          .each(
              (Long k, Long s, Long c, Long m, Long cs) -> Arrays.asList(k, s, c, m, cs),
              "*k",
              "*s",
              "*c",
              "*m",
              "*cs")
          .out("*row")
          .originPartition()
          .agg(Agg.set("*row"))
          .out("*res");

      Block accumulated =
          Block.each(Ops.EXPLODE, "*xs")
              .out("*x")
              .shufflePartition()
              .each((Long x) -> Math.floorMod(x, 7L), "*x")
              .out("*k")
              .groupBy("*k", Block.agg(Agg.accumulator(new SumAccumulator(), "*x")).out("*s"));
      topologies
          .query("accumulated", "*xs")
          .out("*res")
          .subBatch(new SubBatch(accumulated, "*k", "*s"))
          .out("*k", "*s")
          .each((Long k, Long s) -> Arrays.asList(k, s), "*k", "*s")
          .out("*row")
          .originPartition()
          .agg(Agg.set("*row"))
          .out("*res");

      topologies
          .query("boom", "*x")
          .out("*y")
          .shufflePartition()
          .each(
              (Long x) -> {
                if (x < 0) {
                  throw new IllegalArgumentException("negative input " + x);
                }
                return x;
              },
              "*x")
          .out("*y")
          .originPartition();

      topologies
          .query("slow")
          .out("*r")
          .eachAsync(() -> new CompletableFuture<Object>())
          .out("*r")
          .originPartition();

      topologies
          .query("origin")
          .out("*same")
          .each(Ops.CURRENT_TASK_ID)
          .out("*start")
          .allPartition()
          .originPartition()
          .each(Ops.CURRENT_TASK_ID)
          .out("*here")
          .agg(Agg.set("*here"))
          .out("*heres")
          .each((Set<Integer> h) -> h.size() == 1, "*heres")
          .out("*same");

      topologies
          .query("plusOne", "*x")
          .out("*y")
          .each(Ops.PLUS, "*x", 1L)
          .out("*y")
          .originPartition();
      topologies.stream("asker")
          .source("*asks")
          .out("*x")
          .invokeQuery("plusOne", "*x")
          .out("*y")
          .ackReturn("*y");
    }
  }

  private static final String NAME = FeaturesModule.class.getName();

  @Test
  void tempPState_startsNullAndIsPrivateToEachInvocation_underConcurrency() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FeaturesModule(), new LaunchConfig(8, 2));
      QueryTopologyClient<List<List<Object>>> q = cluster.clusterQuery(NAME, "scratch");
      ExecutorService pool = Executors.newFixedThreadPool(12);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int th = 0; th < 12; th++) {
          int base = th * 1000;
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 15; i++) {
                      long x = base + i;
                      List<List<Object>> res = q.invoke(x);
                      assertThat(res).hasSize(8);
                      for (List<Object> pair : res) {
                        assertThat(pair).containsExactly(null, x);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static Set<List<Long>> expectedGroups(List<Long> xs) {
    Map<Long, long[]> g = new java.util.TreeMap<>();
    for (long x : xs) {
      long[] a = g.computeIfAbsent(Math.floorMod(x, 7L), k -> new long[] {0, 0, Long.MIN_VALUE});
      a[0] += x;
      a[1]++;
      a[2] = Math.max(a[2], x);
    }
    Set<List<Long>> out = new HashSet<>();
    g.forEach((k, a) -> out.add(Arrays.asList(k, a[0], a[1], a[2], a[0])));
    return out;
  }

  @Test
  void twoPhaseGroupBy_on8Tasks_equalsSingleTaskAndPlainJava() {
    Random rnd = new Random(42);
    List<List<Long>> inputs = new ArrayList<>();
    inputs.add(Arrays.asList(5L));
    for (int i = 0; i < 6; i++) {
      List<Long> xs = new ArrayList<>();
      int n = 1 + rnd.nextInt(300);
      for (int j = 0; j < n; j++) {
        xs.add((long) rnd.nextInt(2000) - 1000);
      }
      inputs.add(xs);
    }
    try (InProcessCluster many = InProcessCluster.create();
        InProcessCluster one = InProcessCluster.create()) {
      many.launchModule(new FeaturesModule(), new LaunchConfig(8, 2));
      one.launchModule(new FeaturesModule(), new LaunchConfig(1, 1));
      QueryTopologyClient<Set<List<Long>>> q8 = many.clusterQuery(NAME, "groups");
      QueryTopologyClient<Set<List<Long>>> q1 = one.clusterQuery(NAME, "groups");
      // without any input the set aggregator yields null (see docs/aggregators.md)
      assertThat(q8.invoke(new ArrayList<Long>())).isNull();
      assertThat(q1.invoke(new ArrayList<Long>())).isNull();
      for (List<Long> xs : inputs) {
        Set<List<Long>> expected = expectedGroups(xs);
        assertThat(q8.invoke(xs)).isEqualTo(expected);
        assertThat(q1.invoke(xs)).isEqualTo(expected);
      }
    }
  }

  @Test
  void accumulatorGroupBy_rawInputsReachGroupTask_exactSums() {
    List<Long> xs = new ArrayList<>();
    for (long i = -50; i < 150; i++) {
      xs.add(i);
    }
    Set<List<Long>> expected = new HashSet<>();
    for (List<Long> row : expectedGroups(xs)) {
      expected.add(Arrays.asList(row.get(0), row.get(1)));
    }
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FeaturesModule(), new LaunchConfig(8, 3));
      QueryTopologyClient<Set<List<Long>>> q = cluster.clusterQuery(NAME, "accumulated");
      assertThat(q.invoke(xs)).isEqualTo(expected);
    }
  }

  @Test
  void postAggregation_runsOnOriginTask() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FeaturesModule(), new LaunchConfig(8, 2));
      QueryTopologyClient<Boolean> q = cluster.clusterQuery(NAME, "origin");
      for (int i = 0; i < 10; i++) {
        assertThat(q.invoke()).isTrue();
      }
    }
  }

  @Test
  void throwingQuery_failsNamingModuleQueryAndNode() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FeaturesModule(), new LaunchConfig(4, 2));
      QueryTopologyClient<Long> q = cluster.clusterQuery(NAME, "boom");
      assertThat(q.invoke(3L)).isEqualTo(3L);
      assertThatThrownBy(() -> q.invoke(-1L))
          .hasMessageContaining("module " + NAME)
          .hasMessageContaining("query boom")
          .hasMessageContaining("each(")
          .hasRootCauseInstanceOf(IllegalArgumentException.class)
          .hasRootCauseMessage("negative input -1");
      assertThat(q.invokeAsync(-2L)).failsWithin(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void queryPastItsTimeout_completesExceptionallyWithTimeout() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FeaturesModule(), new LaunchConfig(2, 1));
      QueryTopologyClient<Object> q = cluster.clusterQuery(NAME, "slow");
      assertThatThrownBy(q::invoke)
          .hasMessageContaining("query slow")
          .hasMessageContaining("3000 ms")
          .hasCauseInstanceOf(TimeoutException.class);
      // the cluster still answers other queries afterwards
      assertThat(cluster.<Long>clusterQuery(NAME, "plusOne").invoke(1L)).isEqualTo(2L);
    }
  }

  @Test
  void invokeQuery_fromStreamTopology_bindsResult() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FeaturesModule(), new LaunchConfig(4, 2));
      Depot asks = cluster.clusterDepot(NAME, "*asks");
      assertThat(asks.append(41L)).containsEntry("asker", 42L);
    }
  }

  static class NoOrigin implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      topologies.query("q", "*a").out("*r").shufflePartition().each(Ops.IDENTITY, "*a").out("*r");
    }
  }

  static class Unbound implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      topologies.query("q", "*a").out("*r").each(Ops.PLUS, "*a", "*b").out("*r").originPartition();
    }
  }

  static class BadInput implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      topologies.query("q", "a").out("*r").each(Ops.IDENTITY, 1).out("*r").originPartition();
    }
  }

  static class NoResult implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      topologies.query("q", "*a").out("*r").originPartition().each(Ops.IDENTITY, "*a").out("*x");
    }
  }

  @Test
  void compileErrors_nameQueryAndProblem() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(new NoOrigin(), new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("query q")
          .hasMessageContaining("originPartition");
      assertThatThrownBy(() -> cluster.launchModule(new Unbound(), new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("query q")
          .hasMessageContaining("*b");
      assertThatThrownBy(() -> cluster.launchModule(new BadInput(), new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("input var 'a'");
      assertThatThrownBy(() -> cluster.launchModule(new NoResult(), new LaunchConfig(2, 1)))
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("*r");
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
    }
  }
}
