package dev.deimos.impl.dataflow;

import dev.deimos.Agg;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.DeimosFunction1;
import java.io.Serializable;

/**
 * How a stream source combines the values its record's event tree gives to {@code ackReturn}
 * ({@code StreamSourceOptions.ackReturnAgg}): any built-in combiner or custom aggregator. Callers
 * serialize calls to {@link #add} (values arrive from several task threads).
 */
public final class AckAggregator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ARG = "*ackReturn";

  private final AggSpec spec;

  private AckAggregator(AggSpec spec) {
    this.spec = spec;
  }

  /**
   * Builds the aggregator from a function such as {@code Agg::sum}.
   *
   * @param fn makes the aggregator given its input var
   * @return the aggregator
   * @throws IllegalArgumentException if fn returns no usable aggregator
   */
  public static AckAggregator of(DeimosFunction1<Object, Agg> fn) {
    Agg a = fn.invoke(ARG);
    if (!(a instanceof AggSpec)) {
      throw new IllegalArgumentException("ackReturnAgg: the function returned no aggregator: " + a);
    }
    AggSpec s = (AggSpec) a;
    if (s.args.length != 1) {
      throw new IllegalArgumentException(
          "ackReturnAgg: " + s.describe() + " takes " + s.args.length + " inputs; it needs one");
    }
    return new AckAggregator(s);
  }

  /**
   * Builds the aggregator from a custom combiner.
   *
   * @param c the combiner
   * @return the aggregator
   */
  public static AckAggregator of(DeimosCombinerAgg<?> c) {
    return new AckAggregator((AggSpec) AggSpec.combiner(c, ARG));
  }

  /**
   * Builds the aggregator from a custom one-argument accumulator.
   *
   * @param a the accumulator
   * @return the aggregator
   */
  public static AckAggregator of(DeimosAccumulatorAgg1<?, ?> a) {
    return new AckAggregator((AggSpec) AggSpec.accumulator(a, ARG));
  }

  /**
   * Returns the value aggregation starts from (the initial value of an accumulator or the zero
   * value of a custom combiner; null for built-ins, which then keep the first input as is).
   *
   * @return the start value
   */
  public Object start() {
    if (spec.kind == AggSpec.Kind.USER_ACCUMULATOR || spec.kind == AggSpec.Kind.USER_COMBINER) {
      return spec.zero();
    }
    return null;
  }

  /**
   * Folds one ack-return value into {@code curr}.
   *
   * @param curr the value so far (from {@link #start()} or a previous call)
   * @param value the new value
   * @return the new aggregate
   */
  public Object add(Object curr, Object value) {
    Object[] a = {value};
    if (spec.isCombiner()) {
      return spec.merge(curr, spec.lift(a), true);
    }
    return spec.accumulate(curr, a);
  }

  /**
   * Returns the value sent to the appender.
   *
   * @param v the aggregate
   * @return the final value
   */
  public Object finish(Object v) {
    return spec.finish(v);
  }
}
