package dev.deimos.server.console;

import dev.deimos.impl.dataflow.PlanGraph;
import dev.deimos.impl.runtime.MicrobatchStatus;
import dev.deimos.impl.runtime.ModuleView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The console's JSON shapes of the engine's views, as plain maps and lists for Jackson. */
final class ConsoleJson {
  private ConsoleJson() {}

  static Map<String, Object> depot(ModuleView.DepotView d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("partitions", d.partitions());
    m.put("records", d.records());
    m.put("appends", d.appends());
    m.put("appendedBytes", d.appendedBytes());
    m.put("endOffsets", d.endOffsets());
    m.put("global", d.global());
    m.put("tickMillis", d.tickMillis());
    return m;
  }

  static Map<String, Object> pstate(ModuleView.PStateView p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("schema", p.schema());
    m.put("global", p.global());
    m.put("private", p.isPrivate());
    m.put("owner", p.owner());
    m.put("sizes", p.sizes());
    long total = 0;
    for (long s : p.sizes()) {
      total = s < 0 || total < 0 ? -1 : total + s;
    }
    m.put("total", total);
    return m;
  }

  static Map<String, Object> topology(ModuleView.TopologyView t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("type", t.type());
    m.put("sources", t.sources());
    m.put("processed", t.processed());
    m.put("failures", t.failures());
    m.put("retries", t.retries());
    m.put("microbatches", t.microbatches());
    m.put("p50", t.latencyMillis(0.5));
    m.put("p90", t.latencyMillis(0.9));
    m.put("p99", t.latencyMillis(0.99));
    m.put("max", t.latencyMillis(1.0));
    MicrobatchStatus s = t.status();
    if (s != null) {
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("nextMicrobatchId", s.nextMicrobatchId());
      st.put("paused", s.paused());
      st.put("stalled", s.stalled());
      st.put("failedAttempts", s.failedAttempts());
      st.put("lastError", s.lastError());
      st.put("failingSinceMillis", s.failingSinceMillis());
      m.put("status", st);
    }
    List<Object> prog = new ArrayList<>();
    long behind = 0;
    for (ModuleView.SourceProgress p : t.progress()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("depot", p.depot());
      pm.put("committed", sum(p.committed()));
      pm.put("end", sum(p.end()));
      pm.put("behind", p.behind());
      behind += p.behind();
      prog.add(pm);
    }
    m.put("progress", prog);
    m.put("behind", behind);
    return m;
  }

  static Map<String, Object> graph(PlanGraph g) {
    List<Object> nodes = new ArrayList<>();
    for (PlanGraph.Node n : g.nodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", n.id());
      m.put("label", n.label());
      m.put("kind", n.kind());
      m.put("phase", n.phase());
      m.put("segment", n.segment());
      m.put("count", n.count());
      nodes.add(m);
    }
    List<Object> edges = new ArrayList<>();
    for (PlanGraph.Edge e : g.edges()) {
      edges.add(List.of(e.from(), e.to(), e.kind()));
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("nodes", nodes);
    r.put("edges", edges);
    return r;
  }

  private static long sum(long[] a) {
    long n = 0;
    for (long v : a) {
      n += Math.max(0, v);
    }
    return n;
  }

  /**
   * A value as the browser shows it: maps, lists and scalars as JSON, other objects (records, user
   * classes) as their {@code toString}.
   */
  static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number) {
      return v;
    }
    if (v instanceof Map) {
      Map<String, Object> r = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        r.put(String.valueOf(e.getKey()), plain(e.getValue()));
      }
      return r;
    }
    if (v instanceof Iterable) {
      List<Object> r = new ArrayList<>();
      for (Object o : (Iterable<?>) v) {
        r.add(plain(o));
      }
      return r;
    }
    return String.valueOf(v);
  }

  /**
   * A key as the browser sends it back in a path: typed strings for the number types JSON cannot
   * tell apart, or null when the key has no JSON form (then it is shown, not opened).
   */
  static Object typed(Object k) {
    if (k instanceof String) {
      return ((String) k).startsWith("#__") ? null : k;
    }
    if (k instanceof Integer || k instanceof Double || k instanceof Boolean) {
      return k;
    }
    if (k instanceof Long) {
      return "#__L" + k;
    }
    if (k instanceof Short) {
      return "#__S" + k;
    }
    if (k instanceof Byte) {
      return "#__B" + k;
    }
    if (k instanceof Float) {
      return "#__F" + k;
    }
    if (k instanceof Character) {
      return "#__C" + k;
    }
    return null;
  }

  /** A one-line preview of a value for tables. */
  static String preview(Object v) {
    String s = String.valueOf(plain(v));
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
