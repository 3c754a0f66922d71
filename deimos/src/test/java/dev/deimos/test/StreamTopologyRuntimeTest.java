package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.KeyHash;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamTopologyRuntimeTest {

  /** Records on random partitions hop to the task owning their key. */
  static class HopModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("hopper");
      s.pstate("$$where", PState.mapSchema(String.class, Integer.class));
      s.source("*d")
          .out("*k")
          .hashPartition("*k")
          .each(Ops.CURRENT_TASK_ID)
          .out("*t")
          .localTransform("$$where", Path.key("*k").termVal("*t"))
          .ackReturn("*t");
    }
  }

  @Test
  void hashPartition_hopsToOwningTask_ackReturnsTaskAfterHop() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new HopModule(), new LaunchConfig(8, 3));
      Depot d = cluster.clusterDepot(HopModule.class.getName(), "*d");
      PState where = cluster.clusterPState(HopModule.class.getName(), "$$where");
      for (int i = 0; i < 40; i++) {
        String k = "key" + i;
        Map<String, Object> ack = d.append(k);
        int owner = KeyHash.taskFor(k, 8);
        assertThat(ack).containsEntry("hopper", owner);
        assertThat((Integer) where.selectOne(Path.key(k))).isEqualTo(owner);
      }
    }
  }

  /** Every record is counted once on every task. */
  static class AllModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("all");
      s.pstate("$$hits", Long.class).initialValue(0L);
      s.source("*d").out("*x").allPartition().localTransform("$$hits", Path.term(Ops.INC_LONG));
    }
  }

  @Test
  void allPartition_runsOnEveryTask_ackWaitsForAll() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new AllModule(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(AllModule.class.getName(), "*d");
      d.append(1);
      d.append(2);
      List<Object> perTask =
          cluster.clusterPState(AllModule.class.getName(), "$$hits").select(Path.stay());
      assertThat(perTask).containsExactly(2L, 2L, 2L, 2L);
    }
  }

  /** Writes a counter, then runs a function that fails a given number of times. */
  static class FlakyModule implements DeimosModule {
    final AtomicInteger calls = new AtomicInteger();
    final int failures;
    final StreamSourceOptions options;

    FlakyModule(int failures, StreamSourceOptions options) {
      this.failures = failures;
      this.options = options;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      // a failing record is retried with backoff for this long, then fails for good
      setup.setLaunchModuleDynamicOption("topology.stream.timeout.seconds", 0.5);
      setup.declareDepot("*d", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("flaky");
      s.pstate("$$count", PState.mapSchema(String.class, Long.class));
      AtomicInteger c = calls;
      int f = failures;
      s.source("*d", options)
          .out("*k")
          .localTransform("$$count", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG))
          .each(
              (String k) -> {
                if (c.incrementAndGet() <= f) {
                  throw new IllegalStateException("injected failure " + c.get());
                }
                return k;
              },
              "*k")
          .out("*k2");
    }
  }

  @Test
  void append_failsTwiceThenSucceeds_retriedAndFailedWritesRolledBack() {
    FlakyModule m = new FlakyModule(2, StreamSourceOptions.create());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 2));
      cluster.clusterDepot(FlakyModule.class.getName(), "*d").append("a");
      assertThat(m.calls.get()).isEqualTo(3);
      Long count =
          cluster.clusterPState(FlakyModule.class.getName(), "$$count").selectOne(Path.key("a"));
      assertThat(count).isEqualTo(1L);
    }
  }

  @Test
  void append_retriesExhausted_failsWithCause() {
    FlakyModule m = new FlakyModule(100, StreamSourceOptions.create());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(FlakyModule.class.getName(), "*d");
      assertThatThrownBy(() -> d.append("a"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("injected failure");
      // retried with backoff until the retry budget ran out, not a fixed number of times
      assertThat(m.calls.get()).isGreaterThan(4);
      Object count =
          cluster.clusterPState(FlakyModule.class.getName(), "$$count").selectOne(Path.key("a"));
      assertThat(count).isNull();
    }
  }

  @Test
  void append_retryNone_failsAfterOneAttempt() {
    FlakyModule m = new FlakyModule(100, StreamSourceOptions.retryNone());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(FlakyModule.class.getName(), "*d");
      assertThatThrownBy(() -> d.append("a")).hasMessageContaining("injected failure 1");
      assertThat(m.calls.get()).isEqualTo(1);
    }
  }

  /** Writes a key on the task the record landed on, without partitioning by it first. */
  static class MisalignedModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random()).global();
      StreamTopology s = topologies.stream("bad");
      s.pstate("$$p", PState.mapSchema(String.class, Long.class));
      s.source("*d", StreamSourceOptions.retryNone())
          .out("*k")
          .localTransform("$$p", Path.key("*k").termVal(1L));
    }
  }

  @Test
  void localTransform_keyOfOtherTask_writesCurrentTaskPartitionAsRamaDoes() {
    String key = "k0";
    for (int i = 0; KeyHash.taskFor(key, 4) == 0; i++) {
      key = "k" + i;
    }
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new MisalignedModule(), new LaunchConfig(4, 1));
      Depot d = cluster.clusterDepot(MisalignedModule.class.getName(), "*d");
      PState p = cluster.clusterPState(MisalignedModule.class.getName(), "$$p");
      d.append(key);
      // the write landed on task 0 (the global depot's task); a select by key goes to the owner
      assertThat((Object) p.selectOne(Path.key(key))).isNull();
      String onTask0 = "z0";
      for (int i = 0; KeyHash.taskFor(onTask0, 4) != 0; i++) {
        onTask0 = "z" + i;
      }
      assertThat(p.select(onTask0, Path.mapKeys())).contains(key);
    }
  }

  @Test
  void failure_isLoggedWithModuleTopologyRecordAndSegment() {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    FlakyModule m = new FlakyModule(100, StreamSourceOptions.retryNone());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      System.setErr(new java.io.PrintStream(buf, true));
      assertThatThrownBy(
              () -> cluster.clusterDepot(FlakyModule.class.getName(), "*d").append("rec-42"))
          .hasMessageContaining("injected");
    } finally {
      System.setErr(old);
    }
    assertThat(buf.toString())
        .contains(FlakyModule.class.getName())
        .contains("topology flaky")
        .contains("record rec-42")
        .contains("source(*d)")
        .contains("injected failure 1");
  }

  @Test
  void appendAndRead_concurrentClientsWithHops_exactTotals() throws Exception {
    class CountModule implements DeimosModule {
      @Override
      public void define(Setup setup, Topologies topologies) {
        setup.declareDepot("*d", Depot.random());
        StreamTopology s = topologies.stream("count");
        s.pstate("$$n", PState.mapSchema(String.class, Long.class));
        s.source("*d")
            .out("*k")
            .hashPartition("*k")
            .localTransform("$$n", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
      }
    }
    CountModule m = new CountModule();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(8, 2));
      Depot d = cluster.clusterDepot(m.getModuleName(), "*d");
      PState n = cluster.clusterPState(m.getModuleName(), "$$n");
      List<Thread> threads = new java.util.ArrayList<>();
      java.util.concurrent.ConcurrentLinkedQueue<Throwable> errors =
          new java.util.concurrent.ConcurrentLinkedQueue<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < 150; i++) {
                      String k = "k" + ((i + id) % 7);
                      d.append(k);
                      // after an ACK append the count for k is visible and never decreases
                      assertThat((Long) n.selectOne(Path.key(k))).isPositive();
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                });
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
      assertThat(errors).isEmpty();
      long total = 0;
      for (Object v : n.select(Path.mapVals())) {
        total += (Long) v;
      }
      assertThat(total).isEqualTo(600L);
    }
  }

  @Test
  void launchModule_topologyReadsUnboundVar_compileErrorNamesModuleAndTopology() {
    DeimosModule bad =
        (setup, topologies) -> {
          setup.declareDepot("*d", Depot.random());
          topologies.stream("broken").source("*d").out("*x").each(Ops.IDENTITY, "*nope");
        };
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(bad, new LaunchConfig(1, 1)))
          .isInstanceOf(dev.deimos.DeimosCompileException.class)
          .hasMessageContaining("topology broken")
          .hasMessageContaining("*nope");
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
    }
  }

  @Test
  void launchModule_sourceOfUndeclaredDepot_fails() {
    DeimosModule bad = (setup, topologies) -> topologies.stream("s").source("*missing").out("*x");
    try (InProcessCluster cluster = InProcessCluster.create()) {
      assertThatThrownBy(() -> cluster.launchModule(bad, new LaunchConfig(1, 1)))
          .hasMessageContaining("topology s")
          .hasMessageContaining("no depot *missing");
    }
  }

  /** Counts visits per task through allPartition over a global and a partitioned PState. */
  static class AllOfModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("allOf");
      s.pstate("$$g", Long.class).global().initialValue(0L);
      s.pstate("$$each", Long.class).initialValue(0L);
      s.pstate("$$secret", Long.class).makePrivate();
      s.source("*d").out("*x").allPartition("$$g").localTransform("$$g", Path.term(Ops.INC_LONG));
      s.source("*d")
          .out("*x")
          .allPartition("*d")
          .customPartition("*d", (Integer n, Integer x) -> x % n, "*x")
          .localTransform("$$each", Path.term(Ops.INC_LONG));
    }
  }

  @Test
  void allPartitionOfGlobalPState_runsOnce_allPartitionOfDepot_runsOnEveryTask() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new AllOfModule(), new LaunchConfig(4, 2));
      String name = AllOfModule.class.getName();
      cluster.clusterDepot(name, "*d").append(6);
      assertThat((Long) cluster.clusterPState(name, "$$g").selectOne(Path.stay())).isEqualTo(1L);
      // four copies, each sent by customPartition to task 6 % 4 = 2
      assertThat(cluster.clusterPState(name, "$$each").select(Path.stay()))
          .containsExactly(0L, 0L, 4L, 0L);
      assertThatThrownBy(() -> cluster.clusterPState(name, "$$secret"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("private");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void append_userCodeThrowsCheckedException_failsInsteadOfHanging() {
    DeimosModule m =
        (setup, topologies) -> {
          setup.declareDepot("*d", Depot.random());
          topologies.stream("s")
              .source("*d", StreamSourceOptions.retryNone())
              .out("*x")
              .each(
                  (Object x) -> {
                    throw sneaky(new java.io.IOException("disk gone"));
                  },
                  "*x");
        };
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      assertThatThrownBy(() -> cluster.clusterDepot(m.getModuleName(), "*d").append(1))
          .hasRootCauseInstanceOf(java.io.IOException.class)
          .hasRootCauseMessage("disk gone");
    }
  }

  static class InfoModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      topologies.stream("info")
          .source("*d")
          .out("*x")
          .each(Ops.MODULE_INSTANCE_INFO)
          .out("*info")
          .each(
              (dev.deimos.ModuleInstanceInfo i) -> i.getModuleName() + "/" + i.getNumTasks(),
              "*info")
          .out("*r")
          .ackReturn("*r");
    }
  }

  @Test
  void moduleInstanceInfo_boundOnTasks() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new InfoModule(), new LaunchConfig(4, 2));
      assertThat(cluster.clusterDepot(InfoModule.class.getName(), "*d").append(1))
          .containsEntry("info", InfoModule.class.getName() + "/4");
    }
  }
}
