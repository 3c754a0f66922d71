package dev.deimos;

import dev.deimos.impl.dataflow.AggSpec;
import dev.deimos.ops.AggOrCompoundAgg;
import dev.deimos.ops.DeimosAccumulatorAgg0;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosAccumulatorAgg2;
import dev.deimos.ops.DeimosAccumulatorAgg3;
import dev.deimos.ops.DeimosAccumulatorAgg4;
import dev.deimos.ops.DeimosAccumulatorAgg5;
import dev.deimos.ops.DeimosAccumulatorAgg6;
import dev.deimos.ops.DeimosAccumulatorAgg7;
import dev.deimos.ops.DeimosAccumulatorAgg8;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.TopMonotonicAgg;

/**
 * An aggregator for {@code Block.agg} and {@code Block.compoundAgg}, or a leaf of a {@link
 * CompoundAgg} template.
 *
 * <p>Arguments may be vars, plain values, {@link Constant}s or {@link Expr}s; they are evaluated
 * once per input. Most built-ins are combiners (an associative merge with an identity), which lets
 * the runtime aggregate in two phases; {@link #setRemove(Object)} and the {@code accumulator}s fold
 * inputs in order. {@link #count()} and {@link #sum(Object)} produce {@code Long} (a sum of doubles
 * stays a double); {@link #min(Object)} and {@link #max(Object)} keep the input's type.
 *
 * <p>In a batch block, an aggregator whose result is bound with {@code out} always produces a value
 * in the post-aggregation phase, even without input: 0 for count and sum, an empty list for list
 * and topMonotonic, true for and, false for or, the combiner's zero value or the accumulator's
 * initial value for custom ones, and null otherwise.
 *
 * <p>Aggregators are immutable and may be shared.
 */
public interface Agg extends AggOrCompoundAgg {
  /**
   * Counts inputs.
   *
   * @return the aggregator, producing a {@code Long}
   */
  static Agg count() {
    return AggSpec.count();
  }

  /**
   * Adds up numeric inputs.
   *
   * @param arg the number to add
   * @return the aggregator, producing a {@code Long} for integral inputs
   */
  static Agg sum(Object arg) {
    return AggSpec.sum(arg);
  }

  /**
   * Keeps the smallest input (numbers by value, other values by their natural order).
   *
   * @param arg the value
   * @return the aggregator
   */
  static Agg min(Object arg) {
    return AggSpec.min(arg);
  }

  /**
   * Keeps the largest input (numbers by value, other values by their natural order).
   *
   * @param arg the value
   * @return the aggregator
   */
  static Agg max(Object arg) {
    return AggSpec.max(arg);
  }

  /**
   * Keeps the first input seen.
   *
   * @param arg the value
   * @return the aggregator
   */
  static Agg first(Object arg) {
    return AggSpec.first(arg);
  }

  /**
   * Keeps the last input seen.
   *
   * @param arg the value
   * @return the aggregator
   */
  static Agg last(Object arg) {
    return AggSpec.last(arg);
  }

  /**
   * Appends each input to a list.
   *
   * @param arg the value to append
   * @return the aggregator
   */
  static Agg list(Object arg) {
    return AggSpec.list(arg);
  }

  /**
   * Adds each input to a set.
   *
   * @param arg the value to add
   * @return the aggregator
   */
  static Agg set(Object arg) {
    return AggSpec.set(arg);
  }

  /**
   * Removes each input from a set (an accumulator, starting from an empty set).
   *
   * @param arg the value to remove
   * @return the aggregator
   */
  static Agg setRemove(Object arg) {
    return AggSpec.setRemove(arg);
  }

  /**
   * Puts each key/value input into a map; a later value replaces an earlier one.
   *
   * @param key the key
   * @param val the value
   * @return the aggregator
   */
  static Agg map(Object key, Object val) {
    return AggSpec.map(key, val);
  }

  /**
   * Logical and over inputs (null and false are false): the first false input if there is one, else
   * the last input; true without input.
   *
   * @param arg the value
   * @return the aggregator
   */
  static Agg and(Object arg) {
    return AggSpec.and(arg);
  }

  /**
   * Logical or over inputs (null and false are false): the first true input if there is one, else
   * the last input; false without input.
   *
   * @param arg the value
   * @return the aggregator
   */
  static Agg or(Object arg) {
    return AggSpec.or(arg);
  }

