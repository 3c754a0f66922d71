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

  /**
   * The value a PState var binds where dataflow code expects a value (a function's or an Expr's
   * argument, {@code keepTrue}, {@code ifTrue}): the whole value of this partition, so user code
   * never sees this object. {@code Ops.EXTRACT_VALUE} of that value is the value itself.
   *
   * @param var the PState var as written in the dataflow code, for error messages
   * @return the partition's value
   * @throws IllegalArgumentException if this PState refuses to be read whole (see implementations)
   */
  default Object argumentValue(String var) {
    List<Object> r = select(Path.stay(), Vars.NONE);
    return r.isEmpty() ? null : r.get(0);
  }
}
