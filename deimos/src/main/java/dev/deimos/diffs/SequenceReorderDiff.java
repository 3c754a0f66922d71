package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * One element of a sequence moved to another index, shifting the elements between. Top-level;
 * expands to a {@link SequenceChangeDiff} from the lower of the two indexes.
 */
public class SequenceReorderDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int fromIndex;
  private final int toIndex;
  private final int sequenceSize;

  /**
   * Creates the diff.
   *
   * @param fromIndex the index of the element before the move
   * @param toIndex the index of the element after the move
   * @param sequenceSize the size of the sequence
   */
  public SequenceReorderDiff(int fromIndex, int toIndex, int sequenceSize) {
    this.fromIndex = fromIndex;
    this.toIndex = toIndex;
    this.sequenceSize = sequenceSize;
  }

  /**
   * Returns the index of the element before the move.
   *
   * @return the index of the element before the move
   */
  public int getFromIndex() {
    return fromIndex;
  }

  /**
   * Returns the index of the element after the move.
   *
   * @return the index of the element after the move
   */
  public int getToIndex() {
    return toIndex;
  }

  /**
   * Returns the size of the sequence.
   *
   * @return the size of the sequence
   */
  public int getSequenceSize() {
    return sequenceSize;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    fn.invoke(new SequenceChangeDiff(Math.min(fromIndex, toIndex), sequenceSize, sequenceSize));
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceReorderDiff(this);
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
    SequenceReorderDiff o = (SequenceReorderDiff) other;
    return fromIndex == o.fromIndex && toIndex == o.toIndex && sequenceSize == o.sequenceSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), fromIndex, toIndex, sequenceSize);
  }

  @Override
  public String toString() {
    return "SequenceReorderDiff{"
        + "fromIndex="
        + fromIndex
        + ", "
        + "toIndex="
        + toIndex
        + ", "
        + "sequenceSize="
        + sequenceSize
        + "}";
  }

  /** Implemented by processors that handle {@link SequenceReorderDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceReorderDiff(SequenceReorderDiff diff);
  }
}
