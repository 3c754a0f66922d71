package dev.deimos.impl.path;

import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.PathException;
import dev.deimos.impl.data.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Entry point of the path engine: runs a {@link Path} over a value.
 *
 * <p>Paths compile once (the compiled form is cached in the path); vars and {@link dev.deimos.Expr}
 * arguments are resolved on every call from the given {@link Vars}. Transforms never mutate their
 * input unless it is a {@link WriteThrough} view. Calls are thread-safe as long as the values
 * passed in are not mutated concurrently.
 */
public final class Paths {
  /** End of a transform path without a term navigator: values reaching it stay as they are. */
  static final UnaryOperator<Object> NO_TERM = v -> v;

  private Paths() {}

  /**
   * Returns the vars ({@code "*x"}) that {@code p} reads, including those in {@link
   * dev.deimos.Expr} arguments and nested sub-paths ({@code multiPath}, {@code ifPath}, {@code
   * subselect}, {@code filterSelected}, {@code collect}, ...), in the order they first appear. The
   * dataflow compiler uses it to reject a path reading a var that is not bound where the path runs.
   * A path of another implementation reads no vars Deimos knows of.
   *
   * @param p the path
   * @return a new set of var names in path order
   */
  public static java.util.Set<String> vars(Path p) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    if (p instanceof PathImpl) {
      ((PathImpl) p).vars(out);
    }
    return out;
  }

  /**
   * Returns every value {@code p} reaches from {@code root}, in navigation order. When the path
   * collects values, each result is a list of the collected values followed by the reached value.
   *
   * @param p the path
   * @param root the value to start from (may be null)
   * @param vars values of the vars the path refers to
   * @return a new mutable list of the results
   * @throws PathException if a step cannot navigate the value it meets
   */
  public static List<Object> select(Path p, Object root, Vars vars) {
    Node head = ComposeNavs.impl(p, "select").head();
    List<Object> out = new ArrayList<>();
    Run r = new Run(vars);
    r.sink = v -> out.add(r.withCollected(v));
    head.select(root, r);
    return out;
  }

  /**
   * Like {@link #select} for a path expected to reach at most one value.
   *
   * @param p the path
   * @param root the value to start from (may be null)
   * @param vars values of the vars the path refers to
   * @return the single value reached, or null when the path reaches nothing
   * @throws PathException if the path reaches more than one value
   */
  public static Object selectOne(Path p, Object root, Vars vars) {
    List<Object> all = select(p, root, vars);
    if (all.size() > 1) {
      throw new PathException(
          "selectOne of " + p + " reached " + all.size() + " values, expected at most one");
    }
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * Rewrites every value {@code p} reaches from {@code root} with the path's term navigator and
   * returns the new root. Plain collections are copied along the changed route, never mutated.
   *
   * @param p the path, usually ending in a term navigator
   * @param root the value to start from (may be null)
   * @param vars values of the vars the path refers to
   * @return the new root; null if the root itself was removed
   * @throws PathException if a step cannot navigate the value it meets
   */
  public static Object transform(Path p, Object root, Vars vars) {
    Node head = ComposeNavs.impl(p, "transform").head();
    Run r = new Run(vars);
    r.tail = NO_TERM;
    Object out = head.transform(root, r);
    return out == Navigator.VOID ? null : out;
  }
}
