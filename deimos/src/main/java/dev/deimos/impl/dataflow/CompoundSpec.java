package dev.deimos.impl.dataflow;

import dev.deimos.CompoundAgg;
import dev.deimos.ops.AggOrCompoundAgg;
import java.util.Arrays;

/** The one implementation of {@link CompoundAgg}: a map or list template over sub-templates. */
public final class CompoundSpec implements CompoundAgg {
  /** Keys of a map template (null for a list template). */
  final Object[] keys;

  /** Sub-templates: {@link AggSpec} or {@link CompoundSpec}. */
  final AggOrCompoundAgg[] children;

  private CompoundSpec(Object[] keys, AggOrCompoundAgg[] children) {
    this.keys = keys;
    this.children = children;
  }

  /**
   * Backs {@code CompoundAgg.map}.
   *
   * @param keysAndAggs alternating keys and sub-templates
   * @return the template
   */
  public static CompoundAgg map(Object... keysAndAggs) {
    if (keysAndAggs.length == 0 || keysAndAggs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "CompoundAgg.map needs key/aggregator pairs, got "
              + keysAndAggs.length
              + " arguments: "
              + Arrays.toString(keysAndAggs));
    }
    int n = keysAndAggs.length / 2;
    Object[] keys = new Object[n];
    AggOrCompoundAgg[] children = new AggOrCompoundAgg[n];
    for (int i = 0; i < n; i++) {
      keys[i] = keysAndAggs[2 * i];
      children[i] = check(keysAndAggs[2 * i + 1], 2 * i + 1);
    }
    return new CompoundSpec(keys, children);
  }

  /**
   * Backs {@code CompoundAgg.list}.
   *
   * @param items the sub-templates
   * @return the template
   */
  public static CompoundAgg list(AggOrCompoundAgg... items) {
    AggOrCompoundAgg[] children = new AggOrCompoundAgg[items.length];
    for (int i = 0; i < items.length; i++) {
      children[i] = check(items[i], i);
    }
    return new CompoundSpec(null, children);
  }

  private static AggOrCompoundAgg check(Object o, int index) {
    if (!(o instanceof AggSpec) && !(o instanceof CompoundSpec)) {
      throw new IllegalArgumentException(
          "CompoundAgg argument "
              + index
              + " must be an Agg or CompoundAgg built with their static methods, got "
              + o);
    }
    return (AggOrCompoundAgg) o;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(keys == null ? "CompoundAgg.list(" : "CompoundAgg.map(");
    for (int i = 0; i < children.length; i++) {
      sb.append(i == 0 ? "" : ", ");
      if (keys != null) {
        sb.append(keys[i]).append(", ");
      }
      sb.append(children[i]);
    }
    return sb.append(')').toString();
  }
}
