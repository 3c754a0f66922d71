package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ProxyState;
import dev.deimos.diffs.DestroyedDiff;
import dev.deimos.diffs.Diff;
import dev.deimos.diffs.NewValueDiff;
import dev.deimos.diffs.ResyncDiff;
import dev.deimos.diffs.UngracefulTerminationDiff;
import dev.deimos.impl.net.NetClusterManager;
import dev.deimos.server.testmodules.KeeperModule;
import dev.deimos.server.testmodules.KeeperWithoutExtra;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PState proxies over the network client: a server in a child process (module update, SIGKILL and
 * restart while proxies are open) and in this JVM (limits, failing callbacks, slow clients).
 */
class ProxyEndToEndTest {
  static final String TOKEN = "proxy-token";
  static final String KEEPER = KeeperModule.class.getName();

  @TempDir java.nio.file.Path tmp;

  /** One recorded callback. */
  record Change(Object newVal, Diff diff, Object oldVal) {}

  static Map<String, Object> client(int port, int heartbeatMillis) {
    Map<String, Object> c = new HashMap<>();
    c.put("conductor.port", port);
    c.put("auth.token", TOKEN);
    c.put("foreign.depot.operation.timeout.millis", 20_000);
    c.put("foreign.pstate.operation.timeout.millis", 20_000);
    c.put("foreign.proxy.heartbeat.millis", heartbeatMillis);
    return c;
  }

