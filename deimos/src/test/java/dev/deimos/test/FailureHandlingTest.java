package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.DeimosCustomSerialization;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.runtime.MicrobatchStatus;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failure handling never reports a failed record as a success, retries with backoff, times out work
 * that waits forever, and logs a deterministic failure's stack trace once. Every wait here is
 * bounded; timeouts use small option values.
 */
class FailureHandlingTest {

  /** A record whose toString throws, as a buggy user type might. */
  static final class Unprintable implements Serializable {
    private static final long serialVersionUID = 1L;
    final String key;

    Unprintable(String key) {
      this.key = key;
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString of " + key + " is broken");
    }
  }

  /** Fails the first attempt of every record; counts the records it processed. */
  static class UnprintableModule implements DeimosModule {
    final StreamSourceOptions options;
    final AtomicInteger attempts = new AtomicInteger();

    UnprintableModule(StreamSourceOptions options) {
      this.options = options;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("s");
      s.pstate("$$n", PState.mapSchema(String.class, Long.class)).global();
      AtomicInteger a = attempts;
      s.source("*d", options)
          .out("*r")
          .each(
              (Unprintable r) -> {
                if (a.incrementAndGet() == 1) {
                  throw new IllegalArgumentException("first attempt of " + r.key + " fails");
                }
                return r.key;
              },
              "*r")
          .out("*k")
          .localTransform("$$n", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  @Test
  void recordWhoseToStringThrows_failureFailsTheAck_notASilentSuccess() {
    UnprintableModule m = new UnprintableModule(StreamSourceOptions.retryNone());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(UnprintableModule.class.getName(), "*d");
      assertThatThrownBy(() -> d.append(new Unprintable("x")))
          .hasMessageContaining("first attempt of x fails");
    }
  }

  @Test
  void recordWhoseToStringThrows_isRetriedAndProcessed() {
    UnprintableModule m = new UnprintableModule(StreamSourceOptions.create());
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      String name = UnprintableModule.class.getName();
      cluster.clusterDepot(name, "*d").append(new Unprintable("x"));
      assertThat(m.attempts.get()).isEqualTo(2);
      assertThat((Long) cluster.clusterPState(name, "$$n").selectOne(Path.key("x"))).isEqualTo(1L);
    }
  }

  /** A type whose custom deserialization fails: the record is stored but cannot be read back. */
  static final class Opaque {
    final int v;

    Opaque(int v) {
      this.v = v;
    }
  }

  public static final class BrokenReadSerialization implements DeimosCustomSerialization<Opaque> {
    @Override
    public void serialize(Opaque o, DataOutput out) throws Exception {
      out.writeInt(o.v);
    }

    @Override
    public Opaque deserialize(DataInput in) throws Exception {
      throw new java.io.IOException("cannot read an Opaque");
    }

    @Override
    public Class<Opaque> targetType() {
      return Opaque.class;
    }
  }

