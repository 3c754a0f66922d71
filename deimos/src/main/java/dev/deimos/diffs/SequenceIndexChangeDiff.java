package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * The element at one index of a sequence changed; {@link #getValDiff()} says how. Top-level;
 * expands to a {@link KeyDiff} keyed by the index.
 */
public class SequenceIndexChangeDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final Diff valDiff;

  /**
   * Creates the diff.
   *
   * @param index the index of the changed element
   * @param valDiff how the element changed
   */
  public SequenceIndexChangeDiff(int index, Diff valDiff) {
    this.index = index;
    this.valDiff = valDiff;
  }

  /**
   * Returns the index of the changed element.
   *
   * @return the index of the changed element
   */
  public int getIndex() {
    return index;
  }

  /**
   * Returns how the element changed.
   *
   * @return how the element changed
   */
  public Diff getValDiff() {
    return valDiff;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    fn.invoke(new KeyDiff(index, valDiff));
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceIndexChangeDiff(this);
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
    SequenceIndexChangeDiff o = (SequenceIndexChangeDiff) other;
    return index == o.index && Objects.equals(valDiff, o.valDiff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), index, valDiff);
  }

  @Override
  public String toString() {
    return "SequenceIndexChangeDiff{" + "index=" + index + ", " + "valDiff=" + valDiff + "}";
  }

  /** Implemented by processors that handle {@link SequenceIndexChangeDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceIndexChangeDiff(SequenceIndexChangeDiff diff);
  }
}
