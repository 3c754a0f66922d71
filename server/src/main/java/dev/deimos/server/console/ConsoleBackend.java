package dev.deimos.server.console;

import dev.deimos.impl.cluster.InProcessClusterImpl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the console needs from the server it runs in. */
public interface ConsoleBackend {
  /**
   * Returns the server's cluster.
   *
   * @return the cluster
   */
  InProcessClusterImpl cluster();

  /**
   * Returns the deployed modules as the CLI's {@code moduleStatus} shows them (module, class,
   * state, tasks, threads, workers, jar, options, launchedAtMillis).
   *
   * @return one map per module
   */
  List<Map<String, Object>> modules();

  /**
   * Returns when the server started.
   *
   * @return milliseconds since the epoch
   */
  long startedAtMillis();

  /**
   * Returns the data directory.
   *
   * @return the directory
   */
  Path dataDir();

  /**
   * Returns the module operation log.
   *
   * @return the log
   */
  OperationLog operations();

  /**
   * Sets a dynamic option as the CLI's {@code setOption} does (the module is updated with it).
   *
   * @param module the module
   * @param key the option
   * @param value its value, read as the CLI reads it
   * @return the server's answer
   * @throws Exception if the server refuses it (the module keeps running as before)
   */
  String setOption(String module, String key, String value) throws Exception;

  /**
   * Returns the class loader of a module's jar, for decoding its values.
   *
   * @param module the module
   * @return the loader
   */
  ClassLoader classLoader(String module);
}