  static class OpaqueModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("s");
      s.pstate("$$n", PState.mapSchema(Integer.class, Long.class)).global();
      s.source("*d", StreamSourceOptions.retryNone())
          .out("*o")
          .each((Opaque o) -> o.v, "*o")
          .out("*k")
          .localTransform("$$n", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void recordWhoseDeserializationThrows_ackFailsWithTheReadError() {
    try (InProcessCluster cluster =
        InProcessCluster.create(List.<Class>of(BrokenReadSerialization.class))) {
      cluster.launchModule(new OpaqueModule(), new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(OpaqueModule.class.getName(), "*d");
      assertThatThrownBy(() -> d.append(new Opaque(7))).hasStackTraceContaining("cannot read");
    }
  }

  /** An async step that never completes on the first {@code hangs} calls. */
  static class HangingModule implements DeimosModule {
    final StreamSourceOptions options;
    final int hangs;
    final AtomicInteger calls = new AtomicInteger();

    HangingModule(StreamSourceOptions options, int hangs) {
      this.options = options;
      this.hangs = hangs;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("topology.stream.timeout.seconds", 0.3);
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("s");
      s.pstate("$$n", PState.mapSchema(String.class, Long.class)).global();
      AtomicInteger c = calls;
      int h = hangs;
      s.source("*d", options)
          .out("*k")
          .eachAsync(
              (String k) ->
                  c.incrementAndGet() <= h
                      ? new CompletableFuture<String>()
                      : CompletableFuture.completedFuture(k),
              "*k")
          .out("*k2")
          .localTransform("$$n", Path.key("*k2").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  @Test
  void asyncStepThatNeverCompletes_failsTheRecordAfterTheStreamTimeout() throws Exception {
    HangingModule m = new HangingModule(StreamSourceOptions.retryNone(), 1);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      CompletableFuture<Map<String, Object>> ack =
          cluster.clusterDepot(HangingModule.class.getName(), "*d").appendAsync("a");
      assertThatThrownBy(() -> ack.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class)
          .hasMessageContaining("topology.stream.timeout.seconds")
          .hasMessageContaining("eachAsync");
      assertThat(m.calls.get()).isEqualTo(1);
    }
  }

  @Test
  void asyncStepThatNeverCompletes_recordRetriedAfterTheTimeout_thenProcessed() throws Exception {
    HangingModule m = new HangingModule(StreamSourceOptions.create(), 1);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      String name = HangingModule.class.getName();
      cluster.clusterDepot(name, "*d").appendAsync("a").get(20, TimeUnit.SECONDS);
      assertThat(m.calls.get()).isEqualTo(2);
      assertThat((Long) cluster.clusterPState(name, "$$n").selectOne(Path.key("a"))).isEqualTo(1L);
    }
  }

  /** Always fails; the stream timeout (the retry budget) is small. */
  static class AlwaysFailingModule implements DeimosModule {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("topology.stream.timeout.seconds", 0.5);
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("s");
      AtomicInteger c = calls;
      s.source("*d")
          .out("*k")
          .each(
              (String k) -> {
                throw new IllegalStateException("bug " + c.incrementAndGet());
              },
              "*k")
          .out("*k2");
    }
  }

  @Test
  void deterministicStreamFailure_retriedWithBackoffForTheBudget_oneStackTrace() {
    AlwaysFailingModule m = new AlwaysFailingModule();
    String log;
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(AlwaysFailingModule.class.getName(), "*d");
      System.setErr(new PrintStream(buf, true));
      try {
        assertThatThrownBy(() -> d.append("a")).hasMessageStartingWith("bug ");
      } finally {
        System.setErr(old);
      }
      log = buf.toString();
    }
    // more than the old fixed 3 retries, yet backing off: far fewer than without any pause
    assertThat(m.calls.get()).isBetween(5, 40);
    assertThat(countLinesStartingWith(log, "java.lang.IllegalStateException: bug")).isEqualTo(1);
    assertThat(log).contains("(attempt 2)").contains("giving up on record a");
  }

  /** A microbatch topology whose op fails while {@link #broken} is set. */
  static class BrokenMicrobatchModule implements DeimosModule {
    final AtomicBoolean broken = new AtomicBoolean(true);
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$n", PState.mapSchema(String.class, Long.class));
      AtomicBoolean b = broken;
      AtomicInteger a = attempts;
      mb.source("*d")
          .out("*mb")
          .each(
              () -> {
                a.incrementAndGet();
                return 0;
              })
          .out("*ignored")
          .explodeMicrobatch("*mb")
          .out("*k")
          .each(
              (String k) -> {
                if (b.get()) {
                  throw new IllegalStateException("microbatch bug");
                }
                return k;
              },
              "*k")
          .out("*k2")
          .hashPartition("*k2")
          .compoundAgg("$$n", dev.deimos.CompoundAgg.map("*k2", Agg.count()));
    }
  }

  @Test
  void failingMicrobatch_backsOffDespiteAppends_statusShowsTheStall_oneStackTrace() {
    BrokenMicrobatchModule m = new BrokenMicrobatchModule();
    String name = BrokenMicrobatchModule.class.getName();
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(name, "*d");
      PState p = cluster.clusterPState(name, "$$n");
      System.setErr(new PrintStream(buf, true));
      String log;
      try {
        // every append and client read used to restart the failed microbatch at once
        for (int i = 0; i < 400; i++) {
          d.append("k" + (i % 5));
          p.selectOne(Path.key("k0"));
        }
        waitUntil(() -> m.attempts.get() >= 3);
        MicrobatchStatus st = ((InProcessClusterImpl) cluster).microbatchStatus(name).get("mb");
        assertThat(st.stalled()).isTrue();
        assertThat(st.failedAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(st.lastError()).contains("microbatch bug");
        assertThat(st.failingSinceMillis()).isPositive();
        // backoff: far fewer attempts than the 800 wakes
        assertThat(m.attempts.get()).isLessThan(60);
      } finally {
        System.setErr(old);
        log = buf.toString();
      }
      assertThat(countLinesStartingWith(log, "java.lang.IllegalStateException: microbatch bug"))
          .isEqualTo(1);
      assertThat(log).contains("failed again").contains("microbatch topology mb");
      assertThat(log).contains("at node each(").contains("offsets [");

      // the way out: fix the cause; the same microbatch then commits and the stall clears
      m.broken.set(false);
      cluster.waitForMicrobatchProcessedCount(name, "mb", 400);
      assertThat((Long) p.selectOne(Path.key("k0"))).isEqualTo(80L);
      waitUntil(() -> !((InProcessClusterImpl) cluster).microbatchStatus(name).get("mb").stalled());
      MicrobatchStatus ok = ((InProcessClusterImpl) cluster).microbatchStatus(name).get("mb");
      assertThat(ok.lastError()).isNull();
      assertThat(ok.processed()).isEqualTo(400);
    }
  }

