package dev.deimos;

import java.util.Arrays;
import java.util.Objects;

/**
 * A nested batch computation used as a source of an enclosing batch block through {@code
 * Block.subBatch(SubBatch)}. The block has its own pre-aggregation, aggregation and
 * post-aggregation phases; every time its post-aggregation phase reaches its end, the values of
 * {@code outVars} are emitted to the enclosing block, which binds them with {@code out}.
 *
 * <p>Instances are immutable; they can be built by ordinary Java code and composed freely.
 */
public final class SubBatch {
  private final Block block;
  private final String[] outVars;

  /**
   * Creates a sub-batch.
   *
   * @param block the nested batch computation; it must aggregate
   * @param outVars vars bound at the end of its post-aggregation phase, emitted in this order
   */
  public SubBatch(Block block, String... outVars) {
    this.block = Objects.requireNonNull(block, "block");
    this.outVars = outVars.clone();
  }

  /**
   * Returns the nested block.
   *
   * @return the block
   */
  public Block getBlock() {
    return block;
  }

  /**
   * Returns the emitted vars.
   *
   * @return a copy of the var names
   */
  public String[] getOutVars() {
    return outVars.clone();
  }

  @Override
  public String toString() {
    return "SubBatch" + Arrays.toString(outVars);
  }
}
