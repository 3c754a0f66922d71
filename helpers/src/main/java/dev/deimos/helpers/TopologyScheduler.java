package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.Expr;
import dev.deimos.Helpers;
import dev.deimos.LoopVars;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SortedRangeToOptions;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schedules items for processing at a later time by the same topology, durably: scheduled items
 * live in a PState, so they survive restarts and are processed even if the topology was down when
 * they fell due.
 *
 * <p>Usage: create one instance, call {@link #declarePStates} on the topology that both schedules
 * and processes, splice {@link #scheduleItem} where items are scheduled and {@link
 * #handleExpirations} where due items should be processed, typically after a tick depot source. An
 * item is processed on the task that scheduled it.
 *
 * <pre>
 *   scheduleItem(time, item)      handleExpirations(*item, *now, handleCode)
 *          |                               |  now = TopologyUtils.currentTimeMillis()
 *          v                               v  on every task: items with time &lt;= now, oldest first
 *   $$prefixExpirations: [time, uuid] -&gt; item   ---&gt; handleCode with *item and *now bound
 * </pre>
 *
 * <p>The PState {@code prefix + "Expirations"} maps {@code [time, uuid]} to the item, where {@code
 * time} is the timestamp as a zero-padded 19-digit decimal string, so due items sort by time. Times
 * are milliseconds as read by {@link TopologyUtils#currentTimeMillis()} (so sim time drives the
 * scheduler in tests) and must not be negative.
 *
 * <p>In a stream topology each item is removed after its handle code finished (back on the task
 * that scheduled it), so an item is processed at least once; code attached after the handle code
 * runs once per item. In a microbatch topology the due items of a task are removed in the same
 * microbatch that processes them, so each is processed exactly once; code attached after the {@code
 * handleExpirations} block runs once per task per microbatch, after the removal.
 */
public class TopologyScheduler {
  /* Sorts after every UUID string, so a range up to [now, MAX_UUID] includes every item at now. */
  private static final String MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";

  private final String pstateVar;
  private ETLTopologyBase<?> owner;
  private int maxFetchAmt = 1000;

  /**
   * A scheduler whose PState is named {@code pstatePrefix + "Expirations"}.
   *
   * @param pstatePrefix prefix starting with {@code $$}
   * @throws IllegalArgumentException if the prefix does not start with {@code $$}
   */
  public TopologyScheduler(String pstatePrefix) {
    if (pstatePrefix == null || !pstatePrefix.startsWith("$$")) {
      throw new IllegalArgumentException(
          "TopologyScheduler PState prefix must start with $$, got " + pstatePrefix);
    }
    this.pstateVar = pstatePrefix + "Expirations";
  }

  /**
   * Sets how many due items one {@link #handleExpirations} run processes per task at most (default
   * 1000); the rest wait for the next run.
   *
   * @param amt items per run, at least 1
   * @return this
   */
  public TopologyScheduler maxFetchAmt(int amt) {
    if (amt < 1) {
      throw new IllegalArgumentException("maxFetchAmt must be at least 1, got " + amt);
    }
    this.maxFetchAmt = amt;
    return this;
  }

  /**
   * Declares the scheduler's PState on {@code topology}, which must be the topology that calls
   * {@link #scheduleItem} and {@link #handleExpirations}.
   *
   * @param topology a stream or microbatch topology
   * @throws IllegalStateException if called a second time
   */
  public void declarePStates(ETLTopologyBase<?> topology) {
    if (owner != null) {
      throw new IllegalStateException(
          "TopologyScheduler " + pstateVar + ": declarePStates may be called only once");
    }
    owner = topology;
    topology.pstate(pstateVar, PState.mapSchema(List.class, Object.class));
  }

  static String timeKey(Number millis) {
    long t = millis.longValue();
    if (t < 0) {
      throw new IllegalArgumentException(
          "TopologyScheduler: a scheduled time must not be negative, got " + t);
    }
    return String.format(java.util.Locale.ROOT, "%019d", t);
  }

  static List<Object> slot(Number millis) {
    return Arrays.asList(timeKey(millis), UUID.randomUUID().toString());
  }

  static List<Object> dueBound(Long now) {
    return Arrays.asList(timeKey(now), MAX_UUID);
  }

  static List<Object> entries(Map<?, ?> due) {
    List<Object> out = new ArrayList<>(due.size());
    for (Map.Entry<?, ?> e : due.entrySet()) {
      out.add(Arrays.asList(e.getKey(), e.getValue()));
    }
    return out;
  }

  /**
   * A block scheduling {@code item} for processing once the clock reaches {@code timestampMillis}.
   *
   * @param timestampMillis the due time in milliseconds, a non-negative number: var, value or Expr
   * @param item the item handed to the handle code: var, value or Expr
   * @return the block
   */
  public Block.Impl scheduleItem(Object timestampMillis, Object item) {
    String slotVar = Helpers.genVar("scheduledSlot");
    return Block.each(TopologyScheduler::slot, timestampMillis)
        .out(slotVar)
        .localTransform(pstateVar, Path.key(slotVar).termVal(item));
  }

  /**
   * A block processing the items that are due: it reads the clock into {@code currentTimeVar}, goes
   * to every task, and runs {@code handleCode} once per due item of that task, oldest first, with
   * {@code itemVar} bound to the item. Between items it yields if the task has been busy too long.
   *
   * @param itemVar var bound to each due item inside {@code handleCode}
   * @param currentTimeVar var bound to the clock reading used to pick due items
   * @param handleCode the processing code; it may partition elsewhere
   * @return the block
   * @throws IllegalStateException if {@link #declarePStates} was not called, or was called with a
   *     topology that is neither a stream nor a microbatch topology
   */
  public Block.Impl handleExpirations(
      String itemVar, String currentTimeVar, Block.Impl handleCode) {
    if (owner == null) {
      throw new IllegalStateException(
          "TopologyScheduler " + pstateVar + ": call declarePStates before handleExpirations");
    }
    String bound = Helpers.genVar("dueBound");
    String due = Helpers.genVar("due");
    String list = Helpers.genVar("dueList");
    String index = Helpers.genVar("dueIndex");
    String entry = Helpers.genVar("dueEntry");
    String isItem = Helpers.genVar("dueIsItem");
    String key = Helpers.genVar("dueKey");
    SortedRangeToOptions upToNow = SortedRangeToOptions.includeEnd().maxAmt(maxFetchAmt);
    // The loop emits (true, key, item) per due item, then (false, null, null) once at the end,
    // which the microbatch form uses to remove the processed range in the same microbatch.
    Block.Impl emitDue =
        Block.each(TopologyUtils::currentTimeMillis)
            .out(currentTimeVar)
            .allPartition()
            .each(TopologyScheduler::dueBound, currentTimeVar)
            .out(bound)
            .localSelect(pstateVar, Path.sortedMapRangeTo(bound, upToNow))
            .out(due)
            .each(TopologyScheduler::entries, due)
            .out(list)
            .loopWithVars(
                LoopVars.var(index, 0),
                Block.yieldIfOvertime()
                    .ifTrue(
                        new Expr(Ops.LESS_THAN, index, new Expr(Ops.SIZE, list)),
                        Block.each(Ops.GET, list, index)
                            .out(entry)
                            .each(Ops.EXPAND, entry)
                            .out(key, itemVar)
                            .emitLoop(true, key, itemVar)
                            .continueLoop(new Expr(Ops.INC, index)),
                        Block.emitLoop(false, null, null)))
            .out(isItem, key, itemVar);
    if (owner instanceof MicrobatchTopology) {
      String done = Helpers.genVar("dueDone").substring(1);
      return emitDue
          .ifTrue(
              isItem,
              Block.macro(handleCode),
              Block.localTransform(pstateVar, Path.sortedMapRangeTo(bound, upToNow).termVal(null))
                  .anchor(done))
          .hook(done);
    }
    if (owner instanceof StreamTopology) {
      String origin = Helpers.genVar("dueOrigin");
      // keepTrue, not ifTrue: the end-of-items signal must not reach the code after this block,
      // which runs once per processed item.
      return emitDue
          .keepTrue(isItem)
          .each(Ops.CURRENT_TASK_ID)
          .out(origin)
          .macro(handleCode)
          .directPartition(origin)
          .localTransform(pstateVar, Path.key(key).termVoid());
    }
    throw new IllegalStateException(
        "TopologyScheduler " + pstateVar + ": unsupported topology type " + owner.getClass());
  }
}
