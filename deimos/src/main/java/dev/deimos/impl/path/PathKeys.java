package dev.deimos.impl.path;

import dev.deimos.Path;
import dev.deimos.impl.data.Functions;
import dev.deimos.impl.data.Vars;

/** Reads a path's leading key, which decides the partition a PState read or write belongs to. */
public final class PathKeys {
  /** Returned when a path does not start with {@code key} or {@code must}. */
  public static final Object NONE = new Object();

  private PathKeys() {}

  /**
   * Returns the resolved argument of the path's first navigator when it is {@code key(k)} or {@code
   * must(k)}, else {@link #NONE}.
   *
   * @param path the path
   * @param vars vars for a {@code *var} argument
   * @return the top-level key, or {@link #NONE}
   */
  public static Object firstKey(Path path, Vars vars) {
    if (!(path instanceof PathImpl)) {
      return NONE;
    }
    Nav first = ((PathImpl) path).firstNav();
    if (first instanceof MapNavs.Key) {
      return Args.resolve(((MapNavs.Key) first).arg, vars);
    }
    if (first instanceof MapNavs.Must) {
      return Args.resolve(((MapNavs.Must) first).arg, vars);
    }
    return NONE;
  }

  /**
   * Returns whether the path has no navigator but {@code stay()}, so it reaches the whole
   * partition.
   *
   * @param path the path
   * @return true for an empty path
   */
  public static boolean isEmpty(Path path) {
    return path instanceof PathImpl && ((PathImpl) path).onlyStays();
  }

  /**
   * Returns the resolved keys of a path made only of {@code key(k)} steps, in order, else null. The
   * returned array may be shared between calls: do not change it.
   *
   * @param path the path
   * @param vars vars for {@code *var} arguments
   * @return the keys, or null when the path has another kind of step (or none)
   */
  public static Object[] keyChain(Path path, Vars vars) {
    return path instanceof PathImpl ? ((PathImpl) path).keyChain(vars) : null;
  }

  /**
   * A transform made of {@code key} steps, optionally {@code nullToVal(v)}, and one term navigator
   * without extra arguments ({@code termVal(v)}, {@code term(fn)} or {@code termVoid()}), resolved
   * for one call: stores run it without the path engine. A path without vars resolves once and
   * returns the same instance afterwards: callers must not change {@code keys}.
   *
   * @param keys the resolved keys (at least one)
   * @param remove true for {@code termVoid()}
   * @param fn the term function, or null
   * @param value the {@code termVal} value (when {@code fn} is null and not {@code remove})
   * @param ifNull the {@code nullToVal} value the term sees in place of null (null when the path
   *     has no {@code nullToVal}, which is the same as {@code nullToVal(null)})
   */
  public record KeyUpdate(Object[] keys, boolean remove, Object fn, Object value, Object ifNull) {
    /**
     * The new value of the location, given its old value (null when absent).
     *
     * @param old the old value
     * @return the new value
     */
    public Object apply(Object old) {
      if (old == null) {
        old = ifNull;
      }
      if (fn instanceof dev.deimos.ops.DeimosFunction1) {
        // the common case, without the varargs array of Functions.invoke
        @SuppressWarnings("unchecked")
        dev.deimos.ops.DeimosFunction1<Object, Object> f1 =
            (dev.deimos.ops.DeimosFunction1<Object, Object>) fn;
        return f1.invoke(old);
      }
      return fn != null ? Functions.invoke(fn, old) : value;
    }
  }

  /**
   * Returns the path as a {@link KeyUpdate} when it is {@code key} steps, optionally followed by
   * {@code nullToVal(v)}, ending in a plain term navigator, else null.
   *
   * @param path the path
   * @param vars vars for {@code *var} arguments
   * @return the update, or null
   */
  public static KeyUpdate keyUpdate(Path path, Vars vars) {
    if (!(path instanceof PathImpl)) {
      return null;
    }
    PathImpl p = (PathImpl) path;
    Object cached = p.staticKeyUpdate;
    if (cached == null) {
      // decided once per path: the update itself when it needs no vars, else its shape
      cached = shapeOf(p);
      if (cached instanceof Shape && ((Shape) cached).isStatic) {
        cached = ((Shape) cached).resolve(p, vars);
      }
      p.staticKeyUpdate = cached;
    }
    if (cached instanceof KeyUpdate) {
      return (KeyUpdate) cached;
    }
    return cached == NOT_UPDATE ? null : ((Shape) cached).resolve(p, vars);
  }

