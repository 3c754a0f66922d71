package dev.deimos.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deimos.Path;
import dev.deimos.SortedRangeFromOptions;
import dev.deimos.SortedRangeOptions;
import dev.deimos.SortedRangeToOptions;
import dev.deimos.impl.path.PathImpl;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON paths: a JSON list whose elements are navigators. A bare value (a string or any typed value)
 * is {@code key}; a bare function ({@code "#__f..."}) is {@code filterPred}; a list {@code [name,
 * args...]} is the navigator of that name, named as the {@link Path} method is. A leading {@code
 * ["pkey", k]} gives the partition key explicitly. Arguments that are paths are JSON paths
 * themselves.
 */
final class RestPaths {
  private RestPaths() {}

  /** A parsed path and its partition key, if one was given. */
  record Parsed(Path path, boolean keyGiven, Object pkey) {}

  private interface Nav {
    Path.Impl apply(Path.Impl p, List<JsonNode> args, ClassLoader l);
  }

  private static final Map<String, Nav> NAVS = new HashMap<>();

  private static void nav(String name, Nav n) {
    NAVS.put(name, n);
  }

  /** The navigator names the REST API knows, sorted. */
  static List<String> names() {
    return new ArrayList<>(new TreeSet<>(NAVS.keySet()));
  }

