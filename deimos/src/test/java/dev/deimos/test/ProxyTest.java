package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ProxyState;
import dev.deimos.diffs.DestroyedDiff;
import dev.deimos.diffs.Diff;
import dev.deimos.diffs.KeyDiff;
import dev.deimos.diffs.NewValueDiff;
import dev.deimos.diffs.ResyncDiff;
import dev.deimos.diffs.SetAddDiff;
import dev.deimos.diffs.UngracefulTerminationDiff;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** PState proxies over the in-process cluster. */
class ProxyTest {
  private static final String M = Profiles.class.getName();

  /** Records "user:word": each word joins the user's set, and the user's count goes up. */
  public static class Profiles implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*writes", Depot.hashBy(UserOf.class));
      StreamTopology s = topologies.stream("profiles");
      s.pstate(
          "$$profiles",
          PState.mapSchema(
              String.class,
              PState.fixedKeysSchema(
                  "words",
                  PState.setSchema(String.class),
                  "count",
                  Long.class,
                  "history",
                  PState.mapSchema(Long.class, String.class).subindexed())));
      s.source("*writes")
          .out("*r")
          .each(new UserOf(), "*r")
          .out("*u")
          .hashPartition("*u")
          .each((String r) -> r.substring(r.indexOf(':') + 1), "*r")
          .out("*w")
          .localTransform(
              "$$profiles", Path.key("*u").key("words").nullToSet().voidSetElem().termVal("*w"))
          .localTransform(
              "$$profiles", Path.key("*u").key("count").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  /** The user of a record. */
  public static class UserOf implements dev.deimos.ops.DeimosFunction1<String, String> {
    @Override
    public String invoke(String r) {
      return r.substring(0, r.indexOf(':'));
    }
  }

  private static void waitUntil(BooleanSupplier cond, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(2);
    }
  }

  /** One recorded callback. */
  record Change(Object newVal, Diff diff, Object oldVal) {}

  @Test
  void proxy_followsWrites_withFineDiffsInOrder_thenCloses() throws Exception {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Profiles(), new LaunchConfig(4, 2));
      Depot d = ipc.clusterDepot(M, "*writes");
      PState p = ipc.clusterPState(M, "$$profiles");
      d.append("alice:a");
      List<Change> seen = Collections.synchronizedList(new ArrayList<>());
      ProxyState<Set<String>> words =
          p.proxy(Path.key("alice").key("words"), (n, diff, o) -> seen.add(new Change(n, diff, o)));
      assertThat(words.get()).isEqualTo(Set.of("a"));
      assertThat(words.status()).isEqualTo(ProxyState.Status.ACTIVE);
      ProxyState<Map<String, Object>> whole = p.proxy(Path.key("alice"));
      d.append("bob:x");
      d.append("alice:b");
      d.append("alice:c");
      waitUntil(() -> words.get().size() == 3 && seen.size() == 3, "three changes");
      assertThat(words.get()).isEqualTo(Set.of("a", "b", "c"));
      waitUntil(() -> Long.valueOf(3).equals(whole.get().get("count")), "count 3");
      assertThat(whole.get()).isEqualTo(p.selectOne(Path.key("alice")));

      assertThat(seen.get(0).diff()).isEqualTo(new ResyncDiff());
      assertThat(seen.get(0).newVal()).isEqualTo(Set.of("a"));
      assertThat(seen.get(1).diff()).isEqualTo(new SetAddDiff("b"));
      assertThat(seen.get(2).diff()).isEqualTo(new SetAddDiff("c"));
      // strictly in order: each change starts where the previous one ended
      for (int i = 1; i < seen.size(); i++) {
        assertThat(seen.get(i).oldVal()).isEqualTo(seen.get(i - 1).newVal());
      }

