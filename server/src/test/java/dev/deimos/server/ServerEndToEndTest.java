package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.AckLevel;
import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.examples.UserRegistrationModule;
import dev.deimos.examples.UserRegistrationModule.Register;
import dev.deimos.examples.WordCountModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in a child process, driven through the CLI and DeimosClusterManager. */
class ServerEndToEndTest {
  static final String TOKEN = "s3cret-token";
  static final String WC = WordCountModule.class.getName();
  static final String UR = UserRegistrationModule.class.getName();

  @TempDir java.nio.file.Path tmp;

  static String examplesJar() throws Exception {
    java.nio.file.Path p =
        java.nio.file.Path.of(
            WordCountModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(p)) {
      throw new IllegalStateException("run with the examples jar built (mvn verify at the root)");
    }
    return p.toString();
  }

  static Map<String, Object> client(int port, String token, int timeoutMillis) {
    Map<String, Object> c = new java.util.HashMap<>();
    c.put("conductor.port", port);
    if (token != null) {
      c.put("auth.token", token);
    }
    c.put("foreign.depot.operation.timeout.millis", timeoutMillis);
    c.put("foreign.pstate.operation.timeout.millis", timeoutMillis);
    return c;
  }

  /** Runs a CLI verb in this JVM (it is only a client) and returns exit code and stderr. */
  static Object[] cli(String... args) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    System.setOut(new PrintStream(out, true));
    try {
      int rc = Cli.run(args);
      return new Object[] {rc, err.toString() + out};
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }

