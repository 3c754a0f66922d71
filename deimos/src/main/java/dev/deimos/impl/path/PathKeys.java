package dev.deimos.impl.path;

import dev.deimos.Path;
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
}
