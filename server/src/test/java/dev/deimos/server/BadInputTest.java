package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.net.Wire;
import dev.deimos.server.testmodules.KeeperModule;
import dev.deimos.server.testmodules.KeeperWithoutExtra;
import dev.deimos.server.testmodules.ThrowingKeeper;
import dev.deimos.server.testmodules.ThrowingModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad deployments and options against a server in this JVM, each refused with a clear error while
 * what is deployed and stored stays as it was; and dynamic options applied to a running module.
 */
class BadInputTest {
  static final String TOKEN = "tok";

  @TempDir java.nio.file.Path tmp;
  DeimosServer server;
  String port;
  java.nio.file.Path jar;

  @BeforeEach
  void start() throws Exception {
    server = startServer();
    port = Integer.toString(server.port());
    jar = testModulesJar(tmp.resolve("testmodules.jar"));
  }

  private DeimosServer startServer() {
    return DeimosServer.start(
        new ServerConfig(tmp.resolve("data"), "127.0.0.1", 0, TOKEN, List.of()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A jar of the classes of {@code dev.deimos.server.testmodules}, as a user would build it. */
  static java.nio.file.Path testModulesJar(java.nio.file.Path out) throws Exception {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            KeeperModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    java.nio.file.Path pkg = classes.resolve("dev/deimos/server/testmodules");
    try (OutputStream o = Files.newOutputStream(out);
        JarOutputStream j = new JarOutputStream(o);
        Stream<java.nio.file.Path> files = Files.list(pkg)) {
      for (java.nio.file.Path f : files.sorted().toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return out;
  }

  private Object[] cli(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = args[0];
    all[1] = "--port";
    all[2] = port;
    all[3] = "--token=" + TOKEN;
    System.arraycopy(args, 1, all, 4, args.length - 1);
    return ServerEndToEndTest.cli(all);
  }

  private Object[] deploy(String action, String className, String... extra) {
    String[] base = {"deploy", "--action", action, "--jar", jar.toString(), "--module", className};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return cli(all);
  }

  private DeimosClusterManager client() {
    return DeimosClusterManager.open(
        Map.of(
            "conductor.port",
            server.port(),
            "auth.token",
            TOKEN,
            "foreign.depot.operation.timeout.millis",
            10_000,
            "foreign.pstate.operation.timeout.millis",
            10_000));
  }

  private void assertKeeperIntact(DeimosClusterManager m) {
    assertThat(m.getDeployedModuleNames()).containsExactly(KeeperModule.NAME);
    PState counts = m.clusterPState(KeeperModule.NAME, "$$counts");
    assertThat((Object) counts.selectOne(Path.key("a"))).isEqualTo(2L);
    assertThat((Object) counts.selectOne(Path.key("b"))).isEqualTo(1L);
    assertThat(m.clusterPState(KeeperModule.NAME, "$$extra")).isNotNull();
  }

  private String storedJar() throws IOException {
    return Files.readString(
        tmp.resolve("data").resolve("modules").resolve("Keeper").resolve("module.properties"));
  }

  @Test
  void refusesBadDeploymentsAndKeepsWhatIsDeployed() throws Exception {
    Object[] r = deploy("launch", KeeperModule.class.getName(), "--tasks", "4", "--threads", "2");
    assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
    try (DeimosClusterManager m = client()) {
      Depot keys = m.clusterDepot(KeeperModule.NAME, "*keys");
      keys.append("a");
      keys.append("a");
      keys.append("b");
      assertKeeperIntact(m);
      String stored = storedJar();

      // a jar without the named class
      r =
          deploy(
              "launch", "dev.deimos.server.testmodules.Missing", "--tasks", "4", "--threads", "1");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1])
          .contains("has no class dev.deimos.server.testmodules.Missing")
          .contains("testmodules.jar");
      // a task count that is not a power of two
      r = deploy("launch", KeeperModule.class.getName(), "--tasks", "6", "--threads", "2");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("power of two").contains("6");
      // launching the same module twice
      r = deploy("launch", KeeperModule.class.getName(), "--tasks", "4", "--threads", "2");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("Keeper").contains("already deployed");
      // a module whose define throws, as a launch and as an update of Keeper (same name)
      r = deploy("launch", ThrowingModule.class.getName(), "--tasks", "4", "--threads", "1");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("define of ThrowingModule fails on purpose");
      r = deploy("update", ThrowingKeeper.class.getName());
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1])
          .contains("updating module Keeper failed (it keeps running as before)")
          .contains("define of ThrowingModule fails on purpose");
      // an update that drops a PState without listing it in objectsToDelete
      r = deploy("update", KeeperWithoutExtra.class.getName());
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("$$extra").contains("objectsToDelete");
      // a malformed --moduleOptions and an option value the module rejects
      r =
          deploy(
              "launch",
              KeeperModule.class.getName(),
              "--tasks",
              "4",
              "--threads",
              "1",
              "--moduleOptions",
              "noEquals");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("--moduleOptions").contains("noEquals");
      r = cli("setOption", "--module", KeeperModule.NAME, "topology.query.timeout.millis", "soon");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1])
          .contains("topology.query.timeout.millis")
          .contains("soon")
          .contains("keeps running as before");
      r = cli("setOption", "--module", "NoSuchModule", "depot.max.fetch", "3");
      assertThat(r[0]).isEqualTo(1);
      assertThat((String) r[1]).contains("module NoSuchModule is not deployed");

      // through all of it: the module, its data, its stored jar and options are unchanged
      assertKeeperIntact(m);
      assertThat(storedJar()).isEqualTo(stored);
      try (Stream<java.nio.file.Path> dirs = Files.list(tmp.resolve("data").resolve("modules"))) {
        assertThat(dirs.map(d -> d.getFileName().toString())).containsExactly("Keeper");
      }
      keys.append("b");
      assertThat((Object) m.clusterPState(KeeperModule.NAME, "$$counts").selectOne(Path.key("b")))
          .isEqualTo(2L);

      // with objectsToDelete the same update goes through and the PState is gone
      r = deploy("update", KeeperWithoutExtra.class.getName(), "--objectsToDelete", "$$extra");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      assertThatThrownBy(() -> m.clusterPState(KeeperModule.NAME, "$$extra"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$$extra");
      assertThat((Object) m.clusterPState(KeeperModule.NAME, "$$counts").selectOne(Path.key("a")))
          .isEqualTo(2L);
    }
  }

  @Test
  void setOptionAppliesToTheRunningModuleAndSurvivesARestart() throws Exception {
    Object[] r =
        deploy(
            "launch",
            KeeperModule.class.getName(),
            "--tasks",
            "2",
            "--threads",
            "1",
            "--moduleOptions",
            "depot.max.fetch=50");
    assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
    try (DeimosClusterManager m = client()) {
      QueryTopologyClient<Long> slow = m.clusterQuery(KeeperModule.NAME, "slow");
      assertThat(slow.invoke(300L)).isEqualTo(300L);
      m.clusterDepot(KeeperModule.NAME, "*keys").append("a");

      r = cli("setOption", "--module", KeeperModule.NAME, "topology.query.timeout.millis", "100");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      assertThat((String) r[1]).contains("topology.query.timeout.millis").contains("100");
      // at once, on the handle the client already had
      assertThatThrownBy(() -> slow.invoke(1000L)).hasMessageContaining("100");
      Thread.sleep(1200); // the timed-out query still holds its task thread for its 1000 ms
      assertThat(slow.invoke(1L)).isEqualTo(1L);
      assertThat((Object) m.clusterPState(KeeperModule.NAME, "$$counts").selectOne(Path.key("a")))
          .isEqualTo(1L);
    }

    // a graceful restart relaunches the module with its options
    server.close();
    server = startServer();
    port = Integer.toString(server.port());
    r = cli("moduleStatus", "--module", KeeperModule.NAME);
    assertThat((String) r[1])
        .contains("topology.query.timeout.millis=100")
        .contains("depot.max.fetch=50");
    try (DeimosClusterManager m = client()) {
      QueryTopologyClient<Long> slow = m.clusterQuery(KeeperModule.NAME, "slow");
      assertThatThrownBy(() -> slow.invoke(1000L)).hasMessageContaining("100");
      Thread.sleep(1200);
      r = cli("setOption", "--module", KeeperModule.NAME, "topology.query.timeout.millis", "5000");
      assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
      assertThat(slow.invoke(300L)).isEqualTo(300L);
    }
  }

  @Test
  void aServerThatIsDownFailsWithinTheTimeoutNamingHostAndPort() throws Exception {
    int free;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      free = s.getLocalPort();
    }
    try (DeimosClusterManager m =
        DeimosClusterManager.open(
            Map.of(
                "conductor.port",
                free,
                "foreign.depot.operation.timeout.millis",
                800,
                "foreign.pstate.operation.timeout.millis",
                800))) {
      long t0 = System.nanoTime();
      assertThatThrownBy(m::getDeployedModuleNames)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + free);
      assertThatThrownBy(() -> m.clusterDepot("M", "*d"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + free);
      assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(6));
    }
    // and the CLI says the same with its own exit code
    Object[] r =
        ServerEndToEndTest.cli("modules", "--port", Integer.toString(free), "--timeout", "500");
    assertThat(r[0]).isEqualTo(3);
    assertThat((String) r[1]).contains("127.0.0.1:" + free);
  }

  /** A frame: length, op, id, body. */
  private static byte[] frame(byte op, int id, byte[] body) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 5 + body.length);
    b.putInt(5 + body.length).put(op).putInt(id).put(body);
    return b.array();
  }

  private static byte[] str(String s) {
    byte[] u = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.nio.ByteBuffer.allocate(4 + u.length).putInt(u.length).put(u).array();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  @Test
  void authenticatedGarbageLeavesTheServerServingOthers() throws Exception {
    Object[] r = deploy("launch", KeeperModule.class.getName(), "--tasks", "4", "--threads", "2");
    assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
    try (DeimosClusterManager before = client()) {
      Depot keys = before.clusterDepot(KeeperModule.NAME, "*keys");
      keys.append("a");
      keys.append("a");
      keys.append("b");
      java.util.Random rnd = new java.util.Random(7);
      byte[] ops = {
        Wire.APPEND,
        Wire.SELECT,
        Wire.QUERY,
        Wire.CHECK,
        Wire.MB_INFO,
        Wire.MODULES,
        Wire.HELLO,
        (byte) 77
      };
      String[] names = {"*keys", "$$counts", "slow", "count", "", "\u0000"};
      for (int conn = 0; conn < 4; conn++) {
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", server.port())) {
          sock.setSoTimeout(5000);
          java.io.InputStream in = sock.getInputStream();
          // drain answers so the server's writes never back up against this test
          Thread drain =
              new Thread(
                  () -> {
                    byte[] buf = new byte[8192];
                    try {
                      while (in.read(buf) >= 0) {
                        // discard
                      }
                    } catch (IOException closed) {
                      // the server closed this connection: allowed
                    }
                  });
          drain.setDaemon(true);
          drain.start();
          java.io.OutputStream out = sock.getOutputStream();
          byte[] hello =
              concat(
                  java.nio.ByteBuffer.allocate(8)
                      .putInt(Wire.MAGIC)
                      .putInt(Wire.PROTOCOL_VERSION)
                      .array(),
                  str("test"),
                  str(TOKEN));
          try {
            out.write(frame(Wire.HELLO, 0, hello));
            for (int i = 0; i < 150; i++) {
              byte op = ops[rnd.nextInt(ops.length)];
              byte[] junk = new byte[rnd.nextInt(40)];
              rnd.nextBytes(junk);
              byte[] value = new byte[1 + rnd.nextInt(12)];
              rnd.nextBytes(value);
              byte[] body =
                  switch (rnd.nextInt(3)) {
                    case 0 -> junk;
                    case 1 ->
                        concat(str(KeeperModule.NAME), str(names[rnd.nextInt(names.length)]), junk);
                    default ->
                        concat(
                            str(KeeperModule.NAME),
                            str(names[rnd.nextInt(names.length)]),
                            new byte[] {(byte) rnd.nextInt(4)},
                            java.nio.ByteBuffer.allocate(4).putInt(value.length).array(),
                            value,
                            java.nio.ByteBuffer.allocate(4).putInt(value.length).array(),
                            value);
                  };
              out.write(frame(op, i + 1, body));
            }
            // then a truncated frame, or one claiming more than the maximum
            out.write(
                conn % 2 == 0
                    ? new byte[] {0, 0, 1, 0, Wire.APPEND, 0, 0}
                    : new byte[] {0x7f, 0, 0, 0, Wire.APPEND});
            out.flush();
          } catch (IOException reset) {
            // the server may close a connection sending nonsense: allowed
          }
        }
      }
      // the client connected before the garbage, and a new one, are served; nothing was lost
      assertKeeperIntact(before);
      try (DeimosClusterManager after = client()) {
        assertKeeperIntact(after);
        assertThat(after.getDeployedModuleNames()).containsExactly(KeeperModule.NAME);
      }
    }
  }
}
