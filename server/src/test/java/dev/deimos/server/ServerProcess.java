package dev.deimos.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Deimos server in a child JVM started from this module's class path (the distribution archive is
 * built in the package phase, after the tests), without the examples on it: modules reach it only
 * as jars through the CLI.
 */
final class ServerProcess implements AutoCloseable {
  final Path dataDir;
  final Process process;
  final int port;

  private ServerProcess(Path dataDir, Process process, int port) {
    this.dataDir = dataDir;
    this.process = process;
    this.port = port;
  }

  static String serverClassPath() {
    List<String> keep = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains("deimos-examples") || e.contains("examples" + File.separator + "target")) {
        continue;
      }
      keep.add(e);
    }
    return String.join(File.pathSeparator, keep);
  }

  static ServerProcess start(Path dataDir, int port, String... extra) throws Exception {
    Files.createDirectories(dataDir);
    Files.deleteIfExists(dataDir.resolve("server.port"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    // the web console picks a free port (tests run servers side by side), written to console.port
    cmd.add("-Ddeimos.console.port=0");
    cmd.add(
        "-Ddeimos.console.sample.millis="
            + System.getProperty("deimos.console.sample.millis", "5000"));
    cmd.add("-cp");
    cmd.add(serverClassPath());
    cmd.add("dev.deimos.server.Cli");
    cmd.add("start");
    cmd.add("--local-dir");
    cmd.add(dataDir.toString());
    cmd.add("--port");
    cmd.add(Integer.toString(port));
    cmd.addAll(List.of(extra));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("console.log").toFile())
            .start();
    Path portFile = dataDir.resolve("server.port");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(portFile)) {
        String s = Files.readString(portFile).trim();
        if (!s.isEmpty()) {
          return new ServerProcess(dataDir, p, Integer.parseInt(s));
        }
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "server exited: " + Files.readString(dataDir.resolve("console.log")));
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new IllegalStateException("server did not start in 120 s");
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: graceful shutdown
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
