package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.AckLevel;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The append path of stream records: APPEND_ACK completes once the depot partition has the record
 * (the topology runs afterwards, as in Rama), records of one partition run in append order under
 * concurrent clients, and a client outrunning a busy task is throttled instead of queuing without
 * bound.
 */
class StreamAppendPathTest {
  // the gate the topology's first step waits on; one test at a time uses it
  private static volatile CountDownLatch gate = new CountDownLatch(0);

  /** Waits at the gate, then passes its argument on. */
  public static class WaitAtGate implements DeimosFunction1<Object, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public Object invoke(Object x) {
      try {
        if (!gate.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return x;
    }
  }

  /** Counts every record in a global PState, after waiting at the gate. */
  public static class GatedCountModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("gated");
      s.pstate("$$n", Long.class).global().initialValue(0L);
      s.source("*d")
          .out("*x")
          .each(new WaitAtGate(), "*x")
          .out("*y")
          .globalPartition()
          .localTransform("$$n", Path.term(Ops.INC_LONG));
    }
  }

  private static final String GATED = GatedCountModule.class.getName();

  @Test
  void appendAck_completesWhileTheTopologyIsBusy_ackWaitsForIt() throws Exception {
    gate = new CountDownLatch(1);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new GatedCountModule(), new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(GATED, "*d");
      // the task thread is stuck at the gate with the first record
      d.append("first", AckLevel.NONE);
      // the depot partition has the second one: APPEND_ACK does not wait for the topology
      assertThat(d.appendAsync("second", AckLevel.APPEND_ACK).get(10, TimeUnit.SECONDS)).isEmpty();
      CompletableFuture<Map<String, Object>> ack = d.appendAsync("third", AckLevel.ACK);
      assertThat(ack).isNotDone();
      gate.countDown();
      ack.get(10, TimeUnit.SECONDS);
      // the third record ran after the two before it on the same partition
      assertThat((Long) cluster.clusterPState(GATED, "$$n").selectOne(Path.stay())).isEqualTo(3L);
    } finally {
      gate.countDown();
    }
  }

  @Test
  void pipelinedClient_outrunsBusyTopology_isThrottledThenEveryRecordCounts() throws Exception {
    gate = new CountDownLatch(1);
    // well above the task thread's high-water mark of queued events
    int records = 30_000;
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new GatedCountModule(), new LaunchConfig(1, 1));
      Depot d = cluster.clusterDepot(GATED, "*d");
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread client =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < records; i++) {
                    d.appendAsync(i, AckLevel.APPEND_ACK);
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              },
              "throttled-client");
      client.start();
      // the topology is stuck on the first record, so the client cannot get all records queued
      client.join(500);
      assertThat(client.isAlive()).as("client throttled while the topology is stuck").isTrue();
      gate.countDown();
      client.join(60_000);
      assertThat(client.isAlive()).isFalse();
      assertThat(failure.get()).isNull();
      d.append("last", AckLevel.ACK);
      assertThat((Long) cluster.clusterPState(GATED, "$$n").selectOne(Path.stay()))
          .isEqualTo(records + 1L);
    } finally {
      gate.countDown();
    }
  }

  /**
   * Records [partition key, client, seq]; each client's seqs in the order the topology saw them.
   */
  public static class OrderModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.hashBy(Ops.FIRST));
      StreamTopology s = topologies.stream("order");
      s.pstate("$$seen", PState.mapSchema(String.class, Object.class));
      s.source("*d")
          .out("*rec")
          .each(Ops.EXPAND, "*rec")
          .out("*p", "*c", "*seq")
          .localTransform(
              "$$seen", Path.key("*p").key("*c").nullToList().afterElem().termVal("*seq"));
    }
  }

  @Test
  void concurrentClients_samePartition_eachClientsRecordsRunInAppendOrder() throws Exception {
    String module = OrderModule.class.getName();
    int clients = 4;
    int perClient = 1500;
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new OrderModule(), new LaunchConfig(4, 2));
      Depot d = cluster.clusterDepot(module, "*d");
      List<Thread> threads = new ArrayList<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        Thread t =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < perClient; i++) {
                      // mixed ack levels: ordering must not depend on them
                      AckLevel level =
                          i == perClient - 1
                              ? AckLevel.ACK
                              : i % 3 == 0 ? AckLevel.NONE : AckLevel.APPEND_ACK;
                      d.appendAsync(List.of("p", client, i), level);
                    }
                  } catch (Throwable e) {
                    failure.set(e);
                  }
                });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join(60_000);
      }
      assertThat(failure.get()).isNull();
      // one ACK append after all others on the same partition: everything before it has run
      d.append(List.of("p", -1, 0), AckLevel.ACK);
      PState seen = cluster.clusterPState(module, "$$seen");
      for (int c = 0; c < clients; c++) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perClient; i++) {
          expected.add(i);
        }
        assertThat((List<?>) seen.selectOne(Path.key("p", c)))
            .as("client " + c)
            .isEqualTo(expected);
      }
    }
  }
}