      words.close();
      assertThat(words.status()).isEqualTo(ProxyState.Status.TERMINATED);
      waitUntil(() -> seen.size() == 4, "the destroyed diff");
      assertThat(seen.get(3).diff()).isEqualTo(new DestroyedDiff());
      d.append("alice:z");
      waitUntil(() -> Long.valueOf(4).equals(whole.get().get("count")), "count 4");
      assertThat(words.get()).isEqualTo(Set.of("a", "b", "c"));
      assertThat(seen).hasSize(4);
      whole.close();
    }
  }

  @Test
  void proxy_onIndexedLocationsOrWithoutPartition_isRefusedClearly() {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Profiles(), new LaunchConfig(4, 2));
      PState p = ipc.clusterPState(M, "$$profiles");
      assertThatThrownBy(() -> p.proxy("alice", Path.stay()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$$profiles")
          .hasMessageContaining("indexed per key");
      assertThatThrownBy(() -> p.proxy(Path.key("alice").key("history")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("subindexed");
      assertThatThrownBy(() -> p.proxy(Path.mapVals()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must start with key");
      // a value inside the subindexed map is fine
      assertThat((Object) p.proxy(Path.key("alice").key("history").key(1L)).get()).isNull();
    }
  }

  @Test
  void callbackFailingTooOften_terminatesProxyUngracefully() throws Exception {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Profiles(), new LaunchConfig(2, 1));
      Depot d = ipc.clusterDepot(M, "*writes");
      PState p = ipc.clusterPState(M, "$$profiles");
      List<Diff> seen = Collections.synchronizedList(new ArrayList<>());
      ProxyState<Long> count =
          p.proxy(
              Path.key("u").key("count"),
              (n, diff, o) -> {
                seen.add(diff);
                throw new IllegalStateException("callback bug");
              });
      for (int i = 0; i < 12; i++) {
        d.append("u:w" + i);
      }
      waitUntil(() -> count.status() == ProxyState.Status.TERMINATED_UNGRACEFULLY, "termination");
      waitUntil(() -> seen.contains(new UngracefulTerminationDiff()), "the termination diff");
      // ten failures (the initial resync and nine diffs) end it; nothing follows
      assertThat(seen).hasSize(11);
      assertThat(seen.get(10)).isEqualTo(new UngracefulTerminationDiff());
    }
  }

  @Test
  void manyProxies_underFullSpeedWrites_allEndCorrect_callbacksInOrder() throws Exception {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Profiles(), new LaunchConfig(4, 2));
      Depot d = ipc.clusterDepot(M, "*writes");
      PState p = ipc.clusterPState(M, "$$profiles");
      int users = 50;
      int proxies = 1000;
      List<ProxyState<Long>> ps = new ArrayList<>();
      List<List<Long>> calls = new ArrayList<>();
      for (int i = 0; i < proxies; i++) {
        List<Long> mine = Collections.synchronizedList(new ArrayList<>());
        calls.add(mine);
        ps.add(
            p.proxy(
                Path.key("u" + (i % users)).key("count"),
                (Long n, Diff diff, Long o) -> {
                  if (n != null) {
                    mine.add(n);
                  }
                }));
      }
      int writes = 2000;
      List<java.util.concurrent.CompletableFuture<?>> acks = new ArrayList<>();
      for (int i = 0; i < writes; i++) {
        acks.add(d.appendAsync("u" + (i % users) + ":w" + i));
      }
      for (java.util.concurrent.CompletableFuture<?> a : acks) {
        a.get(30, TimeUnit.SECONDS);
      }
      long each = writes / users;
      for (int i = 0; i < proxies; i++) {
        ProxyState<Long> x = ps.get(i);
        waitUntil(() -> Long.valueOf(each).equals(x.get()), "proxy final value");
      }
      for (List<Long> mine : calls) {
        synchronized (mine) {
          for (int j = 1; j < mine.size(); j++) {
            assertThat(mine.get(j)).isGreaterThan(mine.get(j - 1));
          }
          assertThat(mine.get(mine.size() - 1)).isEqualTo(each);
        }
      }
    }
  }

  /** Word counts by a microbatch topology. */
  public static class Batches implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*words", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("wc");
      mb.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      mb.source("*words")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*w")
          .hashPartition("*w")
          .compoundAgg("$$counts", CompoundAgg.map("*w", Agg.count()));
    }
  }

  @Test
  void microbatchProxy_changesWhenBatchesCommit() throws Exception {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      String m = Batches.class.getName();
      ipc.launchModule(new Batches(), new LaunchConfig(2, 1));
      Depot d = ipc.clusterDepot(m, "*words");
      PState counts = ipc.clusterPState(m, "$$counts");
      List<Change> seen = Collections.synchronizedList(new ArrayList<>());
      ProxyState<Long> apple =
          counts.proxy(Path.key("apple"), (n, diff, o) -> seen.add(new Change(n, diff, o)));
      assertThat(apple.get()).isNull();
      for (int i = 0; i < 30; i++) {
        d.append(i % 3 == 0 ? "apple" : "pear");
      }
      ipc.waitForMicrobatchProcessedCount(m, "wc", 30);
      waitUntil(() -> Long.valueOf(10).equals(apple.get()), "apple 10");
      for (int i = 1; i < seen.size(); i++) {
        assertThat(seen.get(i).diff()).isInstanceOf(NewValueDiff.class);
        assertThat(seen.get(i).oldVal()).isEqualTo(seen.get(i - 1).newVal());
      }
      assertThat((Long) counts.selectOne(Path.key("apple"))).isEqualTo(10L);
    }
  }

  @Test
  void wholeValueProxy_getsKeyDiffs() throws Exception {
    try (InProcessCluster ipc = InProcessCluster.create()) {
      ipc.launchModule(new Profiles(), new LaunchConfig(1, 1));
      Depot d = ipc.clusterDepot(M, "*writes");
      PState p = ipc.clusterPState(M, "$$profiles");
      d.append("a:x");
      List<Diff> seen = Collections.synchronizedList(new ArrayList<>());
      p.proxy(Path.key("a"), (n, diff, o) -> seen.add(diff));
      d.append("a:x");
      waitUntil(() -> seen.size() == 2, "one diff");
      // the word was there already: only the count changed
      assertThat(seen.get(1)).isEqualTo(new KeyDiff("count", new NewValueDiff(2L)));
    }
  }
}
