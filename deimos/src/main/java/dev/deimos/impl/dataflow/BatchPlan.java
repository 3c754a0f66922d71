package dev.deimos.impl.dataflow;

/**
 * Compiled data of the aggregation and batch nodes. Each object rides in the last element of its
 * {@link Step}'s args (an {@link Arg} that is never evaluated), so the shared {@code Step} class
 * needs no fields for them.
 *
 * <p>A batch block compiles into three explicit phases: {@link #pre} (ordinary steps ending at a
 * sink step that feeds the aggregators), {@link #agg} (the aggregators, grouped and possibly
 * limited) and {@link #post} (run once per group / kept tuple / captured location once the
 * aggregators have seen every input).
 */
final class BatchPlan extends Arg {
  /** Head of the pre-aggregation steps; their tail is the sink step. */
  Step pre;

  /** Hidden slot holding the run's {@link BatchRunner.BatchState}. */
  int stateSlot;

  /** The aggregation phase, or null when the block does not aggregate. */
  AggPhase agg;

  /** Head of the post-aggregation steps (null if none). */
  Step post;

  @Override
  Object eval(Object[] slots) {
    throw new IllegalStateException("compiled batch data is not a value");
  }

  /**
   * The aggregators of one batch block (or of one subBatch).
   *
   * <p>Two-phase contract for a distributed runtime, when {@link #twoPhase} is set: each task runs
   * the pre-aggregation phase into its own partial buffer ({@code AggTemplate.State#add} per input,
   * one state per group key and aggregator, {@code LimitPlan} rows cut to {@code amount}); the
   * partial states are then sent to the task owning the group and merged there with {@code
   * AggTemplate.State#mergeFrom} (the final phase), after which post-aggregation runs. Without
   * {@link #twoPhase} (some accumulator is present) raw inputs must reach one buffer in order.
   * {@code Block.execute()} runs both phases in the calling thread with one partial buffer.
   */
  static final class AggPhase {
    AggNode[] aggs = new AggNode[0];

    /** groupBy keys, or null without groupBy. */
    Arg[] groupKeys;

    int[] groupKeySlots;

    LimitPlan limit;

    /**
     * True when every aggregator is a combiner: inputs are first aggregated into a partial buffer
     * per task, and only partials are merged in the final phase. Locally there is one buffer.
     */
    boolean twoPhase;

    boolean captures() {
      for (AggNode a : aggs) {
        if (a.template.captures()) {
          return true;
        }
      }
      return false;
    }
  }

  /** One agg/compoundAgg: bound to an out var or aggregated into a PState var. */
  static final class AggNode {
    final AggTemplate template;
    final int outSlot;
    final Arg target;
    final String at;

    AggNode(AggTemplate template, int outSlot, Arg target, String at) {
      this.template = template;
      this.outSlot = outSlot;
      this.target = target;
      this.at = at;
    }
  }

  /** A compiled limitAgg: values of the kept vars followed by values of the sort vars. */
  static final class LimitPlan {
    final int amount;
    final Arg[] vals;
    final int[] valSlots;
    final int sortCount;
    final boolean reverse;
    final int indexSlot;

    LimitPlan(int amount, Arg[] vals, int[] valSlots, int sortCount, boolean reverse, int idx) {
      this.amount = amount;
      this.vals = vals;
      this.valSlots = valSlots;
      this.sortCount = sortCount;
      this.reverse = reverse;
      this.indexSlot = idx;
    }
  }

  /** An agg/compoundAgg into a PState outside a batch block: applied per input. */
  static final class StreamAgg extends Arg {
    final AggTemplate template;

    StreamAgg(AggTemplate template) {
      this.template = template;
    }

    @Override
    Object eval(Object[] slots) {
      throw new IllegalStateException("compiled aggregation data is not a value");
    }
  }

  /** A subBatch: its batch plan and where its post-aggregation outputs go. */
  static final class SubBatchPlan extends Arg {
    final BatchPlan batch;
    final int[] fromSlots;
    final int[] toSlots;

    /** The subBatch step itself; emits continue at its successor. */
    Step owner;

    SubBatchPlan(BatchPlan batch, int[] fromSlots, int[] toSlots) {
      this.batch = batch;
      this.fromSlots = fromSlots;
      this.toSlots = toSlots;
    }

    @Override
    Object eval(Object[] slots) {
      throw new IllegalStateException("compiled subBatch data is not a value");
    }
  }
}
