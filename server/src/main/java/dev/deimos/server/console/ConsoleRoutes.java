package dev.deimos.server.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SortedRangeFromOptions;
import dev.deimos.impl.runtime.ModuleView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The console's routes on the server's HTTP port: the page at {@code /console/}, its files under
 * {@code /console/assets/}, and JSON under {@code /console/api/}:
 *
 * <pre>
 * GET  /console/api/cluster                                  modules, uptime, data-dir size, log
 * GET  /console/api/modules/{m}                              depots, PStates, topologies, options
 * GET  /console/api/modules/{m}/series                       the module's time series
 * GET  /console/api/modules/{m}/graph/{topology}             dataflow graph with live counts
 * GET  /console/api/modules/{m}/pstates/{p}/keys?partition=&amp;offset=&amp;limit=
 * POST /console/api/modules/{m}/pstates/{p}/page    {key, nav, after, limit}: a nested value
 * POST /console/api/modules/{m}/pstates/{p}/select  {path, key?}: a path in REST JSON form
 * POST /console/api/modules/{m}/options             {key, value}: setOption
 * </pre>
 *
 * Errors answer {@code {"error": message}} with 400 (bad input), 404 (unknown module, PState or
 * topology) or 500.
 */
public final class ConsoleRoutes implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGE = 500;

  private final ConsoleBackend backend;
  private final TimeSeries series = new TimeSeries();
  private final MetricsSampler sampler;

  /**
   * Creates the console and starts sampling its time series.
   *
   * @param backend the server
   * @param samplePeriodMillis the period of the charts' points
   */
  public ConsoleRoutes(ConsoleBackend backend, long samplePeriodMillis) {
    this.backend = backend;
    this.sampler = new MetricsSampler(backend, series, samplePeriodMillis);
  }

  /**
   * Registers the routes (give it to the server's {@code addRoutes}).
   *
   * @param app the Javalin instance
   */
  public void register(Javalin app) {
    // Javalin ignores trailing slashes by default: this also answers /console (no redirect, which
    // would loop); the page's own links are absolute
    app.get("/console/", ctx -> asset(ctx, "index.html"));
    app.get("/console/assets/{file}", ctx -> asset(ctx, ctx.pathParam("file")));
    app.get("/console/api/cluster", ctx -> json(ctx, this::cluster));
    app.get("/console/api/modules/{m}", ctx -> json(ctx, () -> module(ctx.pathParam("m"))));
    app.get("/console/api/modules/{m}/series", ctx -> json(ctx, () -> series(ctx.pathParam("m"))));
    app.get(
        "/console/api/modules/{m}/graph/{t}",
        ctx ->
            json(
                ctx,
                () ->
                    ConsoleJson.graph(
                        backend.cluster().topologyGraph(ctx.pathParam("m"), ctx.pathParam("t")))));
    app.get("/console/api/modules/{m}/pstates/{p}/keys", ctx -> json(ctx, () -> keys(ctx)));
    app.post("/console/api/modules/{m}/pstates/{p}/page", ctx -> json(ctx, () -> page(ctx)));
    app.post("/console/api/modules/{m}/pstates/{p}/select", ctx -> json(ctx, () -> select(ctx)));
    app.post("/console/api/modules/{m}/options", ctx -> json(ctx, () -> option(ctx)));
  }

  /** The time series, for tests. */
  TimeSeries series() {
    return series;
  }

  private static void asset(Context ctx, String file) throws IOException {
    if (!file.matches("[A-Za-z0-9._-]+") || file.startsWith(".")) {
      ctx.status(404).result("no such file");
      return;
    }
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/" + file)) {
      if (in == null) {
        ctx.status(404).result("no such file");
        return;
      }
      ctx.contentType(contentType(file));
      ctx.header("Cache-Control", "no-cache");
      ctx.result(in.readAllBytes());
    }
  }

  private static String contentType(String file) {
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (file.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (file.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  private interface Body {
    Object get() throws Exception;
  }

  private static void json(Context ctx, Body body) throws JsonProcessingException {
    ctx.contentType("application/json");
    Object r;
    try {
      r = body.get();
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      int status =
          m.contains("is not deployed") || m.contains(" has no ") || m.startsWith("no ")
              ? 404
              : 400;
      ctx.status(status).result(JSON.writeValueAsString(Map.of("error", m)));
      return;
    } catch (Exception e) {
      Throwable c = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      ctx.status(c instanceof IllegalArgumentException ? 400 : 500)
          .result(JSON.writeValueAsString(Map.of("error", String.valueOf(c.getMessage()))));
      return;
    }
    ctx.result(JSON.writeValueAsString(r));
  }

  private Map<String, Object> cluster() {
    Map<String, Object> r = new LinkedHashMap<>();
    long now = System.currentTimeMillis();
    r.put("startedAtMillis", backend.startedAtMillis());
    r.put("uptimeMillis", now - backend.startedAtMillis());
    r.put("dataDir", backend.dataDir().toAbsolutePath().toString());
    r.put("dataDirBytes", directorySize(backend.dataDir()));
    r.put("jvmThreads", Thread.activeCount());
    r.put("heapUsedBytes", Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
    List<Object> modules = new ArrayList<>();
    for (Map<String, Object> s : backend.modules()) {
      Map<String, Object> m = new LinkedHashMap<>(s);
      try {
        ModuleView v = backend.cluster().moduleView((String) s.get("module"));
        long appends = 0;
        for (ModuleView.DepotView d : v.depots()) {
          appends += d.appends();
        }
        long processed = 0;
        long failures = 0;
        for (ModuleView.TopologyView t : v.topologies()) {
          if (!t.type().equals("query")) {
            processed += t.processed();
          }
          failures += t.failures();
        }
        m.put("depots", v.depots().size());
        m.put("pstates", v.pstates().size());
        m.put("topologies", v.topologies().size());
        m.put("appends", appends);
        m.put("processed", processed);
        m.put("failures", failures);
      } catch (RuntimeException e) {
        m.put("error", e.getMessage());
      }
      modules.add(m);
    }
    r.put("modules", modules);
    List<OperationLog.Entry> ops = backend.operations().entries(null);
    r.put("operations", ops.subList(Math.max(0, ops.size() - 20), ops.size()));
    return r;
  }

  private static long directorySize(java.nio.file.Path dir) {
    try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // removed while walking
                }
              })
          .sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return -1;
    }
  }

  private Map<String, Object> status(String module) {
    for (Map<String, Object> s : backend.modules()) {
      if (module.equals(s.get("module"))) {
        return s;
      }
    }
    throw new IllegalArgumentException("module " + module + " is not deployed");
  }

  private Map<String, Object> module(String module) {
    Map<String, Object> st = status(module);
    ModuleView v = backend.cluster().moduleView(module);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("module", module);
    r.put("status", st);
    List<Object> depots = new ArrayList<>();
    v.depots().forEach(d -> depots.add(ConsoleJson.depot(d)));
    r.put("depots", depots);
    List<Object> pstates = new ArrayList<>();
    v.pstates().forEach(p -> pstates.add(ConsoleJson.pstate(p)));
    r.put("pstates", pstates);
    List<Object> topologies = new ArrayList<>();
    for (ModuleView.TopologyView t : v.topologies()) {
      Map<String, Object> tm = ConsoleJson.topology(t);
      tm.put("rate", last(module + "|topology|" + t.name() + "|rate"));
      topologies.add(tm);
    }
    for (Object d : depots) {
      @SuppressWarnings("unchecked")
      Map<String, Object> dm = (Map<String, Object>) d;
      dm.put("rate", last(module + "|depot|" + dm.get("name") + "|rate"));
    }
    r.put("topologies", topologies);
    Map<String, Object> defined = new LinkedHashMap<>();
    v.options().forEach((k, val) -> defined.put(k, ConsoleJson.plain(val)));
    r.put("options", defined);
    r.put("operations", backend.operations().entries(module));
    return r;
  }

  private double last(String metric) {
    List<double[]> pts = series.read(metric);
    return pts.isEmpty() ? 0 : pts.get(pts.size() - 1)[1];
  }

  private Map<String, Object> series(String module) {
    status(module);
    Map<String, Object> r = new LinkedHashMap<>();
    String prefix = module + "|";
    for (String name : series.names(prefix)) {
      r.put(name.substring(prefix.length()), series.read(name));
    }
    return r;
  }

  private <T> T withLoader(String module, Supplier<T> body) {
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(backend.classLoader(module));
    try {
      return body.get();
    } finally {
      t.setContextClassLoader(old);
    }
  }

  private Map<String, Object> keys(Context ctx) throws Exception {
    String m = ctx.pathParam("m");
    String p = ctx.pathParam("p");
    int partition = intParam(ctx, "partition", 0);
    int offset = Math.max(0, intParam(ctx, "offset", 0));
    int limit = Math.min(MAX_PAGE, Math.max(1, intParam(ctx, "limit", 20)));
    ModuleView.PStateView pv = pstateView(m, p);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("partition", partition);
    r.put("partitions", pv.sizes().length);
    r.put("offset", offset);
    List<Object> got;
    boolean isMap = pv.schema().startsWith("map");
    got =
        withLoader(
            m,
            () -> {
              try {
                return backend
                    .cluster()
                    .selectOnPartition(m, p, partition, isMap ? Path.mapKeys() : Path.stay())
                    .get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
              }
            });
    if (!isMap) {
      r.put("value", got.isEmpty() ? null : ConsoleJson.plain(got.get(0)));
      return r;
    }
    List<Object> all = new ArrayList<>(got);
    all.sort(KEY_ORDER);
    r.put("total", all.size());
    List<Object> page = new ArrayList<>();
    for (Object k :
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
      page.add(keyJson(k));
    }
    r.put("keys", page);
    return r;
  }

  /** Keys in their own order when comparable with each other, else by their text. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> KEY_ORDER =
      (a, b) -> {
        if (a instanceof Comparable && b != null && a.getClass() == b.getClass()) {
          return ((Comparable) a).compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
      };

  private static Map<String, Object> keyJson(Object k) {
    Map<String, Object> km = new LinkedHashMap<>();
    km.put("display", String.valueOf(ConsoleJson.plain(k)));
    km.put("json", ConsoleJson.typed(k));
    return km;
  }

  private ModuleView.PStateView pstateView(String m, String p) {
    for (ModuleView.PStateView v : backend.cluster().moduleView(m).pstates()) {
      if (v.name().equals(p)) {
        return v;
      }
    }
    throw new IllegalArgumentException("module " + m + " has no PState " + p);
  }

  private static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + v);
    }
  }

  private static Map<?, ?> bodyMap(Context ctx) {
    Object o;
    try {
      o = JSON.readValue(ctx.body(), Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
    }
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return (Map<?, ?>) o;
  }

  /** One page of the value at {@code key} then {@code nav}: a map's entries, a list's items. */
  private Map<String, Object> page(Context ctx) {
    String m = ctx.pathParam("m");
    String p = ctx.pathParam("p");
    Map<?, ?> b = bodyMap(ctx);
    if (!b.containsKey("key")) {
      throw new IllegalArgumentException("page needs the key of the entry to open");
    }
    Object key = ConsolePaths.value(b.get("key"));
    List<Object> nav = new ArrayList<>();
    if (b.get("nav") instanceof List) {
      for (Object o : (List<?>) b.get("nav")) {
        nav.add(ConsolePaths.value(o));
      }
    }
    int limit = b.get("limit") instanceof Number ? ((Number) b.get("limit")).intValue() : 20;
    limit = Math.min(MAX_PAGE, Math.max(1, limit));
    Object after = b.containsKey("after") ? ConsolePaths.value(b.get("after")) : null;
    boolean hasAfter = b.containsKey("after") && b.get("after") != null;
    int offset = b.get("offset") instanceof Number ? ((Number) b.get("offset")).intValue() : 0;
    PState ps = backend.cluster().clusterPState(m, p);
    Path.Impl at = Path.key(key);
    for (Object k : nav) {
      at = at.key(k);
    }
    Path.Impl base = at;
    int lim = limit;
    Map<String, Object> r = new LinkedHashMap<>();
    // a sorted (subindexed) map: read one page of it, never the whole of it
    Object sorted =
        withLoader(
            m,
            () -> {
              try {
                SortedRangeFromOptions.Impl o = SortedRangeFromOptions.maxAmt(lim + 1);
                if (hasAfter) {
                  o = o.excludeStart();
                }
                return ps.selectOne(key, base.sortedMapRangeFrom(hasAfter ? after : null, o));
              } catch (RuntimeException e) {
                return null; // not a sorted map: read it whole below
              }
            });
    Object whole = sorted;
    if (!(sorted instanceof Map)) {
      whole = withLoader(m, () -> ps.selectOne(key, base));
    }
    if (whole instanceof Map) {
      List<Map.Entry<?, ?>> es = new ArrayList<>(((Map<?, ?>) whole).entrySet());
      if (!(whole instanceof java.util.SortedMap)) {
        es.sort((x, y) -> KEY_ORDER.compare(x.getKey(), y.getKey()));
      }
      int from = 0;
      if (sorted == null && hasAfter) {
        while (from < es.size() && KEY_ORDER.compare(es.get(from).getKey(), after) <= 0) {
          from++;
        }
      }
      List<Object> entries = new ArrayList<>();
      for (int i = from; i < Math.min(es.size(), from + limit); i++) {
        Map<String, Object> e = keyJson(es.get(i).getKey());
        Object v = es.get(i).getValue();
        e.put("value", ConsoleJson.preview(v));
        e.put("nested", v instanceof Map || v instanceof java.util.Collection);
        entries.add(e);
      }
      r.put("kind", "map");
      r.put("entries", entries);
      r.put("more", es.size() > from + limit);
      r.put("subindexed", sorted instanceof Map);
    } else if (whole instanceof List) {
      List<?> l = (List<?>) whole;
      List<Object> items = new ArrayList<>();
      for (int i = Math.max(0, offset); i < Math.min(l.size(), offset + limit); i++) {
        items.add(ConsoleJson.plain(l.get(i)));
      }
      r.put("kind", "list");
      r.put("items", items);
      r.put("size", l.size());
    } else {
      r.put("kind", "value");
      r.put("value", ConsoleJson.plain(whole));
    }
    return r;
  }

  private Map<String, Object> select(Context ctx) {
    String m = ctx.pathParam("m");
    String p = ctx.pathParam("p");
    Map<?, ?> b = bodyMap(ctx);
    if (!b.containsKey("path")) {
      throw new IllegalArgumentException("select needs a path, e.g. {\"path\": [\"alice\"]}");
    }
    Path path = ConsolePaths.parse(b.get("path"));
    PState ps = backend.cluster().clusterPState(m, p);
    List<Object> res =
        withLoader(
            m,
            () ->
                b.containsKey("key")
                    ? ps.select(ConsolePaths.value(b.get("key")), path)
                    : ps.select(path));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("result", ConsoleJson.plain(res));
    return r;
  }

  private Map<String, Object> option(Context ctx) throws Exception {
    String m = ctx.pathParam("m");
    Map<?, ?> b = bodyMap(ctx);
    Object k = b.get("key");
    Object v = b.get("value");
    if (!(k instanceof String) || ((String) k).isBlank() || v == null) {
      throw new IllegalArgumentException("options needs {\"key\": name, \"value\": value}");
    }
    status(m);
    Map<String, Object> r = new LinkedHashMap<>();
    try {
      r.put("result", backend.setOption(m, (String) k, String.valueOf(v)));
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      throw new IllegalArgumentException(String.valueOf(c.getMessage()), c);
    }
    return r;
  }

  @Override
  public void close() {
    sampler.close();
  }
}
