package dev.deimos.server.console;

import dev.deimos.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a path typed in the REST JSON form for the console's PState browser: a list whose plain
 * elements (strings, numbers, booleans) are keys and whose list elements are {@code [navigator,
 * args...]} calling the {@code Path} navigator of that name, e.g. {@code ["alice", ["mapKeys"]]} or
 * {@code [["sortedMapRangeFrom", "a", 10]]}. Typed strings {@code "#__L12"} (Long), {@code "#__S"},
 * {@code "#__B"} (Short, Byte), {@code "#__F"} (Float), {@code "#__C"} (Character) and {@code
 * "#__fOps.NAME"} (a function of {@code Ops}) are decoded at any depth; JSON integers are Integers
 * and decimals Doubles, as in Rama's REST API.
 */
public final class ConsolePaths {
  private ConsolePaths() {}

  /**
   * Builds the path.
   *
   * @param json the parsed JSON (a list, or one key)
   * @return the path
   * @throws IllegalArgumentException naming the element that is not a key or a known navigator
   */
  public static Path parse(Object json) {
    List<?> elems = json instanceof List ? (List<?>) json : List.of(json);
    // a leading key starts the path, so that a select without a partition key goes to the
    // partition of that key (as in the REST API); otherwise it runs on every partition
    boolean leadingKey = !elems.isEmpty() && !(elems.get(0) instanceof List);
    Path.Impl p = leadingKey ? Path.key(value(elems.get(0))) : Path.stay();
    for (int i = leadingKey ? 1 : 0; i < elems.size(); i++) {
      Object e = elems.get(i);
      if (e instanceof List) {
        List<?> nav = (List<?>) e;
        if (nav.isEmpty() || !(nav.get(0) instanceof String)) {
          throw new IllegalArgumentException(
              "path element " + i + ": a navigator is [name, args...], got " + nav);
        }
        List<Object> args = new ArrayList<>();
        for (Object a : nav.subList(1, nav.size())) {
          args.add(value(a));
        }
        p = call(p, (String) nav.get(0), args, i);
      } else {
        p = p.key(value(e));
      }
    }
    return p;
  }

  /**
   * Decodes a JSON value with the typed-string rules.
   *
   * @param v the parsed JSON value
   * @return the Java value
   */
  public static Object value(Object v) {
    if (v instanceof String) {
      String s = (String) v;
      if (s.startsWith("#__") && s.length() >= 4) {
        String rest = s.substring(4);
        try {
          switch (s.charAt(3)) {
            case 'L':
              return Long.valueOf(rest);
            case 'S':
              return Short.valueOf(rest);
            case 'B':
              return Byte.valueOf(rest);
            case 'F':
              return Float.valueOf(rest);
            case 'C':
              if (rest.length() == 1) {
                return rest.charAt(0);
              }
              break;
            case 'f':
              return function(rest);
            default:
              break;
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad typed value " + s + ": " + e.getMessage(), e);
        }
      }
      return s;
    }
    if (v instanceof List) {
      List<Object> r = new ArrayList<>();
      for (Object o : (List<?>) v) {
        r.add(value(o));
      }
      return r;
    }
    if (v instanceof Map) {
      Map<Object, Object> r = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) {
        r.put(value(en.getKey()), value(en.getValue()));
      }
      return r;
    }
    return v;
  }

  private static Object function(String name) {
    String field = name.startsWith("Ops.") ? name.substring(4) : name;
    try {
      return dev.deimos.ops.Ops.class.getField(field).get(null);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalArgumentException("unknown function #__f" + name + " (use Ops.NAME)", e);
    }
  }

  private static Path.Impl call(Path.Impl p, String name, List<Object> args, int at) {
    for (Method m : Path.Impl.class.getMethods()) {
      if (!m.getName().equals(name)
          || Modifier.isStatic(m.getModifiers())
          || !Path.class.isAssignableFrom(m.getReturnType())) {
        continue;
      }
      Object[] a = fit(m, args);
      if (a == null) {
        continue;
      }
      try {
        return (Path.Impl) m.invoke(p, a);
      } catch (InvocationTargetException e) {
        Throwable c = e.getCause();
        throw new IllegalArgumentException(
            "path element " + at + ": " + name + args + ": " + c.getMessage(), c);
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException("path element " + at + ": " + name + " is not usable");
      }
    }
    throw new IllegalArgumentException(
        "path element " + at + ": no navigator " + name + " taking " + args.size() + " arguments");
  }

  /** The arguments converted to the method's parameters, or null when they do not fit. */
  private static Object[] fit(Method m, List<Object> args) {
    Class<?>[] ps = m.getParameterTypes();
    if (m.isVarArgs()) {
      int fixed = ps.length - 1;
      if (args.size() < fixed) {
        return null;
      }
      Class<?> comp = ps[fixed].getComponentType();
      if (comp != Object.class) {
        return null;
      }
      Object[] r = new Object[ps.length];
      for (int i = 0; i < fixed; i++) {
        if (!fits(ps[i], args.get(i))) {
          return null;
        }
        r[i] = args.get(i);
      }
      r[fixed] = args.subList(fixed, args.size()).toArray();
      return r;
    }
    if (ps.length != args.size()) {
      return null;
    }
    for (int i = 0; i < ps.length; i++) {
      if (!fits(ps[i], args.get(i))) {
        return null;
      }
    }
    return args.toArray();
  }

  private static boolean fits(Class<?> type, Object v) {
    return type == Object.class || (v != null && type.isInstance(v));
  }
}