  static {
    nav("key", (p, a, l) -> p.key(values(a, l, 1, "key")));
    nav("must", (p, a, l) -> p.must(values(a, l, 1, "must")));
    nav("all", (p, a, l) -> none(a, "all", p.all()));
    nav("mapKeys", (p, a, l) -> none(a, "mapKeys", p.mapKeys()));
    nav("mapVals", (p, a, l) -> none(a, "mapVals", p.mapVals()));
    nav("mapKey", (p, a, l) -> p.mapKey(one(a, l, "mapKey")));
    nav("first", (p, a, l) -> none(a, "first", p.first()));
    nav("last", (p, a, l) -> none(a, "last", p.last()));
    nav("nth", (p, a, l) -> p.nth(one(a, l, "nth")));
    nav(
        "sublist",
        (p, a, l) -> {
          arity(a, 2, 2, "sublist");
          return p.sublist(value(a, 0, l), value(a, 1, l));
        });
    nav("subMap", (p, a, l) -> p.subMap(values(a, l, 0, "subMap")));
    nav("sortedMapRange", (p, a, l) -> range(p, a, l, true));
    nav("sortedSetRange", (p, a, l) -> range(p, a, l, false));
    nav("sortedMapRangeFrom", (p, a, l) -> rangeFrom(p, a, l, true));
    nav("sortedSetRangeFrom", (p, a, l) -> rangeFrom(p, a, l, false));
    nav("sortedMapRangeTo", (p, a, l) -> rangeTo(p, a, l, true));
    nav("sortedSetRangeTo", (p, a, l) -> rangeTo(p, a, l, false));
    nav(
        "transformed",
        (p, a, l) -> {
          arity(a, 1, 1, "transformed");
          return p.transformed(subpath(a, 0, l, true));
        });
    nav("termVal", (p, a, l) -> p.termVal(one(a, l, "termVal")));
    nav("termVoid", (p, a, l) -> none(a, "termVoid", p.termVoid()));
    nav("term", (p, a, l) -> fn(p, a, l, "term"));
    nav("view", (p, a, l) -> fn(p, a, l, "view"));
    nav("setElem", (p, a, l) -> p.setElem(one(a, l, "setElem")));
    nav("voidSetElem", (p, a, l) -> none(a, "voidSetElem", p.voidSetElem()));
    nav("beforeElem", (p, a, l) -> none(a, "beforeElem", p.beforeElem()));
    nav("afterElem", (p, a, l) -> none(a, "afterElem", p.afterElem()));
    nav("beforeIndex", (p, a, l) -> p.beforeIndex(one(a, l, "beforeIndex")));
    nav("beginning", (p, a, l) -> none(a, "beginning", p.beginning()));
    nav("end", (p, a, l) -> none(a, "end", p.end()));
    nav(
        "filterPred",
        (p, a, l) -> {
          arity(a, 1, 1, "filterPred");
          return p.filterPred(fn1(value(a, 0, l), "filterPred"));
        });
    nav("filterEqual", (p, a, l) -> p.filterEqual(one(a, l, "filterEqual")));
    nav("filterNotEqual", (p, a, l) -> p.filterNotEqual(one(a, l, "filterNotEqual")));
    nav("filterLessThan", (p, a, l) -> p.filterLessThan(one(a, l, "filterLessThan")));
    nav(
        "filterLessThanOrEqual",
        (p, a, l) -> p.filterLessThanOrEqual(one(a, l, "filterLessThanOrEqual")));
    nav("filterGreaterThan", (p, a, l) -> p.filterGreaterThan(one(a, l, "filterGreaterThan")));
    nav(
        "filterGreaterThanOrEqual",
        (p, a, l) -> p.filterGreaterThanOrEqual(one(a, l, "filterGreaterThanOrEqual")));
    nav(
        "filterSelected",
        (p, a, l) -> {
          arity(a, 1, 1, "filterSelected");
          return p.filterSelected(subpath(a, 0, l, false));
        });
    nav(
        "filterNotSelected",
        (p, a, l) -> {
          arity(a, 1, 1, "filterNotSelected");
          return p.filterNotSelected(subpath(a, 0, l, false));
        });
    nav(
        "filteredList",
        (p, a, l) -> {
          arity(a, 1, 1, "filteredList");
          return p.filteredList(subpath(a, 0, l, false));
        });
    nav(
        "ifPath",
        (p, a, l) -> {
          arity(a, 2, 3, "ifPath");
          return a.size() == 2
              ? p.ifPath(subpath(a, 0, l, false), subpath(a, 1, l, false))
              : p.ifPath(subpath(a, 0, l, false), subpath(a, 1, l, false), subpath(a, 2, l, false));
        });
    nav(
        "multiPath",
        (p, a, l) -> {
          Path[] ps = new Path[a.size()];
          for (int i = 0; i < ps.length; i++) {
            ps[i] = subpath(a, i, l, false);
          }
          return p.multiPath(ps);
        });
    nav(
        "subselect",
        (p, a, l) -> {
          arity(a, 1, 1, "subselect");
          return p.subselect(subpath(a, 0, l, false));
        });
    nav("nullToVal", (p, a, l) -> p.nullToVal(one(a, l, "nullToVal")));
    nav("nullToList", (p, a, l) -> none(a, "nullToList", p.nullToList()));
    nav("nullToSet", (p, a, l) -> none(a, "nullToSet", p.nullToSet()));
    nav("stay", (p, a, l) -> none(a, "stay", p.stay()));
    nav("stop", (p, a, l) -> none(a, "stop", p.stop()));
    nav(
        "collect",
        (p, a, l) -> {
          arity(a, 1, 1, "collect");
          return p.collect(subpath(a, 0, l, false));
        });
    nav(
        "collectOne",
        (p, a, l) -> {
          arity(a, 1, 1, "collectOne");
          return p.collectOne(subpath(a, 0, l, false));
        });
    nav("putCollected", (p, a, l) -> p.putCollected(one(a, l, "putCollected")));
    nav(
        "isCollected",
        (p, a, l) -> {
          arity(a, 1, 1, "isCollected");
          @SuppressWarnings("unchecked")
          DeimosFunction1<? super List<Object>, ?> f =
              (DeimosFunction1<? super List<Object>, ?>) fn1(value(a, 0, l), "isCollected");
          return p.isCollected(f);
        });
    nav("dispenseCollected", (p, a, l) -> none(a, "dispenseCollected", p.dispenseCollected()));
  }

