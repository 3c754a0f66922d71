package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamSourceOptionsTest {

  /** Each record fans out to RANGE(0, n) on random tasks, each returning its value. */
  static class FanOutModule implements DeimosModule {
    final StreamSourceOptions options;

    FanOutModule(StreamSourceOptions options) {
      this.options = options;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("fan");
      s.source("*d", options)
          .out("*n")
          .each(Ops.RANGE, 0, "*n")
          .out("*v")
          .shufflePartition()
          .ackReturn("*v");
    }
  }

  private static Object ackOf(StreamSourceOptions options, int n) {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new FanOutModule(options), new LaunchConfig(8, 3));
      return cluster.clusterDepot(FanOutModule.class.getName(), "*d").append(n).get("fan");
    }
  }

  @Test
  void ackReturnAgg_builtInSum_combinesValuesFromAllTasks() {
    assertThat(ackOf(StreamSourceOptions.ackReturnAgg(Agg::sum), 10)).isEqualTo(45L);
    assertThat(ackOf(StreamSourceOptions.create().ackReturnAgg(Agg::max), 10)).isEqualTo(9);
    assertThat(ackOf(StreamSourceOptions.ackReturnAgg(Agg::set), 3))
        .isEqualTo(new java.util.HashSet<>(List.of(0, 1, 2)));
  }

  @Test
  void ackReturnAgg_default_keepsOneOfTheValues_noAckReturn_null() {
    assertThat(ackOf(StreamSourceOptions.create(), 5)).isIn(0, 1, 2, 3, 4);
    assertThat(ackOf(StreamSourceOptions.ackReturnAgg(Agg::sum), 0)).isNull();
  }

  static class SumCombiner implements DeimosCombinerAgg<Integer> {
    @Override
    public Integer combine(Integer curr, Integer arg) {
      return curr + arg;
    }

    @Override
    public Integer zeroVal() {
      return 100;
    }
  }

  static class Collect implements DeimosAccumulatorAgg1<List<Integer>, Integer> {
    @Override
    public List<Integer> accumulate(List<Integer> curr, Integer v) {
      List<Integer> out = new ArrayList<>(curr);
      out.add(v);
      Collections.sort(out);
      return out;
    }

    @Override
    public List<Integer> initVal() {
      return List.of(-1);
    }
  }

  @Test
  void ackReturnAgg_customCombinerAndAccumulator_startFromTheirInitialValues() {
    assertThat(ackOf(StreamSourceOptions.ackReturnAgg(new SumCombiner()), 4)).isEqualTo(106);
    assertThat(ackOf(StreamSourceOptions.ackReturnAgg(new Collect()), 3))
        .isEqualTo(List.of(-1, 0, 1, 2));
  }

  /** Records the order keys are finally processed in; fails the first attempt of "bad". */
  static class OrderModule implements DeimosModule {
    final StreamSourceOptions options;
    final List<String> processed = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    OrderModule(StreamSourceOptions options) {
      this.options = options;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random()).global();
      StreamTopology s = topologies.stream("order");
      s.pstate("$$n", PState.mapSchema(String.class, Long.class)).global();
      List<String> out = processed;
      Map<String, AtomicInteger> tries = attempts;
      s.source("*d", options)
          .out("*k")
          .each(
              (String k) -> {
                int a = tries.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                if (k.startsWith("bad") && a == 1) {
                  throw new IllegalStateException("first attempt of " + k + " fails");
                }
                out.add(k);
                return k;
              },
              "*k")
          .out("*k2")
          .localTransform("$$n", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  @Test
  void retryAllAfter_failedRecordRetriedBeforeLaterRecordsOfItsPartition() throws Exception {
    OrderModule m = new OrderModule(StreamSourceOptions.retryAllAfter());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(4, 4));
      Depot d = cluster.clusterDepot(OrderModule.class.getName(), "*d");
      List<CompletableFuture<Map<String, Object>>> acks = new ArrayList<>();
      List<String> keys = List.of("a", "bad1", "b", "c", "bad2", "d");
      for (String k : keys) {
        acks.add(d.appendAsync(k));
      }
      for (CompletableFuture<Map<String, Object>> f : acks) {
        f.get();
      }
      // each record processed once, in append order, although two failed once
      assertThat(m.processed).containsExactlyElementsOf(keys);
      assertThat(m.attempts.get("bad1").get()).isEqualTo(2);
    }
  }

  @Test
  void retryNone_failedRecordDropped_laterRecordsStillProcessed() {
    OrderModule m = new OrderModule(StreamSourceOptions.retryNone());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(OrderModule.class.getName(), "*d");
      d.append("a");
      assertThatThrownBy(() -> d.append("bad")).hasMessageContaining("first attempt of bad");
      d.append("b");
      assertThat(m.processed).containsExactly("a", "b");
      assertThat(m.attempts.get("bad").get()).isEqualTo(1);
      assertThat(
              (Object)
                  cluster
                      .clusterPState(OrderModule.class.getName(), "$$n")
                      .selectOne(Path.key("bad")))
          .isNull();
    }
  }

  @Test
  void individualRetry_default_retriesOnlyTheFailedRecord() {
    OrderModule m = new OrderModule(StreamSourceOptions.create());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(OrderModule.class.getName(), "*d");
      d.append("a");
      d.append("bad");
      d.append("b");
      assertThat(m.processed).containsExactly("a", "bad", "b");
      assertThat(m.attempts.get("a").get()).isEqualTo(1);
      assertThat(m.attempts.get("bad").get()).isEqualTo(2);
    }
  }

  @Test
  void failure_logNamesTheNodeThatThrew_appendFailsWithUserException() {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    OrderModule m = new OrderModule(StreamSourceOptions.retryNone());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      System.setErr(new java.io.PrintStream(buf, true));
      assertThatThrownBy(
              () -> cluster.clusterDepot(OrderModule.class.getName(), "*d").append("bad-7"))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("first attempt of bad-7 fails");
    } finally {
      System.setErr(old);
    }
    assertThat(buf.toString())
        .contains(OrderModule.class.getName())
        .contains("topology order")
        .contains("record bad-7")
        .contains("at node each(lambda");
  }

  @Test
  void startFromOffsetAgo_negativeAmount_rejected() {
    assertThatThrownBy(
            () -> StreamSourceOptions.startFromOffsetAgo(-1, dev.deimos.module.OffsetAgo.RECORDS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
