package dev.deimos.server;

import dev.deimos.AckLevel;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.MicrobatchParams;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.net.NetClusterManager;
import dev.deimos.impl.net.Wire;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.DiskStorageFactory;
import dev.deimos.impl.storage.DiskStorageOptions;
import dev.deimos.server.console.ConsoleBackend;
import dev.deimos.server.console.ConsoleRoutes;
import dev.deimos.server.console.OperationLog;
import dev.deimos.server.metrics.ServerMetrics;
import dev.deimos.server.rest.RestApi;
import dev.deimos.server.rest.RestBackend;
import dev.deimos.server.rest.RestServer;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import dev.deimos.test.UpdateOptions;
import io.javalin.Javalin;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Deimos cluster process: modules deployed from jars, each in its own class loader,
 * their metadata persisted under the data directory and relaunched from their stored jars on start,
 * and one port serving clients ({@code DeimosClusterManager}) and the CLI with the protocol of
 * {@link Wire}.
 */
public final class DeimosServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeimosServer.class);

  private final ServerConfig config;
  private final ModuleStore store;
  private final InProcessCluster cluster;
  private final ValueCodec codec;
  private final ServerMetrics metrics = new ServerMetrics();
  // binary-protocol request timers: append, select, query, each ok and failed
  private final io.micrometer.core.instrument.Timer[] opTimers =
      new io.micrometer.core.instrument.Timer[6];
  private final Map<String, ModuleLoaders.Current> loaders = new ConcurrentHashMap<>();
  private final Map<String, ModuleStore.Entry> entries = new ConcurrentHashMap<>();
  // the module objects of the running versions, re-defined when an option changes
  private final Map<String, DeimosModule> instances = new ConcurrentHashMap<>();
  private final Set<String> updating = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> handles = new ConcurrentHashMap<>();
  private final ExecutorService admin =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "deimos-admin"));
  // appends to a module being updated wait for the update; they wait here, not on an event loop
  private final ExecutorService waiting =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "deimos-update-wait");
            t.setDaemon(true);
            return t;
          });
  private final EventLoopGroup boss = new NioEventLoopGroup(1);
  private final EventLoopGroup io = new NioEventLoopGroup(2);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final byte[] tokenBytes;
  private Channel serverChannel;
  private RestServer http;
  private long nextSeq;
  // what was done to the modules, for the console (persisted under the data directory)
  private final OperationLog operations;
  private final long startedAtMillis = System.currentTimeMillis();
  private final Map<String, Long> launchedAt = new ConcurrentHashMap<>();
  private ConsoleRoutes console;
  private Javalin consoleHttp;

  private DeimosServer(ServerConfig config) {
    this.config = config;
    this.store = new ModuleStore(config.localDir());
    this.operations = new OperationLog(config.localDir().resolve("operations.log"));
    this.codec = NetClusterManager.codecFor(config.customSerializations());
    this.cluster = openCluster(config, metrics);
    String[] ops = {"append", "select", "query"};
    for (int i = 0; i < 3; i++) {
      opTimers[2 * i] = metrics.requests("binary", ops[i], "ok");
      opTimers[2 * i + 1] = metrics.requests("binary", ops[i], "error");
    }
    this.tokenBytes =
        config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The one place the server creates its cluster: durable, with depots, PStates and topology
   * progress under {@code local.dir}/storage (beside the module metadata and jars), so a restart,
   * even after SIGKILL, relaunches every module with its data. The server records its modules
   * itself (jars and launch configs), so the cluster keeps no module registry of its own.
   */
  @SuppressWarnings("rawtypes")
  private static InProcessCluster openCluster(ServerConfig config, ServerMetrics metrics) {
    List<Class> classes = new ArrayList<>();
    for (String c : config.customSerializations()) {
      try {
        classes.add(Class.forName(c));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException(
            "custom.serializations: class " + c + " is not in the server's lib/", e);
      }
    }
    DiskStorageFactory disk =
        new DiskStorageFactory(config.localDir().resolve("storage"), DiskStorageOptions.defaults());
    try {
      return new InProcessClusterImpl(classes, disk, null, true, metrics);
    } catch (RuntimeException e) {
      disk.close();
      throw e;
    }
  }

  /**
   * Starts a server: relaunches every stored module from its jar, then opens the port.
   *
   * @param config the settings
   * @return the running server
   * @throws IllegalStateException if the port cannot be bound
   */
  public static DeimosServer start(ServerConfig config) {
    DeimosServer s = new DeimosServer(config);
    try {
      s.relaunchStored();
      s.startHttp();
      s.bind();
      s.startConsole();
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /**
   * The port clients connect to.
   *
   * @return the bound port
   */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /**
   * Blocks until the server has stopped (shutdownCluster or close).
   *
   * @throws InterruptedException if interrupted
   */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  private void relaunchStored() {
    List<ModuleStore.Entry> stored;
    try {
      stored = store.load();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read module metadata under " + config.localDir(), e);
    }
    try (var ds = Files.newDirectoryStream(config.localDir(), "upload-*.jar")) {
      for (java.nio.file.Path p : ds) {
        Files.deleteIfExists(p); // uploads of an earlier run; kept jars live under modules/
      }
    } catch (IOException e) {
      LOG.warn("cannot clean old uploads: {}", e.toString());
    }
    for (ModuleStore.Entry e : stored) {
      nextSeq = Math.max(nextSeq, e.seq + 1);
      try {
        URLClassLoader l = ModuleLoaders.forJar(store.jarPath(e));
        DeimosModule m = instantiate(l, e.className, store.jarPath(e).toString());
        ModuleLoaders.Current cur = new ModuleLoaders.Current(l);
        withLoader(cur, () -> cluster.launchModule(new WithOptions(m, e.options), launchConfig(e)));
        loaders.put(e.moduleName, cur);
        instances.put(e.moduleName, m);
        entries.put(e.moduleName, e);
        launchedAt.put(e.moduleName, System.currentTimeMillis());
        operations.record(e.moduleName, "relaunch", "from " + e.jar, true);
        LOG.info("relaunched module {} from {}", e.moduleName, e.jar);
      } catch (RuntimeException ex) {
        operations.record(e.moduleName, "relaunch", ex.toString(), false);
        LOG.error("cannot relaunch stored module {}: {}", e.moduleName, ex.toString(), ex);
      }
    }
  }

  private static LaunchConfig launchConfig(ModuleStore.Entry e) {
    return new LaunchConfig(e.tasks, e.threads).numWorkers(e.workers);
  }

  private void bind() {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new LengthFieldBasedFrameDecoder(Wire.MAX_FRAME, 0, 4, 0, 4))
                        .addLast(new Handler());
                  }
                });
    try {
      serverChannel = b.bind(config.bind(), config.port()).sync().channel();
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    try {
      Files.writeString(config.localDir().resolve("server.port"), Integer.toString(port()));
    } catch (IOException e) {
      LOG.warn("cannot write {}: {}", config.localDir().resolve("server.port"), e.toString());
    }
  }

  /**
   * The HTTP port: REST routes and /metrics; its port goes to {@code rest.port} in the data dir.
   */
  private void startHttp() {
    if (config.restPort() < 0) {
      return;
    }
    http =
        new RestServer(
            config.restBind(), config.restPort(), config.token(), config.restMaxBodyBytes());
    RestApi api =
        new RestApi(
            new Backend(),
            (endpoint, status, nanos) ->
                metrics
                    .requests("rest", endpoint, status == 200 ? "ok" : Integer.toString(status))
                    .record(nanos, TimeUnit.NANOSECONDS));
    http.addRoutes(api::register);
    http.addRoutes(
        app ->
            app.get(
                "/metrics",
                ctx ->
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape())));
    http.start();
    try {
      Files.writeString(config.localDir().resolve("rest.port"), Integer.toString(http.port()));
    } catch (IOException e) {
      LOG.warn("cannot write {}: {}", config.localDir().resolve("rest.port"), e.toString());
    }
  }

  /**
   * The HTTP server (REST API, {@code /metrics}); other parts of the server register their routes
   * on it with {@link RestServer#addRoutes}.
   *
   * @return the HTTP server, or null when {@code rest.port} is -1
   */
  public RestServer http() {
    return http;
  }

  /**
   * The server's telemetry (Micrometer registry, also served at {@code GET /metrics}).
   *
   * @return the metrics
   */
  public ServerMetrics metrics() {
    return metrics;
  }

  /**
   * The HTTP port.
   *
   * @return the bound port, or -1 when HTTP is off
   */
  public int restPort() {
    return http == null ? -1 : http.port();
  }

  /** The server's objects as the REST API sees them. */
  private final class Backend implements RestBackend {
    @Override
    public boolean hasModule(String module) {
      return entries.containsKey(module);
    }

    @Override
    public boolean isUpdating(String module) {
      return updating.contains(module);
    }

    @Override
    public ClassLoader classLoader(String module) {
      ClassLoader l = loaders.get(module);
      return l != null ? l : DeimosServer.class.getClassLoader();
    }

    @Override
    public Depot depot(String module, String depot) {
      return (Depot) lookup(module, 'd', depot);
    }

    @Override
    public PState pstate(String module, String pstate) {
      return (PState) lookup(module, 'p', pstate);
    }

    @Override
    @SuppressWarnings("unchecked")
    public QueryTopologyClient<Object> query(String module, String query) {
      return (QueryTopologyClient<Object>) lookup(module, 'q', query);
    }
  }

  /** A cached client handle of a module's depot ('d'), PState ('p') or query topology ('q'). */
  private Object lookup(String module, char kind, String name) {
    String k = kind + module + '\u0000' + name;
    Object h = handles.get(k);
    if (h == null) {
      h =
          kind == 'd'
              ? cluster.clusterDepot(module, name)
              : kind == 'p'
                  ? cluster.clusterPState(module, name)
                  : cluster.clusterQuery(module, name);
      handles.put(k, h);
    }
    return h;
  }

  private static void withLoader(ClassLoader l, Runnable r) {
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(l);
    try {
      r.run();
    } finally {
      t.setContextClassLoader(old);
    }
  }

  private Object decodeFor(String module, byte[] bytes) {
    ModuleLoaders.Current l = loaders.get(module);
    if (l == null) {
      return codec.decode(bytes);
    }
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(l);
    try {
      return codec.decode(bytes);
    } finally {
      t.setContextClassLoader(old);
    }
  }

  private static DeimosModule instantiate(ClassLoader l, String className, String jar) {
    Class<?> c;
    try {
      c = Class.forName(className, false, l);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("jar " + jar + " has no class " + className);
    }
    if (!DeimosModule.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException(
          "class " + className + " in jar " + jar + " does not implement dev.deimos.DeimosModule");
    }
    try {
      var ctor = c.getDeclaredConstructor();
      ctor.setAccessible(true);
      return (DeimosModule) ctor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "module class " + className + " needs a no-argument constructor");
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "constructing module " + className + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot construct module " + className + ": " + e, e);
    }
  }

  /**
   * Launches a module from a jar unless a module of that class is deployed (the README's main job
   * uses it to start a node with the examples).
   *
   * @param jar the module jar
   * @param className the module class
   * @param tasks tasks
   * @param threads threads
   * @return true if launched, false if it was already deployed
   * @throws Exception if the launch fails
   */
  public boolean launchIfAbsent(java.nio.file.Path jar, String className, int tasks, int threads)
      throws Exception {
    for (ModuleStore.Entry e : entries.values()) {
      if (e.className.equals(className)) {
        return false;
      }
    }
    Map<String, Object> cmd = new LinkedHashMap<>();
    cmd.put("command", "launch");
    cmd.put("jar", Files.readAllBytes(jar));
    cmd.put("jarName", jar.getFileName().toString());
    cmd.put("module", className);
    cmd.put("tasks", tasks);
    cmd.put("threads", threads);
    admin.submit(() -> adminCommand(cmd)).get();
    return true;
  }

  /**
   * The web console, until the server's HTTP port (REST) takes its routes: its own Javalin on the
   * port of the {@code deimos.console.port} system property (default 8888, 0 picks a free one, -1
   * turns it off), written to {@code console.port} in the data directory. A console that cannot
   * bind its port is logged and left off; the server serves on.
   */
  private void startConsole() {
    int port = Integer.getInteger("deimos.console.port", 8888);
    if (port < 0) {
      return;
    }
    long period =
        Long.getLong(
            "deimos.console.sample.millis",
            dev.deimos.server.console.MetricsSampler.DEFAULT_PERIOD_MILLIS);
    console = new ConsoleRoutes(new ConsoleSide(), period);
    try {
      consoleHttp =
          Javalin.create(
              cfg -> {
                cfg.showJavalinBanner = false;
                cfg.startupWatcherEnabled = false;
              });
      console.register(consoleHttp);
      consoleHttp.start(config.bind(), port);
      Files.writeString(
          config.localDir().resolve("console.port"), Integer.toString(consoleHttp.port()));
      LOG.info("web console on http://{}:{}/console/", config.bind(), consoleHttp.port());
    } catch (RuntimeException | IOException e) {
      LOG.warn("web console not started on port {}: {}", port, e.toString());
      if (consoleHttp != null) {
        consoleHttp.stop();
        consoleHttp = null;
      }
    }
  }

  /**
   * The web console's port.
   *
   * @return the port, or -1 when the console is off
   */
  public int consolePort() {
    return consoleHttp == null ? -1 : consoleHttp.port();
  }

  /** The server as the console sees it. */
  private final class ConsoleSide implements ConsoleBackend {
    @Override
    public InProcessClusterImpl cluster() {
      return (InProcessClusterImpl) cluster;
    }

    @Override
    public List<Map<String, Object>> modules() {
      List<Map<String, Object>> r = new ArrayList<>();
      for (String n : cluster.getDeployedModuleNames()) {
        if (entries.containsKey(n)) {
          r.add(status(n));
        }
      }
      return r;
    }

    @Override
    public long startedAtMillis() {
      return startedAtMillis;
    }

    @Override
    public java.nio.file.Path dataDir() {
      return config.localDir();
    }

    @Override
    public OperationLog operations() {
      return operations;
    }

    @Override
    public String setOption(String module, String key, String value) throws Exception {
      Map<String, Object> cmd = new LinkedHashMap<>();
      cmd.put("command", "setOption");
      cmd.put("module", module);
      cmd.put("key", key);
      cmd.put("value", value);
      return String.valueOf(admin.submit(() -> adminCommand(cmd)).get());
    }

    @Override
    public ClassLoader classLoader(String module) {
      ClassLoader l = loaders.get(module);
      return l != null ? l : DeimosServer.class.getClassLoader();
    }
  }

  // ---- admin (CLI) commands, one at a time on the admin thread ----

  private Object adminCommand(Map<String, Object> cmd) throws IOException {
    String c = str(cmd, "command");
    if (c.equals("launch") || c.equals("update") || c.equals("destroy") || c.equals("setOption")) {
      try {
        return moduleCommand(c, cmd);
      } catch (IOException | RuntimeException e) {
        String detail =
            c.equals("setOption")
                ? cmd.get("key") + "=" + cmd.get("value") + ": " + e.getMessage()
                : String.valueOf(e.getMessage());
        operations.record(String.valueOf(cmd.get("module")), c, detail, false);
        throw e;
      }
    }
    return moduleCommand(c, cmd);
  }

  private Object moduleCommand(String c, Map<String, Object> cmd) throws IOException {
    switch (c) {
      case "launch":
        return launch(cmd);
      case "update":
        return update(cmd);
      case "destroy":
        return destroy(str(cmd, "module"));
      case "modules":
        {
          List<Object> r = new ArrayList<>();
          for (String n : cluster.getDeployedModuleNames()) {
            r.add(status(n));
          }
          return r;
        }
      case "moduleStatus":
        return status(str(cmd, "module"));
      case "setOption":
        return setOption(str(cmd, "module"), str(cmd, "key"), str(cmd, "value"));
      case "scaleExecutors":
        {
          ModuleStore.Entry e = entry(str(cmd, "module"));
          int threads = num(cmd, "threads", e.threads);
          int workers = num(cmd, "workers", e.workers);
          new LaunchConfig(e.tasks, threads).numWorkers(workers); // validates
          e.threads = threads;
          e.workers = workers;
          store.save(e);
          return "module "
              + e.moduleName
              + " will run on "
              + threads
              + " threads and "
              + workers
              + " workers from the next server start";
        }
      case "shutdownCluster":
        Thread t = new Thread(this::close, "deimos-shutdown");
        t.start();
        return "shutting down";
      default:
        throw new IllegalArgumentException("unknown admin command " + c);
    }
  }

  private Map<String, Object> status(String name) {
    ModuleStore.Entry e = entry(name);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", e.moduleName);
    m.put("class", e.className);
    m.put("state", updating.contains(name) ? "updating" : "running");
    m.put("tasks", e.tasks);
    m.put("threads", e.threads);
    m.put("workers", e.workers);
    m.put("jar", e.jar);
    m.put("options", new LinkedHashMap<>(e.options));
    m.put("launchedAtMillis", launchedAt.getOrDefault(name, 0L));
    return m;
  }

  private ModuleStore.Entry entry(String name) {
    ModuleStore.Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("module " + name + " is not deployed");
    }
    return e;
  }

  private Object launch(Map<String, Object> cmd) throws IOException {
    String className = str(cmd, "module");
    byte[] jar = (byte[]) cmd.get("jar");
    if (jar == null) {
      throw new IllegalArgumentException("launch needs --jar");
    }
    int tasks = num(cmd, "tasks", 1);
    int threads = num(cmd, "threads", 1);
    int workers = num(cmd, "workers", 1);
    LaunchConfig lc = new LaunchConfig(tasks, threads).numWorkers(workers);
    String moduleOptions = String.valueOf(cmd.getOrDefault("moduleOptions", ""));
    Map<String, String> options = parseModuleOptions(moduleOptions);
    java.nio.file.Path tmp = Files.createTempFile(config.localDir(), "upload-", ".jar");
    Files.write(tmp, jar);
    String jarName = String.valueOf(cmd.getOrDefault("jarName", "the jar"));
    URLClassLoader l = ModuleLoaders.forJar(tmp);
    DeimosModule m;
    String name;
    try {
      m = instantiate(l, className, jarName);
      name = m.getModuleName();
      if (entries.containsKey(name)) {
        throw new IllegalStateException("module " + name + " is already deployed");
      }
    } catch (RuntimeException e) {
      l.close();
      Files.deleteIfExists(tmp);
      throw e;
    }
    ModuleLoaders.Current cur = new ModuleLoaders.Current(l);
    try {
      withLoader(cur, () -> cluster.launchModule(new WithOptions(m, options), lc));
    } catch (RuntimeException | LinkageError e) {
      l.close();
      Files.deleteIfExists(tmp);
      throw new IllegalArgumentException(
          "launching module " + name + " failed: " + e.getMessage(), e);
    }
    // the jar stays open by the loader at tmp; keep a durable copy under the module's folder
    java.nio.file.Path stored = store.storeJar(name, jar);
    ModuleStore.Entry e = new ModuleStore.Entry();
    e.moduleName = name;
    e.className = className;
    e.jar = stored.getFileName().toString();
    e.tasks = tasks;
    e.threads = threads;
    e.workers = workers;
    e.seq = nextSeq++;
    e.configOverrides = String.valueOf(cmd.getOrDefault("configOverrides", ""));
    e.moduleOptions = moduleOptions;
    e.options.putAll(options);
    store.save(e);
    loaders.put(name, cur);
    entries.put(name, e);
    instances.put(name, m);
    launchedAt.put(name, System.currentTimeMillis());
    operations.record(
        name,
        "launch",
        jarName + ", " + tasks + " tasks, " + threads + " threads, " + workers + " workers",
        true);
    LOG.info(
        "launched module {} ({} tasks, {} threads, {} workers)", name, tasks, threads, workers);
    return "launched module " + name;
  }

  @SuppressWarnings("unchecked")
  private Object update(Map<String, Object> cmd) throws IOException {
    String className = str(cmd, "module");
    byte[] jar = (byte[]) cmd.get("jar");
    if (jar == null) {
      throw new IllegalArgumentException("update needs --jar");
    }
    String jarName = String.valueOf(cmd.getOrDefault("jarName", "the jar"));
    java.nio.file.Path tmp = Files.createTempFile(config.localDir(), "upload-", ".jar");
    Files.write(tmp, jar);
    URLClassLoader l = ModuleLoaders.forJar(tmp);
    DeimosModule m;
    String name;
    ModuleStore.Entry e;
    try {
      m = instantiate(l, className, jarName);
      name = m.getModuleName();
      e = entry(name);
    } catch (RuntimeException ex) {
      l.close();
      Files.deleteIfExists(tmp);
      throw ex;
    }
    ModuleLoaders.Current cur = loaders.get(name);
    ClassLoader old = cur.target();
    List<String> toDelete = (List<String>) cmd.getOrDefault("objectsToDelete", List.of());
    updating.add(name);
    cur.switchTo(l);
    try {
      withLoader(
          cur,
          () ->
              cluster.updateModule(
                  new WithOptions(m, e.options),
                  UpdateOptions.objectsToDelete(toDelete.toArray(new String[0]))));
    } catch (RuntimeException | LinkageError ex) {
      cur.switchTo(old);
      l.close();
      Files.deleteIfExists(tmp);
      throw new IllegalArgumentException(
          "updating module " + name + " failed (it keeps running as before): " + ex.getMessage(),
          ex);
    } finally {
      updating.remove(name);
      handles.clear();
    }
    java.nio.file.Path stored = store.storeJar(name, jar);
    e.jar = stored.getFileName().toString();
    e.className = className;
    store.save(e);
    instances.put(name, m);
    operations.record(name, "update", jarName, true);
    LOG.info("updated module {}", name);
    return "updated module " + name;
  }

  private Object destroy(String name) throws IOException {
    entry(name);
    cluster.destroyModule(name);
    handles.clear();
    metrics.removeModule(name);
    entries.remove(name);
    loaders.remove(name);
    instances.remove(name);
    store.delete(name);
    launchedAt.remove(name);
    operations.record(name, "destroy", "", true);
    LOG.info("destroyed module {}", name);
    return "destroyed module " + name;
  }

  /**
   * Sets a dynamic option on the running module: the module is updated to its own code with the
   * option applied (appends meanwhile are held, not refused), and the option is stored only once
   * the module runs with it, so a value the module rejects changes nothing.
   */
  private Object setOption(String name, String key, String value) throws IOException {
    ModuleStore.Entry e = entry(name);
    if (key.isEmpty() || key.contains("=") || key.contains(";")) {
      throw new IllegalArgumentException("setOption: bad option name '" + key + "'");
    }
    Map<String, String> next = new LinkedHashMap<>(e.options);
    next.put(key, value);
    DeimosModule m = instances.get(name);
    ModuleLoaders.Current cur = loaders.get(name);
    updating.add(name);
    try {
      withLoader(cur, () -> cluster.updateModule(new WithOptions(m, next)));
    } catch (RuntimeException | LinkageError ex) {
      throw new IllegalArgumentException(
          "setting option "
              + key
              + "="
              + value
              + " on module "
              + name
              + " failed (it keeps running as before): "
              + ex.getMessage(),
          ex);
    } finally {
      updating.remove(name);
    }
    e.options.put(key, value);
    store.save(e);
    operations.record(name, "setOption", key + "=" + value, true);
    LOG.info("module {}: option {} set to {}", name, key, value);
    return "option " + key + " of module " + name + " set to " + value;
  }

  /**
   * Parses {@code --moduleOptions 'k=v;k=v'}.
   *
   * @throws IllegalArgumentException naming the malformed part
   */
  static Map<String, String> parseModuleOptions(String s) {
    Map<String, String> r = new LinkedHashMap<>();
    if (s == null || s.isBlank()) {
      return r;
    }
    for (String part : s.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--moduleOptions: expected key=value, got '" + part.trim() + "'");
      }
      r.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return r;
  }

  /**
   * An option value as the module sees it, read the way Rama's CLI reads its JSON values: an
   * integer becomes a Long, a decimal a Double, {@code true}/{@code false} a Boolean, a quoted text
   * the text inside the quotes, anything else the text itself.
   */
  static Object optionValue(String v) {
    String t = v.trim();
    if (t.equals("true") || t.equals("false")) {
      return Boolean.valueOf(t);
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    try {
      return Long.valueOf(t);
    } catch (NumberFormatException notLong) {
      try {
        if (t.matches("-?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
          return Double.valueOf(t);
        }
      } catch (NumberFormatException notDouble) {
        // text
      }
    }
    return v;
  }

  /**
   * A module with the server's stored dynamic options applied after its own {@code define}, so
   * options set with the CLI win over the defaults the module code sets.
   */
  private static final class WithOptions implements DeimosModule {
    private final DeimosModule module;
    private final Map<String, String> options;

    WithOptions(DeimosModule module, Map<String, String> options) {
      this.module = module;
      this.options = new LinkedHashMap<>(options);
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      module.define(setup, topologies);
      options.forEach((k, v) -> setup.setLaunchModuleDynamicOption(k, optionValue(v)));
    }

    @Override
    public String getModuleName() {
      return module.getModuleName();
    }
  }

  private static String str(Map<String, Object> cmd, String k) {
    Object v = cmd.get(k);
    if (v == null) {
      throw new IllegalArgumentException("missing " + k);
    }
    return v.toString();
  }

  private static int num(Map<String, Object> cmd, String k, int dflt) {
    Object v = cmd.get(k);
    return v == null ? dflt : ((Number) v).intValue();
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Deimos server stopping");
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (http != null) {
      try {
        http.close();
      } catch (RuntimeException e) {
        LOG.warn("stopping HTTP: {}", e.toString());
      }
    }
    if (consoleHttp != null) {
      try {
        consoleHttp.stop();
      } catch (RuntimeException e) {
        LOG.warn("stopping the console: {}", e.toString());
      }
    }
    if (console != null) {
      console.close();
    }
    admin.shutdown();
    try {
      admin.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cluster.close();
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    waiting.shutdownNow();
    metrics.close();
    LOG.info("Deimos server stopped");
    stopped.countDown();
  }

  // ---- the connection handler ----

  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  /** One client connection: handshake first, then requests answered in any order. */
  private final class Handler extends SimpleChannelInboundHandler<ByteBuf> {
    private boolean authed;
    private Channel ch;
    private boolean flushQueued; // event loop only
    private ProxyConnection proxies; // this connection's proxy subscriptions, event loop only

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ch = ctx.channel();
      CONNECTIONS.incrementAndGet();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      CONNECTIONS.decrementAndGet();
      if (proxies != null) {
        proxies.close();
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      // back-pressure: a client that does not read its answers stops being read
      ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      if (msg.readableBytes() < 5) {
        ctx.close();
        return;
      }
      byte op = msg.readByte();
      int id = msg.readInt();
      if (!authed) {
        hello(ctx, op, id, msg);
        return;
      }
      try {
        dispatch(op, id, msg);
      } catch (RuntimeException e) {
        error(id, e);
      }
    }

    private void hello(ChannelHandlerContext ctx, byte op, int id, ByteBuf msg) {
      try {
        if (op != Wire.HELLO || msg.readInt() != Wire.MAGIC) {
          ctx.close(); // not a Deimos client: say nothing
          return;
        }
        int protocol = msg.readInt();
        String version = Wire.readString(msg);
        byte[] token = Wire.readBytes(msg);
        if (protocol != Wire.PROTOCOL_VERSION) {
          refuse(
              ctx,
              id,
              "client "
                  + version
                  + " speaks protocol "
                  + protocol
                  + ", this server ("
                  + Wire.VERSION
                  + ") speaks protocol "
                  + Wire.PROTOCOL_VERSION
                  + "; use a client of the server's version");
          return;
        }
        if (tokenBytes != null && !MessageDigest.isEqual(tokenBytes, token)) {
          refuse(ctx, id, "authentication failed");
          return;
        }
        authed = true;
        ByteBuf out = frame(Wire.RESULT, id);
        out.writeBytes(Wire.VERSION.getBytes(StandardCharsets.UTF_8));
        send(out);
      } catch (RuntimeException e) {
        ctx.close();
      }
    }

    private void refuse(ChannelHandlerContext ctx, int id, String why) {
      ByteBuf out = frame(Wire.ERROR, id);
      out.writeByte(Wire.E_REFUSED);
      Wire.writeString(out, why);
      finish(out);
      ctx.writeAndFlush(out).addListener(f -> ctx.close());
    }

    private void dispatch(byte op, int id, ByteBuf msg) {
      long t0 = System.nanoTime();
      switch (op) {
        case Wire.APPEND:
          {
            String module = Wire.readString(msg);
            String depot = Wire.readString(msg);
            int level = msg.readByte();
            if (level < 0 || level >= AckLevel.values().length) {
              throw new IllegalArgumentException("unknown ack level " + level);
            }
            byte[] rec = Wire.readBytes(msg);
            Object data = decodeFor(module, rec);
            Depot d = (Depot) handle(module, 'd', depot);
            AckLevel al = AckLevel.values()[level];
            if (updating.contains(module)) {
              waiting.execute(() -> reply(id, d.appendAsync(data, al), 0, t0));
            } else {
              reply(id, d.appendAsync(data, al), 0, t0);
            }
            return;
          }
        case Wire.SELECT:
          {
            String module = Wire.readString(msg);
            String pstate = Wire.readString(msg);
            boolean keyGiven = msg.readByte() != 0;
            Object key = decodeFor(module, Wire.readBytes(msg));
            Object path = decodeFor(module, Wire.readBytes(msg));
            if (!(path instanceof Path)) {
              throw new IllegalArgumentException("select needs a Path");
            }
            PState p = (PState) handle(module, 'p', pstate);
            reply(
                id, keyGiven ? p.selectAsync(key, (Path) path) : p.selectAsync((Path) path), 2, t0);
            return;
          }
        case Wire.QUERY:
          {
            String module = Wire.readString(msg);
            String query = Wire.readString(msg);
            Object args = decodeFor(module, Wire.readBytes(msg));
            if (!(args instanceof List)) {
              throw new IllegalArgumentException("query arguments must be a list");
            }
            @SuppressWarnings("unchecked")
            QueryTopologyClient<Object> q =
                (QueryTopologyClient<Object>) handle(module, 'q', query);
            reply(id, q.invokeAsync(((List<?>) args).toArray()), 4, t0);
            return;
          }
        case Wire.MODULES:
          reply(
              id,
              CompletableFuture.completedFuture(new ArrayList<>(cluster.getDeployedModuleNames())));
          return;
        case Wire.CHECK:
          {
            String module = Wire.readString(msg);
            byte kind = msg.readByte();
            String name = Wire.readString(msg);
            handle(module, kind == Wire.K_DEPOT ? 'd' : kind == Wire.K_PSTATE ? 'p' : 'q', name);
            reply(id, CompletableFuture.completedFuture(null));
            return;
          }
        case Wire.MB_INFO:
          {
            String module = Wire.readString(msg);
            String topology = Wire.readString(msg);
            Map<String, Map<Integer, List<Long>>> r = new LinkedHashMap<>();
            for (var d : cluster.getMicrobatchDepotInfo(module, topology).entrySet()) {
              Map<Integer, List<Long>> parts = new LinkedHashMap<>();
              for (Map.Entry<Integer, MicrobatchParams> p : d.getValue().entrySet()) {
                parts.put(
                    p.getKey(),
                    new ArrayList<>(
                        List.of(p.getValue().getStartOffset(), p.getValue().getEndOffset())));
              }
              r.put(d.getKey(), parts);
            }
            reply(id, CompletableFuture.completedFuture(r));
            return;
          }
        case Wire.ADMIN:
          {
            Object cmd = ValueCodec.PLAIN.decode(Wire.readBytes(msg));
            if (!(cmd instanceof Map)) {
              throw new IllegalArgumentException("admin command must be a map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) cmd;
            CompletableFuture<Object> f = new CompletableFuture<>();
            try {
              admin.execute(
                  () -> {
                    try {
                      f.complete(adminCommand(c));
                    } catch (Throwable t) {
                      f.completeExceptionally(t);
                    }
                  });
            } catch (java.util.concurrent.RejectedExecutionException e) {
              throw new IllegalStateException("the server is shutting down");
            }
            reply(id, f);
            return;
          }
        case Wire.PROXY_SUBSCRIBE:
        case Wire.PROXY_RESYNC:
        case Wire.PROXY_HEARTBEAT:
        case Wire.PROXY_HEARTBEATS:
        case Wire.PROXY_UNSUBSCRIBE:
          if (proxies == null) {
            proxies =
                new ProxyConnection(
                    ch, (InProcessClusterImpl) cluster, codec, DeimosServer.this::decodeFor);
          }
          reply(id, proxies.handle(op, msg));
          return;
        default:
          throw new IllegalArgumentException("unknown op " + op);
      }
    }

    private Object handle(String module, char kind, String name) {
      return lookup(module, kind, name);
    }

    /**
     * Answers and times a data request: {@code timer} indexes {@link #opTimers} (ok; +1 failed).
     */
    private void reply(int id, CompletableFuture<?> f, int timer, long t0) {
      f.whenComplete(
          (r, e) ->
              opTimers[e == null ? timer : timer + 1].record(
                  System.nanoTime() - t0, TimeUnit.NANOSECONDS));
      reply(id, f);
    }

    private void reply(int id, CompletableFuture<?> f) {
      f.whenComplete(
          (r, e) -> {
            if (e != null) {
              error(id, e);
              return;
            }
            byte[] bytes;
            try {
              bytes = codec.encode(r);
            } catch (RuntimeException ex) {
              error(id, ex);
              return;
            }
            ByteBuf out = frame(Wire.RESULT, id);
            out.writeBytes(bytes);
            send(out);
          });
    }

    private void error(int id, Throwable e) {
      while ((e instanceof java.util.concurrent.CompletionException
              || e instanceof java.util.concurrent.ExecutionException)
          && e.getCause() != null) {
        e = e.getCause();
      }
      byte kind =
          e instanceof IllegalArgumentException
              ? Wire.E_ARGUMENT
              : e instanceof IllegalStateException ? Wire.E_STATE : Wire.E_OTHER;
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      if (kind == Wire.E_OTHER) {
        m = e.getClass().getName() + ": " + m;
      }
      ByteBuf out = frame(Wire.ERROR, id);
      out.writeByte(kind);
      Wire.writeString(out, m);
      send(out);
    }

    private ByteBuf frame(byte op, int id) {
      ByteBuf b = ch.alloc().buffer();
      b.writeInt(0);
      b.writeByte(op);
      b.writeInt(id);
      return b;
    }

    private void finish(ByteBuf b) {
      b.setInt(0, b.readableBytes() - 4);
    }

    private void send(ByteBuf b) {
      finish(b);
      // The write and the flush decision both run on the event loop. A write issued from another
      // thread becomes an event-loop task of its own, so deciding about the flush on the calling
      // thread could see a flush already queued that then runs before this write and leaves the
      // answer unflushed until some later answer: the lost answer seen during module updates.
      EventLoop loop = ch.eventLoop();
      if (loop.inEventLoop()) {
        writeAndScheduleFlush(b);
      } else {
        try {
          loop.execute(() -> writeAndScheduleFlush(b));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          b.release(); // shutting down: the connection goes with it
        }
      }
    }

    /** On the event loop: answers written between two turns leave in one flush (batching). */
    private void writeAndScheduleFlush(ByteBuf b) {
      ch.write(b, ch.voidPromise());
      if (!flushQueued) {
        flushQueued = true;
        ch.eventLoop()
            .execute(
                () -> {
                  flushQueued = false;
                  ch.flush();
                });
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // malformed, truncated or oversized frames: drop this connection, keep serving the others
      LOG.debug("closing connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }

  /**
   * Names of the deployed modules.
   *
   * @return module names
   */
  public Set<String> moduleNames() {
    return Collections.unmodifiableSet(cluster.getDeployedModuleNames());
  }
}
