package dev.deimos;

import dev.deimos.impl.dataflow.CompoundSpec;
import dev.deimos.ops.AggOrCompoundAgg;

/**
 * An aggregation template: nested maps and lists whose leaves are {@link Agg}s, used with {@code
 * Block.compoundAgg}. The template mirrors the shape of the aggregated value; missing maps and
 * leaves are created on first use.
 *
 * <p>Templates are immutable and may be reused.
 */
public interface CompoundAgg extends AggOrCompoundAgg {
  /**
   * Makes a map template from alternating keys and sub-templates. A key may be a var, a plain
   * value, a {@link Constant} or an {@link Expr}, evaluated per input; a sub-template is an {@link
   * Agg} or another {@link CompoundAgg}.
   *
   * @param keysAndAggs key, aggregator, key, aggregator, ...
   * @return the template
   * @throws IllegalArgumentException if the count is odd or a value is not an aggregator
   */
  static CompoundAgg map(Object... keysAndAggs) {
    return CompoundSpec.map(keysAndAggs);
  }

  /**
   * Makes a fixed-size list template; position {@code i} of the aggregated list holds the result of
   * {@code aggOrCompoundAggs[i]}.
   *
   * @param aggOrCompoundAggs the templates of each position
   * @return the template
   */
  static CompoundAgg list(AggOrCompoundAgg... aggOrCompoundAggs) {
    return CompoundSpec.list(aggOrCompoundAggs);
  }
}
