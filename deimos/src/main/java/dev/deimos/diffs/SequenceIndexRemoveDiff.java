package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * One or more consecutive elements were removed from a sequence. Top-level; expands to a {@link
 * SequenceChangeDiff} from the first removed index.
 */
public class SequenceIndexRemoveDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final int amt;
  private final int oldSize;

  /**
   * Creates the diff.
   *
   * @param index the index of the first removed element
   * @param amt how many elements were removed
   * @param oldSize the size before the removal
   */
  public SequenceIndexRemoveDiff(int index, int amt, int oldSize) {
    this.index = index;
    this.amt = amt;
    this.oldSize = oldSize;
  }

  /**
   * Returns the index of the first removed element.
   *
   * @return the index of the first removed element
   */
  public int getIndex() {
    return index;
  }

  /**
   * Returns how many elements were removed.
   *
   * @return how many elements were removed
   */
  public int getAmt() {
    return amt;
  }

  /**
   * Returns the size before the removal.
   *
   * @return the size before the removal
   */
  public int getOldSize() {
    return oldSize;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    fn.invoke(new SequenceChangeDiff(index, oldSize - amt, oldSize));
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceIndexRemoveDiff(this);
  }

  @Override
  protected boolean canProcess(Diff.Processor processor) {
    return processor instanceof Processor;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || other.getClass() != getClass()) {
      return false;
    }
    SequenceIndexRemoveDiff o = (SequenceIndexRemoveDiff) other;
    return index == o.index && amt == o.amt && oldSize == o.oldSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), index, amt, oldSize);
  }

  @Override
  public String toString() {
    return "SequenceIndexRemoveDiff{"
        + "index="
        + index
        + ", "
        + "amt="
        + amt
        + ", "
        + "oldSize="
        + oldSize
        + "}";
  }

  /** Implemented by processors that handle {@link SequenceIndexRemoveDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceIndexRemoveDiff(SequenceIndexRemoveDiff diff);
  }
}
