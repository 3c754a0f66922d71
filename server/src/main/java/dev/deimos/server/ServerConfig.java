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
 * @param restBind the address the HTTP port (REST, metrics, console) listens on ({@code rest.bind},
 *     loopback by default)
 * @param restPort the HTTP port ({@code rest.port}, default 2000; 0 picks a free one, -1 turns HTTP
 *     off)
 * @param restMaxBodyBytes the largest HTTP request body accepted ({@code rest.max.body.bytes},
 *     default 16 MiB)
 */
public record ServerConfig(
    Path localDir,
    String bind,
    int port,
    String token,
    List<String> customSerializations,
    String restBind,
    int restPort,
    long restMaxBodyBytes) {

  /** Rama's conductor port, kept as ours. */
  public static final int DEFAULT_PORT = 1973;

  /** The port of Rama's REST API in its docs, kept as ours. */
  public static final int DEFAULT_REST_PORT = 2000;

  /** Default largest HTTP request body: 16 MiB. */
  public static final long DEFAULT_REST_MAX_BODY = 16L << 20;

  /**
   * A config with HTTP on a free loopback port (for tests and embedding).
   *
   * @param localDir the data directory
   * @param bind the client port's address
   * @param port the client port
   * @param token the shared secret, or null
   * @param customSerializations class names
   */
  public ServerConfig(
      Path localDir, String bind, int port, String token, List<String> customSerializations) {
    this(localDir, bind, port, token, customSerializations, "127.0.0.1", 0, DEFAULT_REST_MAX_BODY);
  }

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
    int rp = intKey(keys, "rest.port", DEFAULT_REST_PORT);
    if (rp < -1 || rp > 65535) {
      throw new IllegalArgumentException("rest.port must be 0..65535 (or -1 for none), got " + rp);
    }
    Object rb = keys.getOrDefault("rest.bind", "127.0.0.1");
    Object mb = keys.getOrDefault("rest.max.body.bytes", DEFAULT_REST_MAX_BODY);
    long maxBody;
    try {
      maxBody = mb instanceof Number ? ((Number) mb).longValue() : Long.parseLong(mb.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rest.max.body.bytes must be a number, got " + mb, e);
    }
    if (maxBody < 1024) {
      throw new IllegalArgumentException("rest.max.body.bytes must be at least 1024, got " + mb);
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
        (List<String>) cs,
        rb.toString(),
        rp,
        maxBody);
  }

  private static int intKey(Map<String, Object> keys, String k, int dflt) {
    Object v = keys.getOrDefault(k, dflt);
    try {
      return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(k + " must be a number, got " + v, e);
    }
  }
}