  private static final Object NOT_UPDATE = new Object();

  /** Where a key update's parts are in its path. */
  private static final class Shape {
    final int keyCount;
    // the nullToVal step, or null
    final FilterNavs.NullTo nullTo;
    final Nav last;
    final boolean isStatic;

    Shape(int keyCount, FilterNavs.NullTo nullTo, Nav last, boolean isStatic) {
      this.keyCount = keyCount;
      this.nullTo = nullTo;
      this.last = last;
      this.isStatic = isStatic;
    }

    KeyUpdate resolve(PathImpl p, Vars vars) {
      Object[] keys = p.keyPrefix(vars, keyCount);
      Object ifNull = nullTo == null ? null : Args.resolve(nullTo.arg, vars);
      if (last instanceof TermNavs.TermVoid) {
        return new KeyUpdate(keys, true, null, null, null);
      }
      if (last instanceof TermNavs.TermVal) {
        return new KeyUpdate(
            keys, false, null, Args.resolve(((TermNavs.TermVal) last).arg, vars), ifNull);
      }
      return new KeyUpdate(keys, false, ((TermNavs.Term) last).fn, null, ifNull);
    }
  }

  private static Object shapeOf(PathImpl p) {
    Nav last = p.lastNav();
    if (!(last instanceof TermNavs.Terminal) || p.size() < 2) {
      return NOT_UPDATE;
    }
    if (!(last instanceof TermNavs.TermVoid)
        && !(last instanceof TermNavs.TermVal)
        && !(last instanceof TermNavs.Term && ((TermNavs.Term) last).args.length == 0)) {
      return NOT_UPDATE;
    }
    int keyCount = p.size() - 1;
    FilterNavs.NullTo nullTo = null;
    Nav before = p.nav(keyCount - 1);
    if (before instanceof FilterNavs.NullTo
        && "val".equals(((FilterNavs.NullTo) before).kind)
        && !(last instanceof TermNavs.TermVoid)) {
      nullTo = (FilterNavs.NullTo) before;
      keyCount--;
    }
    if (keyCount == 0) {
      return NOT_UPDATE;
    }
    boolean isStatic = nullTo == null || Args.isStatic(nullTo.arg);
    for (int i = 0; i < keyCount; i++) {
      Nav n = p.nav(i);
      if (!(n instanceof MapNavs.Key)) {
        return NOT_UPDATE;
      }
      isStatic &= Args.isStatic(((MapNavs.Key) n).arg);
    }
    if (last instanceof TermNavs.TermVal) {
      isStatic &= Args.isStatic(((TermNavs.TermVal) last).arg);
    }
    return new Shape(keyCount, nullTo, last, isStatic);
  }

  /** Returned by {@link #transformUnderKey} when the transform removes the top-level key. */
  public static final Object REMOVE = new Object();

  /**
   * Runs a transform that starts with {@code key(k)} on the value under {@code k} alone, without a
   * map around it: the same result as transforming a one-entry map, minus building and copying it.
   *
   * @param path the path
   * @param old the value under the key (null when absent)
   * @param vars vars for {@code *var} arguments
   * @return the new value (identical to {@code old} when unchanged), {@link #REMOVE} when the key
   *     is removed, or {@link #NONE} when the path does not start with {@code key}
   */
  public static Object transformUnderKey(Path path, Object old, Vars vars) {
    if (!(path instanceof PathImpl)) {
      return NONE;
    }
    Node head = ((PathImpl) path).head();
    if (!(head.nav instanceof MapNavs.Key)) {
      return NONE;
    }
    Run r = new Run(vars);
    r.tail = Paths.NO_TERM;
    Object nv = head.next.transform(old, r);
    return nv == dev.deimos.Navigator.VOID ? REMOVE : nv;
  }
}