  /**
   * Parses a JSON path.
   *
   * @param json the body
   * @param loader where function classes are looked up
   * @throws RestException 400 naming the bad navigator and where it is
   */
  static Parsed parse(JsonNode json, ClassLoader loader) {
    if (!json.isArray()) {
      throw new RestException(
          400, "a path is a JSON list of navigators, got " + json.getNodeType());
    }
    int start = 0;
    boolean keyGiven = false;
    Object pkey = null;
    if (json.size() > 0
        && json.get(0).isArray()
        && json.get(0).size() > 0
        && "pkey".equals(json.get(0).get(0).textValue())) {
      JsonNode pk = json.get(0);
      if (pk.size() != 2) {
        throw new RestException(
            400, "at path[0]: [\"pkey\", key] takes exactly one key, got " + (pk.size() - 1));
      }
      try {
        pkey = RestJson.toValue(pk.get(1), loader);
      } catch (RestException e) {
        throw e.at("path[0][1]");
      }
      keyGiven = true;
      start = 1;
    }
    return new Parsed(build(json, start, loader, false, "path"), keyGiven, pkey);
  }

  private static Path.Impl build(
      JsonNode json, int start, ClassLoader l, boolean terms, String where) {
    Path.Impl p = PathImpl.start();
    for (int i = start; i < json.size(); i++) {
      JsonNode e = json.get(i);
      try {
        p = step(p, e, l, terms);
      } catch (RestException ex) {
        throw ex.at(where + "[" + i + "]");
      }
    }
    return p;
  }

  private static Path.Impl step(Path.Impl p, JsonNode e, ClassLoader l, boolean terms) {
    if (e.isArray()) {
      if (e.size() == 0 || !e.get(0).isTextual()) {
        throw new RestException(
            400, "an explicit navigator is [name, args...] with the name a string");
      }
      String name = e.get(0).textValue();
      if (name.equals("pkey")) {
        throw new RestException(400, "[\"pkey\", k] may only be the first element of a path");
      }
      Nav n = NAVS.get(name);
      if (n == null) {
        throw new RestException(
            400, "unknown navigator \"" + name + "\" (known: " + String.join(", ", names()) + ")");
      }
      if (!terms && (name.equals("term") || name.equals("termVal") || name.equals("termVoid"))) {
        throw new RestException(
            400,
            "navigator \"" + name + "\" transforms: use it only inside [\"transformed\", path]");
      }
      List<JsonNode> args = new ArrayList<>(e.size() - 1);
      for (Iterator<JsonNode> it = e.elements(); it.hasNext(); ) {
        args.add(it.next());
      }
      args.remove(0);
      try {
        return n.apply(p, args, l);
      } catch (RestException ex) {
        throw ex;
      } catch (RuntimeException ex) {
        throw new RestException(400, "navigator \"" + name + "\": " + ex.getMessage());
      }
    }
    if (e.isObject()) {
      throw new RestException(
          400, "a JSON object is not a navigator; use [\"key\", {...}] to navigate by a map key");
    }
    Object v = RestJson.toValue(e, l);
    if (RestJson.isFunction(v)) {
      return p.filterPred(fn1(v, "filterPred"));
    }
    return p.key(v);
  }

  // ---- argument helpers ----

  private static void arity(List<JsonNode> a, int min, int max, String name) {
    if (a.size() < min || a.size() > max) {
      String want = min == max ? Integer.toString(min) : min + ".." + max;
      throw new RestException(
          400, "navigator \"" + name + "\" takes " + want + " arguments, got " + a.size());
    }
  }

  private static Path.Impl none(List<JsonNode> a, String name, Path.Impl r) {
    arity(a, 0, 0, name);
    return r;
  }

  private static Object value(List<JsonNode> a, int i, ClassLoader l) {
    try {
      return RestJson.toValue(a.get(i), l);
    } catch (RestException ex) {
      throw ex.at("argument " + (i + 1));
    }
  }

  private static Object one(List<JsonNode> a, ClassLoader l, String name) {
    arity(a, 1, 1, name);
    return value(a, 0, l);
  }

