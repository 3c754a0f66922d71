package dev.deimos.impl.net;

import dev.deimos.AckLevel;
import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ProxyState;
import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.reactive.ProxyClient;
import dev.deimos.impl.serial.CustomSerializations;
import dev.deimos.impl.serial.ValueCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.yaml.snakeyaml.Yaml;

/** {@link DeimosClusterManager} over a {@link NetClient}. */
public final class NetClusterManager implements DeimosClusterManager {
  private final NetClient client;
  private final ValueCodec codec;
  private final long depotTimeout;
  private final long pstateTimeout;
  private final NetProxies proxies;

  private NetClusterManager(
      NetClient client,
      ValueCodec codec,
      long depotTimeout,
      long pstateTimeout,
      ProxyClient.Config proxyConfig) {
    this.client = client;
    this.codec = codec;
    this.depotTimeout = depotTimeout;
    this.pstateTimeout = pstateTimeout;
    this.proxies = new NetProxies(client, codec, pstateTimeout, proxyConfig);
  }

  /**
   * Reads {@code deimos.yaml} from the context class path.
   *
   * @return its map, or an empty map when there is none
   */
  public static Map<String, Object> classPathConfig() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl == null) {
      cl = NetClusterManager.class.getClassLoader();
    }
    try (InputStream in = cl.getResourceAsStream("deimos.yaml")) {
      if (in == null) {
        return Map.of();
      }
      Object o = new Yaml().load(in);
      if (o == null) {
        return Map.of();
      }
      if (!(o instanceof Map)) {
        throw new IllegalArgumentException("deimos.yaml on the class path is not a map of keys");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read deimos.yaml from the class path: " + e, e);
    }
  }

  /**
   * Opens a manager.
   *
   * @param config the configuration
   * @return the manager
   */
  @SuppressWarnings("rawtypes")
  public static NetClusterManager open(Map config) {
    Object h = config.get("conductor.host");
    String host = h == null ? "127.0.0.1" : h.toString();
    int port = intKey(config, "conductor.port", 1973);
    Object token = config.get("auth.token");
    long depotTimeout = intKey(config, "foreign.depot.operation.timeout.millis", 30_000);
    long pstateTimeout = intKey(config, "foreign.pstate.operation.timeout.millis", 30_000);
    ValueCodec codec = codecFor(config.get("custom.serializations"));
    ProxyClient.Config proxyConfig = proxyConfig(config);
    return new NetClusterManager(
        new NetClient(host, port, token == null ? null : token.toString()),
        codec,
        depotTimeout,
        pstateTimeout,
        proxyConfig);
  }

  /**
   * Reads the proxy settings of a client configuration: {@code foreign.proxy.thread.pool.size},
   * {@code foreign.proxy.failure.window.seconds}, {@code foreign.proxy.failure.window.threshold},
   * {@code pstate.reactivity.queue.limit} and {@code foreign.proxy.heartbeat.millis}.
   *
   * @param config the configuration
   * @return the settings, defaults for keys not given
   */
  @SuppressWarnings("rawtypes")
  static ProxyClient.Config proxyConfig(Map config) {
    ProxyClient.Config d = ProxyClient.Config.defaults();
    int pool = intKey(config, "foreign.proxy.thread.pool.size", d.poolSize());
    int window =
        intKey(
            config,
            "foreign.proxy.failure.window.seconds",
            (int) java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(d.failureWindowNanos()));
    int threshold = intKey(config, "foreign.proxy.failure.window.threshold", d.failureThreshold());
    int queue = intKey(config, "pstate.reactivity.queue.limit", d.queueLimit());
    int heartbeat = intKey(config, "foreign.proxy.heartbeat.millis", (int) d.heartbeatMillis());
    if (pool < 1 || window < 1 || threshold < 1 || queue < 1 || heartbeat < 0) {
      throw new IllegalArgumentException(
          "proxy settings must be positive (heartbeat 0 or more): foreign.proxy.thread.pool.size="
              + pool
              + ", foreign.proxy.failure.window.seconds="
              + window
              + ", foreign.proxy.failure.window.threshold="
              + threshold
              + ", pstate.reactivity.queue.limit="
              + queue
              + ", foreign.proxy.heartbeat.millis="
              + heartbeat);
    }
    return new ProxyClient.Config(
        pool,
        java.util.concurrent.TimeUnit.SECONDS.toNanos(window),
        threshold,
        queue,
        heartbeat,
        System::nanoTime);
  }

  /**
   * Builds the value codec for a {@code custom.serializations} setting.
   *
   * @param serializations null, or a list of class names or classes
   * @return the codec
   */
  @SuppressWarnings("rawtypes")
  public static ValueCodec codecFor(Object serializations) {
    if (serializations == null) {
      return ValueCodec.PLAIN;
    }
    if (!(serializations instanceof List)) {
      throw new IllegalArgumentException(
          "custom.serializations must be a list of class names, got " + serializations);
    }
    List<Class> classes = new ArrayList<>();
    for (Object o : (List<?>) serializations) {
      if (o instanceof Class) {
        classes.add((Class) o);
      } else {
        try {
          classes.add(
              Class.forName(
                  String.valueOf(o), true, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException(
              "custom.serializations: class " + o + " is not on the class path", e);
        }
      }
    }
    CustomSerializations cs = new CustomSerializations(classes);
    return cs.isEmpty() ? ValueCodec.PLAIN : new ValueCodec(cs);
  }

  @SuppressWarnings("rawtypes")
  private static int intKey(Map config, String key, int dflt) {
    Object v = config.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number) {
      return ((Number) v).intValue();
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got " + v, e);
    }
  }

  /**
   * The connection, for the CLI's admin calls.
   *
   * @return the client
   */
  public NetClient client() {
    return client;
  }

  /**
   * Runs an admin command (the CLI's verbs) and waits for its answer.
   *
   * @param command the command map ({@code command} and its arguments)
   * @param timeoutMillis how long to wait
   * @return the decoded answer
   */
  public Object admin(Map<String, Object> command, long timeoutMillis) {
    byte[] body = ValueCodec.PLAIN.encode(command);
    return ValueCodec.PLAIN.decode(
        await(client.call(Wire.ADMIN, b -> Wire.writeBytes(b, body), timeoutMillis)));
  }

  private void check(String module, byte kind, String name) {
    await(
        client.call(
            Wire.CHECK,
            b -> {
              Wire.writeString(b, module);
              b.writeByte(kind);
              Wire.writeString(b, name);
            },
            pstateTimeout));
  }

  @Override
  public Depot clusterDepot(String moduleName, String depotName) {
    check(moduleName, Wire.K_DEPOT, depotName);
    return new NetDepot(moduleName, depotName);
  }

  @Override
  public PState clusterPState(String moduleName, String pstateName) {
    check(moduleName, Wire.K_PSTATE, pstateName);
    return new NetPState(moduleName, pstateName);
  }

  @Override
  public <T> QueryTopologyClient<T> clusterQuery(String moduleName, String queryTopologyName) {
    check(moduleName, Wire.K_QUERY, queryTopologyName);
    return new NetQuery<>(moduleName, queryTopologyName);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<String> getDeployedModuleNames() {
    List<String> names =
        (List<String>) codec.decode(await(client.call(Wire.MODULES, b -> {}, pstateTimeout)));
    return Collections.unmodifiableSet(new LinkedHashSet<>(names));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Map<Integer, MicrobatchParams>> getMicrobatchDepotInfo(
      String moduleName, String topologyName) {
    // sent as depot -> partition -> [start, end] so no class of ours needs Java serialization
    Map<String, Map<Integer, List<Long>>> raw =
        (Map<String, Map<Integer, List<Long>>>)
            codec.decode(
                await(
                    client.call(
                        Wire.MB_INFO,
                        b -> {
                          Wire.writeString(b, moduleName);
                          Wire.writeString(b, topologyName);
                        },
                        pstateTimeout)));
    Map<String, Map<Integer, MicrobatchParams>> r = new LinkedHashMap<>();
    raw.forEach(
        (d, parts) -> {
          Map<Integer, MicrobatchParams> m = new LinkedHashMap<>();
          parts.forEach((p, se) -> m.put(p, new MicrobatchParams(se.get(0), se.get(1))));
          r.put(d, m);
        });
    return r;
  }

  @Override
  public void close() {
    proxies.close();
    client.close();
  }

  /**
   * How many proxy subscriptions this manager has open (for tests).
   *
   * @return the count
   */
  public int openProxies() {
    return proxies.open();
  }

  /** Waits and rethrows the server's exception as itself. */
  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Deimos server", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof CompletionException && c.getCause() != null) {
        c = c.getCause();
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IllegalStateException(c);
    }
  }

  private final class NetDepot implements Depot {
    private final String module;
    private final String depot;

    NetDepot(String module, String depot) {
      this.module = module;
      this.depot = depot;
    }

    @Override
    public Map<String, Object> append(Object data) {
      return append(data, AckLevel.ACK);
    }

    @Override
    public Map<String, Object> append(Object data, AckLevel level) {
      return await(appendAsync(data, level));
    }

    @Override
    public CompletableFuture<Map<String, Object>> appendAsync(Object data) {
      return appendAsync(data, AckLevel.ACK);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Map<String, Object>> appendAsync(Object data, AckLevel level) {
      byte[] record;
      try {
        record = codec.encode(data); // serialized now: later changes to data have no effect
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      return client
          .call(
              Wire.APPEND,
              b -> {
                Wire.writeString(b, module);
                Wire.writeString(b, depot);
                b.writeByte(level.ordinal());
                Wire.writeBytes(b, record);
              },
              depotTimeout)
          .thenApply(r -> (Map<String, Object>) codec.decode(r));
    }

    @Override
    public void close() {}
  }

  private final class NetPState implements PState {
    private final String module;
    private final String pstate;

    NetPState(String module, String pstate) {
      this.module = module;
      this.pstate = pstate;
    }

    @Override
    public <T> ProxyState<T> proxy(Path path) {
      return await(this.<T>proxyAsync(path));
    }

    @Override
    public <T> ProxyState<T> proxy(Path path, ProxyState.Callback<T> callback) {
      return await(proxyAsync(path, callback));
    }

    @Override
    public <T> ProxyState<T> proxy(Object partitioningKey, Path path) {
      return await(this.<T>proxyAsync(partitioningKey, path));
    }

    @Override
    public <T> ProxyState<T> proxy(
        Object partitioningKey, Path path, ProxyState.Callback<T> callback) {
      return await(proxyAsync(partitioningKey, path, callback));
    }

    @Override
    public <T> CompletableFuture<ProxyState<T>> proxyAsync(Path path) {
      return proxies.open(module, pstate, false, null, path, null);
    }

    @Override
    public <T> CompletableFuture<ProxyState<T>> proxyAsync(
        Path path, ProxyState.Callback<T> callback) {
      return proxies.open(module, pstate, false, null, path, callback);
    }

    @Override
    public <T> CompletableFuture<ProxyState<T>> proxyAsync(Object partitioningKey, Path path) {
      return proxies.open(module, pstate, true, partitioningKey, path, null);
    }

    @Override
    public <T> CompletableFuture<ProxyState<T>> proxyAsync(
        Object partitioningKey, Path path, ProxyState.Callback<T> callback) {
      return proxies.open(module, pstate, true, partitioningKey, path, callback);
    }

    @Override
    public <T> List<T> select(Path path) {
      return await(this.<T>selectAsync(path));
    }

    @Override
    public <T> List<T> select(Object partitioningKey, Path path) {
      return await(this.<T>selectAsync(partitioningKey, path));
    }

    @Override
    public <T> T selectOne(Path path) {
      return await(this.<T>selectOneAsync(path));
    }

    @Override
    public <T> T selectOne(Object partitioningKey, Path path) {
      return await(this.<T>selectOneAsync(partitioningKey, path));
    }

    @Override
    public <T> CompletableFuture<List<T>> selectAsync(Path path) {
      return send(false, null, path);
    }

    @Override
    public <T> CompletableFuture<List<T>> selectAsync(Object partitioningKey, Path path) {
      return send(true, partitioningKey, path);
    }

    @Override
    public <T> CompletableFuture<T> selectOneAsync(Path path) {
      return this.<T>selectAsync(path).thenApply(l -> one(l, path));
    }

    @Override
    public <T> CompletableFuture<T> selectOneAsync(Object partitioningKey, Path path) {
      return this.<T>selectAsync(partitioningKey, path).thenApply(l -> one(l, path));
    }

    private <T> T one(List<T> l, Path path) {
      if (l.size() > 1) {
        throw new IllegalStateException(
            "selectOne on PState " + pstate + " reached " + l.size() + " values with " + path);
      }
      return l.isEmpty() ? null : l.get(0);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<List<T>> send(boolean keyGiven, Object key, Path path) {
      byte[] k;
      byte[] p;
      try {
        k = codec.encode(key);
        p = codec.encode(path);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      return client
          .call(
              Wire.SELECT,
              b -> {
                Wire.writeString(b, module);
                Wire.writeString(b, pstate);
                b.writeByte(keyGiven ? 1 : 0);
                Wire.writeBytes(b, k);
                Wire.writeBytes(b, p);
              },
              pstateTimeout)
          .thenApply(r -> (List<T>) codec.decode(r));
    }
  }

  private final class NetQuery<T> implements QueryTopologyClient<T> {
    private final String module;
    private final String query;

    NetQuery(String module, String query) {
      this.module = module;
      this.query = query;
    }

    @Override
    public T invoke(Object... args) {
      return await(invokeAsync(args));
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> invokeAsync(Object... args) {
      byte[] a;
      try {
        a = codec.encode(new ArrayList<>(Arrays.asList(args)));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      return client
          .call(
              Wire.QUERY,
              b -> {
                Wire.writeString(b, module);
                Wire.writeString(b, query);
                Wire.writeBytes(b, a);
              },
              pstateTimeout)
          .thenApply(r -> (T) codec.decode(r));
    }
  }
}
