package dev.deimos.impl.dataflow;

import dev.deimos.ops.LimitAgg;
import java.util.Arrays;

/** The one implementation of {@link LimitAgg}. */
public final class LimitSpec implements LimitAgg {
  final int amount;
  final String[] vars;
  final String[] sortVars;
  final boolean reverse;
  final String indexVar;

  private LimitSpec(
      int amount, String[] vars, String[] sortVars, boolean reverse, String indexVar) {
    this.amount = amount;
    this.vars = vars;
    this.sortVars = sortVars;
    this.reverse = reverse;
    this.indexVar = indexVar;
  }

  /**
   * Backs {@code LimitAgg.create}.
   *
   * @param amount the most tuples kept
   * @param vars the kept vars
   * @return the specification
   */
  public static LimitAgg create(int amount, String... vars) {
    if (amount < 0) {
      throw new IllegalArgumentException("LimitAgg amount must be >= 0, got " + amount);
    }
    if (vars.length == 0) {
      throw new IllegalArgumentException("LimitAgg needs at least one var");
    }
    return new LimitSpec(amount, vars.clone(), new String[0], false, null);
  }

  @Override
  public LimitAgg sort(String... sortVars) {
    return new LimitSpec(amount, vars, sortVars.clone(), reverse, indexVar);
  }

  @Override
  public LimitAgg reverse() {
    return new LimitSpec(amount, vars, sortVars, true, indexVar);
  }

  @Override
  public LimitAgg indexVar(String var) {
    return new LimitSpec(amount, vars, sortVars, reverse, var);
  }

  @Override
  public String toString() {
    return "LimitAgg("
        + amount
        + ", "
        + Arrays.toString(vars)
        + (sortVars.length > 0 ? ", sort " + Arrays.toString(sortVars) : "")
        + (reverse ? ", reverse" : "")
        + (indexVar != null ? ", index " + indexVar : "")
        + ")";
  }
}