  private static Object[] values(List<JsonNode> a, ClassLoader l, int min, String name) {
    arity(a, min, Integer.MAX_VALUE, name);
    Object[] r = new Object[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = value(a, i, l);
    }
    return r;
  }

  private static Path subpath(List<JsonNode> a, int i, ClassLoader l, boolean terms) {
    JsonNode n = a.get(i);
    if (!n.isArray()) {
      throw new RestException(
          400, "argument " + (i + 1) + " must be a path (a JSON list), got " + n.getNodeType());
    }
    return build(n, 0, l, terms, "argument " + (i + 1));
  }

  @SuppressWarnings("unchecked")
  private static <T> DeimosFunction1<T, Object> fn1(Object f, String name) {
    if (!(f instanceof DeimosFunction1)) {
      throw new RestException(
          400, "navigator \"" + name + "\" needs a one-argument function (\"#__f...\")");
    }
    return (DeimosFunction1<T, Object>) f;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Path.Impl fn(Path.Impl p, List<JsonNode> a, ClassLoader l, String name) {
    arity(a, 1, 8, name);
    Object f = value(a, 0, l);
    Object[] x = new Object[a.size() - 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = value(a, i + 1, l);
    }
    boolean view = name.equals("view");
    String need =
        "navigator \""
            + name
            + "\" with "
            + x.length
            + " extra arguments needs a function of "
            + (x.length + 1)
            + " arguments";
    switch (x.length) {
      case 0:
        if (f instanceof DeimosFunction1) {
          return view ? p.view((DeimosFunction1) f) : p.term((DeimosFunction1) f);
        }
        break;
      case 1:
        if (f instanceof DeimosFunction2) {
          return view ? p.view((DeimosFunction2) f, x[0]) : p.term((DeimosFunction2) f, x[0]);
        }
        break;
      case 2:
        if (f instanceof DeimosFunction3) {
          return view
              ? p.view((DeimosFunction3) f, x[0], x[1])
              : p.term((DeimosFunction3) f, x[0], x[1]);
        }
        break;
      case 3:
        if (f instanceof DeimosFunction4) {
          return view
              ? p.view((DeimosFunction4) f, x[0], x[1], x[2])
              : p.term((DeimosFunction4) f, x[0], x[1], x[2]);
        }
        break;
      case 4:
        if (f instanceof DeimosFunction5) {
          return view
              ? p.view((DeimosFunction5) f, x[0], x[1], x[2], x[3])
              : p.term((DeimosFunction5) f, x[0], x[1], x[2], x[3]);
        }
        break;
      case 5:
        if (f instanceof DeimosFunction6) {
          return view
              ? p.view((DeimosFunction6) f, x[0], x[1], x[2], x[3], x[4])
              : p.term((DeimosFunction6) f, x[0], x[1], x[2], x[3], x[4]);
        }
        break;
      case 6:
        if (f instanceof DeimosFunction7) {
          return view
              ? p.view((DeimosFunction7) f, x[0], x[1], x[2], x[3], x[4], x[5])
              : p.term((DeimosFunction7) f, x[0], x[1], x[2], x[3], x[4], x[5]);
        }
        break;
      default:
        if (f instanceof DeimosFunction8) {
          return view
              ? p.view((DeimosFunction8) f, x[0], x[1], x[2], x[3], x[4], x[5], x[6])
              : p.term((DeimosFunction8) f, x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
        }
        break;
    }
    throw new RestException(400, need);
  }

  private static Map<String, Object> options(
      JsonNode n, ClassLoader l, String name, String... keys) {
    if (!n.isObject()) {
      throw new RestException(
          400, "navigator \"" + name + "\": the last argument must be an options object");
    }
    Map<String, Object> m = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      boolean known = false;
      for (String k : keys) {
        known |= k.equals(e.getKey());
      }
      if (!known) {
        throw new RestException(
            400,
            "navigator \""
                + name
                + "\": unknown option \""
                + e.getKey()
                + "\" (known: "
                + String.join(", ", keys)
                + ")");
      }
      m.put(e.getKey(), RestJson.toValue(e.getValue(), l));
    }
    return m;
  }

  private static boolean bool(Map<String, Object> o, String k, boolean dflt, String name) {
    Object v = o.get(k);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Boolean)) {
      throw new RestException(
          400, "navigator \"" + name + "\": option " + k + " must be true or false");
    }
    return (Boolean) v;
  }

  private static int amt(Object v, String name) {
    if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
      throw new RestException(400, "navigator \"" + name + "\": max-amt must be an integer");
    }
    long n = ((Number) v).longValue();
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new RestException(
          400, "navigator \"" + name + "\": max-amt must be 0.." + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  private static Path.Impl range(Path.Impl p, List<JsonNode> a, ClassLoader l, boolean map) {
    String name = map ? "sortedMapRange" : "sortedSetRange";
    arity(a, 2, 3, name);
    Object s = value(a, 0, l);
    Object e = value(a, 1, l);
    if (a.size() == 2) {
      return map ? p.sortedMapRange(s, e) : p.sortedSetRange(s, e);
    }
    Map<String, Object> o = options(a.get(2), l, name, "inclusive-start?", "inclusive-end?");
    SortedRangeOptions.Impl opts = SortedRangeOptions.create();
    if (!bool(o, "inclusive-start?", true, name)) {
      opts = opts.excludeStart();
    }
    if (bool(o, "inclusive-end?", false, name)) {
      opts = opts.includeEnd();
    }
    return map ? p.sortedMapRange(s, e, opts) : p.sortedSetRange(s, e, opts);
  }

  private static Path.Impl rangeFrom(Path.Impl p, List<JsonNode> a, ClassLoader l, boolean map) {
    String name = map ? "sortedMapRangeFrom" : "sortedSetRangeFrom";
    arity(a, 1, 2, name);
    Object s = value(a, 0, l);
    if (a.size() == 1) {
      return map ? p.sortedMapRangeFrom(s) : p.sortedSetRangeFrom(s);
    }
    if (!a.get(1).isObject()) {
      int n = amt(value(a, 1, l), name);
      return map ? p.sortedMapRangeFrom(s, n) : p.sortedSetRangeFrom(s, n);
    }
    Map<String, Object> o = options(a.get(1), l, name, "max-amt", "inclusive?");
    SortedRangeFromOptions.Impl opts = SortedRangeFromOptions.create();
    if (o.containsKey("max-amt")) {
      opts = opts.maxAmt(amt(o.get("max-amt"), name));
    }
    if (!bool(o, "inclusive?", true, name)) {
      opts = opts.excludeStart();
    }
    return map ? p.sortedMapRangeFrom(s, opts) : p.sortedSetRangeFrom(s, opts);
  }

  private static Path.Impl rangeTo(Path.Impl p, List<JsonNode> a, ClassLoader l, boolean map) {
    String name = map ? "sortedMapRangeTo" : "sortedSetRangeTo";
    arity(a, 1, 2, name);
    Object e = value(a, 0, l);
    if (a.size() == 1) {
      return map ? p.sortedMapRangeTo(e) : p.sortedSetRangeTo(e);
    }
    if (!a.get(1).isObject()) {
      int n = amt(value(a, 1, l), name);
      return map ? p.sortedMapRangeTo(e, n) : p.sortedSetRangeTo(e, n);
    }
    Map<String, Object> o = options(a.get(1), l, name, "max-amt", "inclusive?");
    SortedRangeToOptions.Impl opts = SortedRangeToOptions.create();
    if (o.containsKey("max-amt")) {
      opts = opts.maxAmt(amt(o.get("max-amt"), name));
    }
    if (bool(o, "inclusive?", false, name)) {
      opts = opts.includeEnd();
    }
    return map ? p.sortedMapRangeTo(e, opts) : p.sortedSetRangeTo(e, opts);
  }
}
