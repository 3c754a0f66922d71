package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.DeimosSerializable;
import dev.deimos.Path;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.ops.Ops;

/**
 * Generates ids unique within one task (not across tasks): a per-task counter kept in a private
 * PState. Use it when the id is always stored next to something that already identifies the task,
 * for example as a sort key under a partitioned PState key. For ids unique across the module use
 * {@link ModuleUniqueIdPState}.
 *
 * <p>By default ids are {@code Long}s counting up from 0; {@link #integerIds()} switches to {@code
 * Integer}s and {@link #descending()} counts down from the type's largest value.
 */
public class TaskUniqueIdPState implements DeimosSerializable {
  private static final long serialVersionUID = 1L;

  private final String pstateVar;
  private boolean descending;
  private boolean integerIds;

  /**
   * Creates the helper; nothing is declared until {@link #declarePState} is called.
   *
   * @param pstateVar the var of the counter PState, starting with {@code $$}
   * @throws IllegalArgumentException if {@code pstateVar} does not start with {@code $$}
   */
  public TaskUniqueIdPState(String pstateVar) {
    this.pstateVar = checkPStateVar(pstateVar, "TaskUniqueIdPState");
  }

  /**
   * Counts down from {@code Long.MAX_VALUE} (or {@code Integer.MAX_VALUE}) instead of up from 0.
   *
   * @return this helper
   */
  public TaskUniqueIdPState descending() {
    this.descending = true;
    return this;
  }

  /**
   * Generates {@code Integer} ids instead of {@code Long} ids.
   *
   * @return this helper
   */
  public TaskUniqueIdPState integerIds() {
    this.integerIds = true;
    return this;
  }

  /**
   * Declares the private counter PState in {@code topology}.
   *
   * @param topology a stream or microbatch topology
   */
  public void declarePState(ETLTopologyBase<?> topology) {
    Object init;
    if (integerIds) {
      init = descending ? Integer.MAX_VALUE : 0;
    } else {
      init = descending ? Long.MAX_VALUE : 0L;
    }
    topology
        .pstate(pstateVar, integerIds ? Integer.class : Long.class)
        .initialValue(init)
        .makePrivate();
  }

  /**
   * A block that binds {@code outVar} to the current task's counter and then advances it. Splice it
   * into topology code with {@code macro}.
   *
   * @param outVar the var receiving the id
   * @return the block
   */
  public Block genId(String outVar) {
    Path advance =
        integerIds
            ? Path.term(Ops.PLUS, descending ? -1 : 1)
            : Path.term(Ops.PLUS_LONG, descending ? -1L : 1L);
    return Block.localSelect(pstateVar, Path.stay()).out(outVar).localTransform(pstateVar, advance);
  }

  static String checkPStateVar(String pstateVar, String helper) {
    if (pstateVar == null || !pstateVar.startsWith("$$")) {
      throw new IllegalArgumentException(
          helper + ": PState var must start with $$, got " + pstateVar);
    }
    return pstateVar;
  }
}