  static void waitUntil(BooleanSupplier cond, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  static Object[] cli(int port, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "--port=" + port;
    all[2] = "--token=" + TOKEN;
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return ServerEndToEndTest.cli(all);
  }

  static Object[] deploy(int port, java.nio.file.Path jar, String action, String cls, String... x) {
    List<String> a =
        new ArrayList<>(List.of("deploy", "--action", action, "--jar", jar.toString()));
    a.add("--module");
    a.add(cls);
    a.addAll(List.of(x));
    return cli(port, a.toArray(new String[0]));
  }

  static List<Change> recorder() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  static long resyncs(List<Change> seen) {
    synchronized (seen) {
      return seen.stream().filter(c -> c.diff() instanceof ResyncDiff).count();
    }
  }

  /** Values a proxy of a counter saw, in order, never going back (server order). */
  static void assertNonDecreasing(List<Change> seen) {
    synchronized (seen) {
      long last = -1;
      for (Change c : seen) {
        if (c.newVal() == null) {
          continue;
        }
        long v = (Long) c.newVal();
        assertThat(v).as("values in server order: %s", seen).isGreaterThanOrEqualTo(last);
        last = v;
      }
    }
  }

  @Test
  void proxies_followWrites_acrossModuleUpdateAndServerRestart() throws Exception {
    java.nio.file.Path data = tmp.resolve("data");
    java.nio.file.Path jar = BadInputTest.testModulesJar(tmp.resolve("testmodules.jar"));
    ServerProcess s = ServerProcess.start(data, 0, "--token", TOKEN);
    int port = s.port;
    try {
      Object[] r = deploy(port, jar, "launch", KEEPER, "--tasks", "4", "--threads", "2");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      try (DeimosClusterManager m = DeimosClusterManager.open(client(port, 300))) {
        Depot keys = m.clusterDepot(KeeperModule.NAME, "*keys");
        PState counts = m.clusterPState(KeeperModule.NAME, "$$counts");
        List<Change> seen = recorder();
        ProxyState<Long> a =
            counts.proxy(Path.key("a"), (Long n, Diff d, Long o) -> seen.add(new Change(n, d, o)));
        assertThat(a.get()).isNull();
        assertThat(a.status()).isEqualTo(ProxyState.Status.ACTIVE);
        ProxyState<Long> b = counts.<Long>proxyAsync("b", Path.key("b")).get(20, TimeUnit.SECONDS);
        ProxyState<Long> plain = counts.proxy(Path.key("a"));

        // a proxy on a location whose elements are indexed separately is refused clearly
        assertThatThrownBy(() -> counts.proxy(Path.mapVals()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("$$counts");

        for (int i = 0; i < 30; i++) {
          keys.append("a");
        }
        keys.append("b");
        waitUntil(() -> Long.valueOf(30).equals(a.get()), "a reaches 30");
        waitUntil(() -> Long.valueOf(1).equals(b.get()), "b reaches 1");
        waitUntil(() -> Long.valueOf(30).equals(plain.get()), "plain a reaches 30");
        waitUntil(() -> seen.size() >= 31, "31 callbacks");
        synchronized (seen) {
          assertThat(seen.get(0).diff()).isInstanceOf(ResyncDiff.class);
          for (int i = 1; i < seen.size(); i++) {
            Change c = seen.get(i);
            assertThat(c.diff()).isInstanceOf(NewValueDiff.class);
            assertThat(c.newVal()).isEqualTo((long) i);
            assertThat(c.oldVal()).isEqualTo(i == 1 ? null : (long) i - 1);
          }
        }

        // module update while the proxies are open: they resync to the new instance and go on
        long before = resyncs(seen);
        r =
            deploy(
                port,
                jar,
                "update",
                KeeperWithoutExtra.class.getName(),
                "--objectsToDelete",
                "$$extra");
        assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
        waitUntil(() -> resyncs(seen) > before, "a resync after the update");
        keys.append("a");
        waitUntil(() -> Long.valueOf(31).equals(a.get()), "a reaches 31 after the update");

        // SIGKILL and restart on the same port: the proxies subscribe again and follow on
        s.kill();
        long beforeRestart = resyncs(seen);
        s = ServerProcess.start(data, port, "--token", TOKEN);
        waitUntil(() -> resyncs(seen) > beforeRestart, "a resync after the restart");
        for (int i = 0; i < 5; i++) {
          keys.append("a");
        }
        keys.append("b");
        // the server is durable: its PStates come back with what the old one acknowledged (31 for
        // "a"), and the stream topology may replay records after its last checkpoint, so counts
        // can only be higher; the proxies must show exactly what a fresh read shows
        waitUntil(
            () -> {
              Object now = counts.selectOne(Path.key("a"));
              return now instanceof Long
                  && (Long) now >= 36
                  && now.equals(a.get())
                  && now.equals(plain.get());
            },
            "a reaches at least 36 on the new server, its proxies equal to a fresh read");
        waitUntil(
            () -> {
              Object now = counts.selectOne(Path.key("b"));
              return now instanceof Long && (Long) now >= 1 && now.equals(b.get());
            },
            "b follows on the new server");
        long aNow = a.get();
        assertThat(a.status()).isEqualTo(ProxyState.Status.ACTIVE);
        assertNonDecreasingAfterLastResync(seen);

        a.close();
        assertThat(a.status()).isEqualTo(ProxyState.Status.TERMINATED);
        waitUntil(
            () -> {
              synchronized (seen) {
                return seen.get(seen.size() - 1).diff() instanceof DestroyedDiff;
              }
            },
            "DestroyedDiff after close");
        int after = seen.size();
        keys.append("a");
        waitUntil(() -> Long.valueOf(aNow + 1).equals(plain.get()), "plain reaches one more");
        Thread.sleep(200);
        assertThat(seen).hasSize(after); // a closed proxy gets nothing more
        assertThat(((NetClusterManager) m).openProxies()).isEqualTo(2);
      }
    } finally {
      s.close();
    }
  }

  private static void assertNonDecreasingAfterLastResync(List<Change> seen) {
    synchronized (seen) {
      int last = 0;
      for (int i = 0; i < seen.size(); i++) {
        if (seen.get(i).diff() instanceof ResyncDiff) {
          last = i;
        }
      }
      assertNonDecreasing(new ArrayList<>(seen.subList(last, seen.size())));
    }
  }

  @Test
  void limits_failingCallbacks_andSlowClients() throws Exception {
    java.nio.file.Path jar = BadInputTest.testModulesJar(tmp.resolve("testmodules.jar"));
    try (DeimosServer server =
        DeimosServer.start(
            new ServerConfig(tmp.resolve("data"), "127.0.0.1", 0, TOKEN, List.of()))) {
      int port = server.port();
      Object[] r =
          deploy(
              port,
              jar,
              "launch",
              KEEPER,
              "--tasks",
              "4",
              "--threads",
              "2",
              "--moduleOptions",
              "pstate.proxy.limit=3");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);

      // pstate.proxy.limit: the fourth proxy on one partition is refused, naming the limit; a
      // client that goes away frees its subscriptions on the server
      DeimosClusterManager first = DeimosClusterManager.open(client(port, 0));
      PState counts1 = first.clusterPState(KeeperModule.NAME, "$$counts");
      for (int i = 0; i < 3; i++) {
        counts1.proxy(Path.key("a"));
      }
      assertThatThrownBy(() -> counts1.proxy(Path.key("a")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("pstate.proxy.limit of 3");
      first.close();
      try (DeimosClusterManager m = DeimosClusterManager.open(client(port, 0))) {
        PState counts = m.clusterPState(KeeperModule.NAME, "$$counts");
        List<ProxyState<Long>> again = new ArrayList<>();
        waitUntil(
            () -> {
              try {
                while (again.size() < 3) {
                  again.add(counts.proxy(Path.key("a")));
                }
                return true;
              } catch (IllegalStateException stillHeld) {
                return false;
              }
            },
            "the closed client's subscriptions to be freed");
        for (ProxyState<Long> p : again) {
          p.close();
        }
      }

      Map<String, Object> cfg = client(port, 0);
      cfg.put("foreign.proxy.failure.window.threshold", 3);
      cfg.put("pstate.reactivity.queue.limit", 2);
      try (DeimosClusterManager m = DeimosClusterManager.open(cfg)) {
        Depot keys = m.clusterDepot(KeeperModule.NAME, "*keys");
        PState counts = m.clusterPState(KeeperModule.NAME, "$$counts");

        // a callback that always fails ends its proxy after 3 failures
        List<Change> failing = recorder();
        ProxyState<Long> bad =
            counts.proxy(
                Path.key("f"),
                (Long n, Diff d, Long o) -> {
                  failing.add(new Change(n, d, o));
                  throw new IllegalStateException("callback failure on purpose");
                });
        for (int i = 0; i < 5; i++) {
          keys.append("f");
        }
        waitUntil(
            () -> bad.status() == ProxyState.Status.TERMINATED_UNGRACEFULLY,
            "ungraceful termination");
        synchronized (failing) {
          assertThat(failing).hasSize(4); // resync + 2 diffs fail, then the termination
          assertThat(failing.get(3).diff()).isInstanceOf(UngracefulTerminationDiff.class);
        }

        // a slow callback past the client's queue limit of 2: resyncs, and the right final value
        List<Change> slow = recorder();
        ProxyState<Long> s =
            counts.proxy(
                Path.key("s"),
                (Long n, Diff d, Long o) -> {
                  slow.add(new Change(n, d, o));
                  sleep(20);
                });
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          acks.add(keys.appendAsync("s"));
        }
        for (CompletableFuture<?> f : acks) {
          f.get(20, TimeUnit.SECONDS);
        }
        waitUntil(() -> Long.valueOf(200).equals(s.get()), "slow proxy reaches 200");
        assertThat(resyncs(slow)).isGreaterThan(1);
        assertNonDecreasing(slow);
        assertThat(slow.size()).isLessThan(201); // diffs were dropped, not queued without bound
      }

      // the server side of pstate.reactivity.queue.limit: pushes past 1 unwritten are replaced by
      // a resync; every proxy still ends at the right value, in order
      r =
          cli(
              port,
              "setOption",
              "--module",
              KeeperModule.NAME,
              "pstate.reactivity.queue.limit",
              "1");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      try (DeimosClusterManager m = DeimosClusterManager.open(client(port, 0))) {
        Depot keys = m.clusterDepot(KeeperModule.NAME, "*keys");
        PState counts = m.clusterPState(KeeperModule.NAME, "$$counts");
        List<List<Change>> seen = new ArrayList<>();
        List<ProxyState<Long>> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          List<Change> mine = recorder();
          seen.add(mine);
          ps.add(
              counts.proxy(
                  Path.key("q"), (Long n, Diff d, Long o) -> mine.add(new Change(n, d, o))));
        }
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          acks.add(keys.appendAsync("q"));
        }
        for (CompletableFuture<?> f : acks) {
          f.get(20, TimeUnit.SECONDS);
        }
        for (ProxyState<Long> p : ps) {
          waitUntil(() -> Long.valueOf(500).equals(p.get()), "proxy reaches 500");
        }
        for (List<Change> mine : seen) {
          assertNonDecreasing(mine);
        }
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
