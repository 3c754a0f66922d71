package dev.deimos.server;

import dev.deimos.impl.net.NetClusterManager;
import dev.deimos.impl.net.Wire;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code deimos} command: {@code start} runs a node in this process; every other verb sends one
 * admin request to a running node. Exit codes: 0 done, 1 the server refused or the request failed
 * (the reason on standard error), 2 bad usage, 3 the server cannot be reached.
 *
 * <p>Printing to standard output and error is this class's job, so it does.
 */
@Command(
    name = "deimos",
    mixinStandardHelpOptions = true,
    version = "deimos " + Wire.VERSION,
    description = "Runs and manages a single-node Deimos cluster.",
    subcommands = {
      Cli.Start.class,
      Cli.Deploy.class,
      Cli.Destroy.class,
      Cli.ScaleExecutors.class,
      Cli.SetOption.class,
      Cli.ModuleStatus.class,
      Cli.Modules.class,
      Cli.Shutdown.class
    })
public final class Cli implements Runnable {
  /** Exit code: the request failed or was refused. */
  static final int FAILED = 1;

  /** Exit code: the server cannot be reached. */
  static final int UNREACHABLE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. start");
  }

  /**
   * Runs the command.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command and returns its exit code (for tests and embedding).
   *
   * @param args the arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return new CommandLine(new Cli()).execute(args);
  }

  /** Options every verb shares: where the config is and how to reach the server. */
  static class Common {
    @Option(
        names = "--config",
        description =
            "deimos.yaml to read (default: conf/deimos.yaml of the distribution, else ./deimos.yaml)")
    Path config;

    @Option(names = "--host", description = "server host (conductor.host, default 127.0.0.1)")
    String host;

    @Option(names = "--port", description = "server port (conductor.port, default 1973)")
    Integer port;

    @Option(names = "--token", description = "shared secret (auth.token)")
    String token;

    Map<String, Object> keys() {
      Path f = config;
      if (f == null) {
        String home = System.getProperty("deimos.home");
        if (home != null && Files.isRegularFile(Path.of(home, "conf", "deimos.yaml"))) {
          f = Path.of(home, "conf", "deimos.yaml");
        } else if (Files.isRegularFile(Path.of("deimos.yaml"))) {
          f = Path.of("deimos.yaml");
        }
      }
      Map<String, Object> k = ServerConfig.readYaml(f);
      if (port != null) {
        k.put("conductor.port", port);
      }
      if (token != null) {
        k.put("auth.token", token);
      }
      if (host != null) {
        k.put("conductor.host", host);
      }
      return k;
    }
  }

  /** A verb that sends one admin command. */
  abstract static class AdminVerb implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Option(
        names = "--timeout",
        description = "milliseconds to wait for the server (default 10000)")
    long timeout = 10_000;

    abstract Map<String, Object> command() throws IOException;

    void print(Object result) {
      System.out.println(result);
    }

    @Override
    public Integer call() throws IOException {
      Map<String, Object> cmd = command();
      Map<String, Object> keys = common.keys();
      keys.put("foreign.pstate.operation.timeout.millis", (int) timeout);
      try (NetClusterManager m = NetClusterManager.open(keys)) {
        print(m.admin(cmd, timeout));
        return 0;
      } catch (IllegalArgumentException | IllegalStateException e) {
        System.err.println("deimos: " + e.getMessage());
        return e.getMessage() != null && e.getMessage().startsWith("cannot reach")
            ? UNREACHABLE
            : FAILED;
      }
    }
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Starts a node in this process and serves until shutdownCluster or SIGTERM.")
  static final class Start implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Option(
        names = "--local-dir",
        description = "data directory (local.dir, default ./deimos-data)")
    Path localDir;

    @Option(
        names = "--bind",
        description = "address to listen on (conductor.bind, default 127.0.0.1)")
    String bind;

    @Option(
        names = "--rest-port",
        description =
            "HTTP port for REST, /metrics and the console (rest.port, default 2000; 0 a"
                + " free one, -1 none)")
    Integer restPort;

    @Option(
        names = "--examples",
        description = "the examples jar: launch its example modules if not yet deployed")
    Path examples;

    static final List<String> EXAMPLE_MODULES =
        List.of(
            "dev.deimos.examples.WordCountModule",
            "dev.deimos.examples.UserRegistrationModule",
            "dev.deimos.examples.BankTransferModule",
            "dev.deimos.examples.TopSpendersModule",
            "dev.deimos.examples.RenderLatencyModule");

    @Override
    public Integer call() throws Exception {
      Map<String, Object> keys = common.keys();
      if (localDir != null) {
        keys.put("local.dir", localDir.toString());
      }
      if (bind != null) {
        keys.put("conductor.bind", bind);
      }
      if (restPort != null) {
        keys.put("rest.port", restPort);
      }
      ServerConfig cfg;
      try {
        cfg = ServerConfig.of(keys);
        Files.createDirectories(cfg.localDir());
      } catch (IllegalArgumentException | IOException e) {
        System.err.println("deimos: " + e.getMessage());
        return 2;
      }
      // before the first log line, so Logback's file appender writes under the data directory
      System.setProperty("deimos.log.dir", cfg.localDir().resolve("logs").toString());
      long t0 = System.nanoTime();
      DeimosServer s;
      try {
        s = DeimosServer.start(cfg);
      } catch (RuntimeException e) {
        System.err.println("deimos: " + e.getMessage());
        return FAILED;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "deimos-sigterm"));
      org.slf4j.LoggerFactory.getLogger(Cli.class)
          .info(
              "Deimos server ready on {}:{} with {} modules in {} ms (data in {})",
              cfg.bind(),
              s.port(),
              s.moduleNames().size(),
              (System.nanoTime() - t0) / 1_000_000,
              cfg.localDir().toAbsolutePath());
      if (examples != null) {
        try {
          for (String m : EXAMPLE_MODULES) {
            s.launchIfAbsent(examples, m, 4, 2);
          }
        } catch (Exception e) {
          System.err.println("deimos: cannot deploy the examples from " + examples + ": " + e);
          s.close();
          return FAILED;
        }
        printWalkthrough(cfg, s.port(), s.consolePort());
      }
      s.awaitStop();
      return 0;
    }
  }

  static void printWalkthrough(ServerConfig cfg, int port, int consolePort) {
    String hp = cfg.bind() + ":" + port;
    String cli = System.getProperty("deimos.home", ".") + "/bin/deimos";
    System.out.println();
    System.out.println("Deimos node serving clients and the CLI on " + hp);
    if (consolePort > 0) {
      System.out.println(
          "Web console: http://"
              + cfg.bind()
              + ":"
              + consolePort
              + "/console/ (open it in a browser)");
    }
    System.out.println("Modules deployed: " + String.join(", ", Start.EXAMPLE_MODULES));
    System.out.println("From a second terminal:");
    System.out.println("  " + cli + " modules --port " + port);
    System.out.println(
        "  "
            + cli
            + " moduleStatus --port "
            + port
            + " --module dev.deimos.examples.WordCountModule");
    System.out.println("From Java (dev.deimos:deimos on the class path):");
    System.out.println(
        "  var m = DeimosClusterManager.open(Map.of(\"conductor.port\", " + port + "));");
    System.out.println(
        "  m.clusterDepot(\"dev.deimos.examples.WordCountModule\", \"*sentences\")"
            + ".append(\"hello deimos\");");
    System.out.println(
        "  m.clusterPState(\"dev.deimos.examples.WordCountModule\", \"$$wordCounts\")"
            + ".selectOne(Path.key(\"hello\"));  // 1");
    System.out.println("Stop with Ctrl-C or: " + cli + " shutdownCluster --port " + port);
  }

  @Command(
      name = "deploy",
      mixinStandardHelpOptions = true,
      description = "Launches a module from a jar, or updates a running one with new code.")
  static final class Deploy extends AdminVerb {
    @Option(names = "--action", required = true, description = "launch or update")
    String action;

    @Option(names = "--jar", required = true, description = "the module jar")
    Path jar;

    @Option(names = "--module", required = true, description = "the module class name")
    String module;

    @Option(names = "--tasks", description = "tasks (a power of two; launch only)")
    Integer tasks;

    @Option(names = "--threads", description = "task threads (launch only)")
    Integer threads;

    @Option(names = "--workers", description = "workers (launch only)")
    Integer workers;

    @Option(
        names = "--configOverrides",
        description = "YAML file of worker config overrides (stored with the module)")
    Path configOverrides;

    @Option(
        names = "--moduleOptions",
        description =
            "dynamic options 'key=value;key=value' (launch only; persisted, change them with"
                + " setOption)")
    String moduleOptions;

    @Option(
        names = "--objectsToDelete",
        split = ",",
        description = "depots and PStates an update may delete")
    List<String> objectsToDelete = new ArrayList<>();

    @Override
    Map<String, Object> command() throws IOException {
      if (!action.equals("launch") && !action.equals("update")) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--action must be launch or update, got " + action);
      }
      if (!Files.isRegularFile(jar)) {
        throw new CommandLine.ParameterException(new CommandLine(this), "no such jar: " + jar);
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("command", action);
      c.put("jar", Files.readAllBytes(jar));
      c.put("jarName", jar.getFileName().toString());
      c.put("module", module);
      if (action.equals("launch")) {
        if (tasks == null || threads == null) {
          throw new CommandLine.ParameterException(
              new CommandLine(this), "launch needs --tasks and --threads");
        }
        c.put("tasks", tasks);
        c.put("threads", threads);
        c.put("workers", workers == null ? 1 : workers);
      }
      if (configOverrides != null) {
        c.put("configOverrides", Files.readString(configOverrides));
      }
      if (moduleOptions != null) {
        c.put("moduleOptions", moduleOptions);
      }
      c.put("objectsToDelete", new ArrayList<>(objectsToDelete));
      return c;
    }
  }

  @Command(
      name = "destroy",
      mixinStandardHelpOptions = true,
      description =
          "Destroys a module and its depots and PStates (refused while another module mirrors it).")
  static final class Destroy extends AdminVerb {
    @Option(names = "--module", required = true, description = "the module name")
    String module;

    @Override
    Map<String, Object> command() {
      return new LinkedHashMap<>(Map.of("command", "destroy", "module", module));
    }
  }

  @Command(
      name = "scaleExecutors",
      mixinStandardHelpOptions = true,
      description = "Sets a module's threads and workers (applied at the next server start).")
  static final class ScaleExecutors extends AdminVerb {
    @Option(names = "--module", required = true, description = "the module name")
    String module;

    @Option(names = "--threads", description = "task threads")
    Integer threads;

    @Option(names = "--workers", description = "workers")
    Integer workers;

    @Override
    Map<String, Object> command() {
      Map<String, Object> c =
          new LinkedHashMap<>(Map.of("command", "scaleExecutors", "module", module));
      if (threads != null) {
        c.put("threads", threads);
      }
      if (workers != null) {
        c.put("workers", workers);
      }
      return c;
    }
  }

  @Command(
      name = "setOption",
      mixinStandardHelpOptions = true,
      description =
          "Sets a dynamic option of a running module: applied at once (the module is updated to"
              + " its own code with the option) and persisted across restarts.")
  static final class SetOption extends AdminVerb {
    @Option(names = "--module", required = true, description = "the module name")
    String module;

    @CommandLine.Parameters(index = "0", description = "option key")
    String key;

    @CommandLine.Parameters(index = "1", description = "option value")
    String value;

    @Override
    Map<String, Object> command() {
      return new LinkedHashMap<>(
          Map.of("command", "setOption", "module", module, "key", key, "value", value));
    }
  }

  @Command(
      name = "moduleStatus",
      mixinStandardHelpOptions = true,
      description = "Prints a module's state, launch config and options.")
  static final class ModuleStatus extends AdminVerb {
    @Option(names = "--module", required = true, description = "the module name")
    String module;

    @Override
    Map<String, Object> command() {
      return new LinkedHashMap<>(Map.of("command", "moduleStatus", "module", module));
    }
  }

  @Command(
      name = "modules",
      mixinStandardHelpOptions = true,
      description = "Lists the deployed modules with their state.")
  static final class Modules extends AdminVerb {
    @Override
    Map<String, Object> command() {
      return new LinkedHashMap<>(Map.of("command", "modules"));
    }

    @Override
    void print(Object result) {
      PrintWriter w = new PrintWriter(System.out, true);
      for (Object m : (List<?>) result) {
        w.println(m);
      }
    }
  }

  @Command(
      name = "shutdownCluster",
      mixinStandardHelpOptions = true,
      description = "Stops the node gracefully (flushes and closes stores).")
  static final class Shutdown extends AdminVerb {
    @Override
    Map<String, Object> command() {
      return new LinkedHashMap<>(Map.of("command", "shutdownCluster"));
    }
  }
}