  /** A microbatch whose first attempt waits on a future that never completes. */
  static class HangingMicrobatchModule implements DeimosModule {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("topology.microbatch.phase.timeout.seconds", 0.3);
      setup.declareDepot("*d", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$n", PState.mapSchema(String.class, Long.class));
      AtomicInteger c = calls;
      mb.source("*d")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*k")
          .eachAsync(
              (String k) ->
                  c.incrementAndGet() == 1
                      ? new CompletableFuture<String>()
                      : CompletableFuture.completedFuture(k),
              "*k")
          .out("*k2")
          .hashPartition("*k2")
          .compoundAgg("$$n", dev.deimos.CompoundAgg.map("*k2", Agg.count()));
    }
  }

  @Test
  void microbatchStuckOnAsyncStep_phaseTimeoutRetriesIt_exactlyOnce() {
    HangingMicrobatchModule m = new HangingMicrobatchModule();
    String name = HangingMicrobatchModule.class.getName();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      cluster.clusterDepot(name, "*d").append("a");
      cluster.waitForMicrobatchProcessedCount(name, "mb", 1);
      assertThat((Long) cluster.clusterPState(name, "$$n").selectOne(Path.key("a"))).isEqualTo(1L);
      assertThat(m.calls.get()).isEqualTo(2);
    }
  }

  /** A query doing many small steps, each a hop; the query timeout is short. */
  static class SlowQueryModule implements DeimosModule {
    static final int STEPS = 3000;
    final AtomicInteger steps = new AtomicInteger();

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.setLaunchModuleDynamicOption("topology.query.timeout.millis", 500);
      setup.declareDepot("*d", Depot.random());
      AtomicInteger s = steps;
      topologies
          .query("heavy")
          .out("*r")
          .each(
              () -> {
                List<Integer> xs = new ArrayList<>();
                for (int i = 0; i < STEPS; i++) {
                  xs.add(i);
                }
                return xs;
              })
          .out("*xs")
          .each(Ops.EXPLODE, "*xs")
          .out("*x")
          .each(
              (Integer x) -> {
                s.incrementAndGet();
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return x;
              },
              "*x")
          .out("*y")
          .hashPartition("*y")
          .each((Integer y) -> y, "*y")
          .out("*z")
          .originPartition()
          .agg(Agg.count())
          .out("*r");
      topologies
          .query("plusOne", "*x")
          .out("*y")
          .each(Ops.PLUS, "*x", 1L)
          .out("*y")
          .originPartition();
    }
  }

  @Test
  void queryPastItsTimeout_stopsItsRemainingWork() {
    SlowQueryModule m = new SlowQueryModule();
    String name = SlowQueryModule.class.getName();
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(m, new LaunchConfig(1, 1));
      QueryTopologyClient<Long> heavy = cluster.clusterQuery(name, "heavy");
      assertThatThrownBy(heavy::invoke).hasCauseInstanceOf(TimeoutException.class);
      // the one task thread is free again: a later query is answered (within its own timeout)
      // while the timed-out one has done only a part of its steps
      assertThat(cluster.<Long>clusterQuery(name, "plusOne").invoke(1L)).isEqualTo(2L);
      assertThat(m.steps.get()).isLessThan(SlowQueryModule.STEPS);
    }
  }

  private static long countLinesStartingWith(String log, String prefix) {
    return log.lines().filter(l -> l.startsWith(prefix)).count();
  }

  /** Polls a condition for at most 20 s (bounded), failing the test if it never holds. */
  private static void waitUntil(java.util.function.BooleanSupplier cond) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
