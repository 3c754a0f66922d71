package dev.deimos.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The server's settings: keys of a {@code deimos.yaml}, overridden by command-line options.
 *
 * @param localDir the data directory ({@code local.dir})
 * @param bind the address to listen on ({@code conductor.bind}, loopback by default)
 * @param port the client and CLI port ({@code conductor.port}; 0 picks a free one)
 * @param token the shared secret ({@code auth.token}), or null for none
 * @param customSerializations class names ({@code custom.serializations})
 */
public record ServerConfig(
    Path localDir, String bind, int port, String token, List<String> customSerializations) {

  /** Rama's conductor port, kept as ours. */
  public static final int DEFAULT_PORT = 1973;

  /**
   * Reads a YAML file.
   *
   * @param file the file, or null for none
   * @return its keys (empty if the file is null)
   * @throws IllegalArgumentException if the file cannot be read or is not a map
   */
  public static Map<String, Object> readYaml(Path file) {
    if (file == null) {
      return new LinkedHashMap<>();
    }
    try (InputStream in = Files.newInputStream(file)) {
      Object o = new Yaml().load(in);
      if (o == null) {
        return new LinkedHashMap<>();
      }
      if (!(o instanceof Map)) {
        throw new IllegalArgumentException(file + " is not a map of keys");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("malformed config " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Builds a config from keys.
   *
   * @param keys the YAML keys with overrides applied
   * @return the config
   * @throws IllegalArgumentException if a value has the wrong type
   */
  @SuppressWarnings("unchecked")
  public static ServerConfig of(Map<String, Object> keys) {
    Object dir = keys.getOrDefault("local.dir", "./deimos-data");
    Object bind = keys.getOrDefault("conductor.bind", "127.0.0.1");
    Object port = keys.getOrDefault("conductor.port", DEFAULT_PORT);
    int p;
    try {
      p = port instanceof Number ? ((Number) port).intValue() : Integer.parseInt(port.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("conductor.port must be a number, got " + port, e);
    }
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("conductor.port must be 0..65535, got " + p);
    }
    Object token = keys.get("auth.token");
    Object cs = keys.getOrDefault("custom.serializations", List.of());
    if (!(cs instanceof List)) {
      throw new IllegalArgumentException("custom.serializations must be a list, got " + cs);
    }
    return new ServerConfig(
        Path.of(dir.toString()),
        bind.toString(),
        p,
        token == null || token.toString().isEmpty() ? null : token.toString(),
        (List<String>) cs);
  }
}
