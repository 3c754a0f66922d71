package dev.deimos.impl.dataflow;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import java.util.List;

/**
 * What localSelect and localTransform need from a PState bound to a {@code $$} var. Implemented by
 * the PState handles the engine hands to dataflow code (today the test PState).
 */
public interface PStateAccess {
  /**
   * Navigates {@code path}, reading path vars from {@code vars}.
   *
   * @param path the query path
   * @param vars the current frame's vars
   * @return the navigated values, in order
   */
  List<Object> select(Path path, Vars vars);

  /**
   * Applies {@code path} as a transform, reading path vars from {@code vars}.
   *
   * @param path the transform path
   * @param vars the current frame's vars
   */
  void transform(Path path, Vars vars);

  /**
   * Applies an aggregation's write ({@code agg} / {@code compoundAgg} into this PState). Same as
   * {@link #transform} except that a partitioned PState does not check that the path's top-level
   * key belongs to the current task: an aggregation writes into the current task's partition
   * whatever its keys, as it did when every aggregation was one whole-root update.
   *
   * @param path the transform path
   * @param vars the vars the path reads
   */
  default void aggregate(Path path, Vars vars) {
    transform(path, vars);
  }
}