  /**
   * Uses a custom combiner as an aggregator. Each input is merged with {@link
   * DeimosCombinerAgg#combine}, which must accept raw inputs as well as partial results.
   *
   * @param combiner the combiner
   * @param arg the value to merge
   * @return the aggregator
   */
  static Agg combiner(DeimosCombinerAgg<?> combiner, Object arg) {
    return AggSpec.combiner(combiner, arg);
  }

  /**
   * Uses a custom accumulator of 0 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @return the aggregator
   */
  static Agg accumulator(DeimosAccumulatorAgg0<?> accumulator) {
    return AggSpec.accumulator(accumulator);
  }

  /**
   * Uses a custom accumulator of 1 argument as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(DeimosAccumulatorAgg1<?, ?> accumulator, Object arg0) {
    return AggSpec.accumulator(accumulator, arg0);
  }

  /**
   * Uses a custom accumulator of 2 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(DeimosAccumulatorAgg2<?, ?, ?> accumulator, Object arg0, Object arg1) {
    return AggSpec.accumulator(accumulator, arg0, arg1);
  }

  /**
   * Uses a custom accumulator of 3 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @param arg2 argument 2: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(
      DeimosAccumulatorAgg3<?, ?, ?, ?> accumulator, Object arg0, Object arg1, Object arg2) {
    return AggSpec.accumulator(accumulator, arg0, arg1, arg2);
  }

  /**
   * Uses a custom accumulator of 4 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @param arg2 argument 2: a var, value, Constant or Expr
   * @param arg3 argument 3: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(
      DeimosAccumulatorAgg4<?, ?, ?, ?, ?> accumulator,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return AggSpec.accumulator(accumulator, arg0, arg1, arg2, arg3);
  }

  /**
   * Uses a custom accumulator of 5 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @param arg2 argument 2: a var, value, Constant or Expr
   * @param arg3 argument 3: a var, value, Constant or Expr
   * @param arg4 argument 4: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(
      DeimosAccumulatorAgg5<?, ?, ?, ?, ?, ?> accumulator,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return AggSpec.accumulator(accumulator, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Uses a custom accumulator of 6 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @param arg2 argument 2: a var, value, Constant or Expr
   * @param arg3 argument 3: a var, value, Constant or Expr
   * @param arg4 argument 4: a var, value, Constant or Expr
   * @param arg5 argument 5: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(
      DeimosAccumulatorAgg6<?, ?, ?, ?, ?, ?, ?> accumulator,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return AggSpec.accumulator(accumulator, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Uses a custom accumulator of 7 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @param arg2 argument 2: a var, value, Constant or Expr
   * @param arg3 argument 3: a var, value, Constant or Expr
   * @param arg4 argument 4: a var, value, Constant or Expr
   * @param arg5 argument 5: a var, value, Constant or Expr
   * @param arg6 argument 6: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(
      DeimosAccumulatorAgg7<?, ?, ?, ?, ?, ?, ?, ?> accumulator,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return AggSpec.accumulator(accumulator, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Uses a custom accumulator of 8 arguments as an aggregator. The accumulator sees every input in
   * order, so the runtime cannot split it into partial aggregations.
   *
   * @param accumulator the accumulator
   * @param arg0 argument 0: a var, value, Constant or Expr
   * @param arg1 argument 1: a var, value, Constant or Expr
   * @param arg2 argument 2: a var, value, Constant or Expr
   * @param arg3 argument 3: a var, value, Constant or Expr
   * @param arg4 argument 4: a var, value, Constant or Expr
   * @param arg5 argument 5: a var, value, Constant or Expr
   * @param arg6 argument 6: a var, value, Constant or Expr
   * @param arg7 argument 7: a var, value, Constant or Expr
   * @return the aggregator
   */
  static Agg accumulator(
      DeimosAccumulatorAgg8<?, ?, ?, ?, ?, ?, ?, ?, ?> accumulator,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return AggSpec.accumulator(accumulator, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Keeps the {@code amount} best inputs by sort value, one per id; see {@link TopMonotonicAgg}.
   * Produces a list.
   *
   * @param amount how many inputs to keep
   * @param var the var holding the value
   * @return the aggregator, configurable further
   */
  static TopMonotonicAgg topMonotonic(int amount, String var) {
    return AggSpec.topMonotonic(amount, var);
  }

  /**
   * Binds the value produced by this aggregator after each update to {@code var}. Outside a batch
   * block the var is bound right after each input is applied; in a batch block the post-aggregation
   * phase runs once per updated location, with the key vars of the enclosing {@link
   * CompoundAgg#map} maps bound to that location's keys.
   *
   * @param var the var, starting with {@code *}
   * @return a copy of this aggregator that captures its new value
   */
  Agg captureNewValInto(String var);
}