  @Test
  void deployAppendQueryUpdateKillRestart() throws Exception {
    java.nio.file.Path data = tmp.resolve("data");
    String jar = examplesJar();
    ServerProcess s = ServerProcess.start(data, 0, "--token", TOKEN);
    int port = s.port;
    String p = Integer.toString(port);
    try {
      // bad input first: each refused with a clear message, nothing stored
      Object[] r =
          cli(
              "deploy",
              "--port",
              p,
              "--token",
              TOKEN,
              "--action",
              "launch",
              "--jar",
              jar,
              "--module",
              "dev.deimos.examples.NoSuchModule",
              "--tasks",
              "4",
              "--threads",
              "2");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("has no class dev.deimos.examples.NoSuchModule");
      r =
          cli(
              "deploy",
              "--port",
              p,
              "--token",
              TOKEN,
              "--action",
              "launch",
              "--jar",
              jar,
              "--module",
              WC,
              "--tasks",
              "3",
              "--threads",
              "2");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("power of two");
      r = cli("modules", "--port", p, "--token", "wrong");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("authentication failed").doesNotContain(TOKEN);

      for (String m : List.of(WC, UR)) {
        r =
            cli(
                "deploy",
                "--port",
                p,
                "--token",
                TOKEN,
                "--action",
                "launch",
                "--jar",
                jar,
                "--module",
                m,
                "--tasks",
                "4",
                "--threads",
                "2");
        assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      }
      r = cli("setOption", "--port", p, "--token", TOKEN, "--module", WC, "depot.max.fetch", "7");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);

      try (DeimosClusterManager m = DeimosClusterManager.open(client(port, TOKEN, 20_000))) {
        assertThat(m.getDeployedModuleNames()).containsExactly(WC, UR);
        Depot sentences = m.clusterDepot(WC, "*sentences");
        PState counts = m.clusterPState(WC, "$$wordCounts");
        sentences.append("the dog and the fox");
        assertThat((Object) counts.selectOne(Path.key("the"))).isEqualTo(2L);
        assertThat(sentences.append("a cat", AckLevel.APPEND_ACK)).isEmpty();
        sentences.appendAsync("zebra", AckLevel.NONE).get(10, TimeUnit.SECONDS);
        assertThat(counts.selectAsync(Path.key("dog")).get(10, TimeUnit.SECONDS))
            .containsExactly(1L);
        assertThatThrownBy(() -> m.clusterDepot(WC, "*nope"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("*nope");

        // a record class from the module jar, serialized by the client, read by the module's loader
        Depot regs = m.clusterDepot(UR, "*registrations");
        Map<String, Object> ack = regs.append(new Register("bob", "bob@example.com"));
        assertThat(ack).containsKey("registration");
        QueryTopologyClient<Object> byName = m.clusterQuery(UR, "profileByUsername");
        assertThat(String.valueOf(byName.invoke("bob"))).contains("bob@example.com");

        // 16 client threads append and read while the module is updated with a new jar
        java.nio.file.Path jar2 = tmp.resolve("examples-v2.jar");
        Files.copy(java.nio.file.Path.of(jar), jar2);
        int threads = 16;
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(threads);
        AtomicInteger reads = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
          int tid = t;
          new Thread(
                  () -> {
                    try {
                      for (int i = 0; i < 2000 && !stop.get(); i++) {
                        String w = "w" + tid + "x" + i;
                        sentences.append(w);
                        acked.add(w);
                        if (i % 4 == 0 && counts.selectOne(Path.key(w)) != null) {
                          reads.incrementAndGet();
                        }
                      }
                    } catch (Throwable e) {
                      errors.add(e);
                    } finally {
                      done.countDown();
                    }
                  })
              .start();
        }
        Thread.sleep(200);
        r =
            cli(
                "deploy",
                "--port",
                p,
                "--token",
                TOKEN,
                "--action",
                "update",
                "--jar",
                jar2.toString(),
                "--module",
                WC);
        assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
        Thread.sleep(200);
        stop.set(true);
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
        assertThat(acked.size()).isGreaterThanOrEqualTo(threads);
        assertThat(reads.get()).isPositive();
        for (String w : new ArrayList<>(acked)) {
          assertThat((Object) counts.selectOne(Path.key(w))).as(w).isEqualTo(1L);
        }

        // SIGKILL, then the client fails within its timeout naming host and port
        s.kill();
        try (DeimosClusterManager down = DeimosClusterManager.open(client(port, TOKEN, 1000))) {
          long t0 = System.nanoTime();
          assertThatThrownBy(down::getDeployedModuleNames)
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("127.0.0.1:" + port);
          assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
        }

        // restart on the same port: every module is back from its stored jar, old handles work
        s = ServerProcess.start(data, port, "--token", TOKEN);
        assertThat(m.getDeployedModuleNames()).containsExactly(WC, UR);
        // the data is back too: every acknowledged word is counted (at least once: records after
        // the last stream checkpoint are processed again after the SIGKILL)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String w : new ArrayList<>(acked)) {
          Object n;
          while ((n = counts.selectOne(Path.key(w))) == null && System.nanoTime() < until) {
            Thread.sleep(20);
          }
          assertThat(n).as("count of %s after the restart", w).isNotNull();
          assertThat((Long) n).as(w).isGreaterThanOrEqualTo(1L);
        }
        assertThat((Long) counts.selectOne(Path.key("the"))).isGreaterThanOrEqualTo(2L);
        sentences.append("back again");
        assertThat((Object) counts.selectOne(Path.key("again"))).isEqualTo(1L);
        assertThat(regs.append(new Register("carol", "c@example.com"))).containsKey("registration");
        r = cli("moduleStatus", "--port", p, "--token", TOKEN, "--module", WC);
        assertThat((String) r[1]).contains("depot.max.fetch=7").contains("state=running");
      }

      // destroy, then it stays gone after a graceful restart
      r = cli("destroy", "--port", p, "--token", TOKEN, "--module", UR);
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      r = cli("shutdownCluster", "--port", p, "--token", TOKEN);
      assertThat(r[0]).isEqualTo(0);
      assertThat(s.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(data.resolve("logs").resolve("deimos.log")))
          .contains("Deimos server stopped");
      s = ServerProcess.start(data, port, "--token", TOKEN);
      try (DeimosClusterManager m = DeimosClusterManager.open(client(port, TOKEN, 20_000))) {
        assertThat(m.getDeployedModuleNames()).containsExactly(WC);
      }
      r =
          cli(
              "modules",
              "--port",
              Integer.toString(port + 1 == 65536 ? 1 : port + 1),
              "--timeout",
              "500");
      assertThat(r[0]).isEqualTo(3);
    } finally {
      s.close();
    }
  }
}
