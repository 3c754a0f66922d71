package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.List;
import java.util.Objects;

/**
 * Several elements were inserted at one index of a sequence. Top-level; expands to a {@link
 * SequenceChangeDiff} from the insertion index.
 */
public class SequenceInsertsDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int beforeIndex;
  private final List<Object> elems;
  private final int oldSize;

  /**
   * Creates the diff.
   *
   * @param beforeIndex the index the first inserted element now has
   * @param elems the inserted elements, in order
   * @param oldSize the size before the insert
   */
  public SequenceInsertsDiff(int beforeIndex, List<Object> elems, int oldSize) {
    this.beforeIndex = beforeIndex;
    this.elems = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(elems));
    this.oldSize = oldSize;
  }

  /**
   * Returns the index the first inserted element now has.
   *
   * @return the index the first inserted element now has
   */
  public int getBeforeIndex() {
    return beforeIndex;
  }

  /**
   * Returns the inserted elements, in order.
   *
   * @return the inserted elements, in order
   */
  public List<Object> getElems() {
    return elems;
  }

  /**
   * Returns the size before the insert.
   *
   * @return the size before the insert
   */
  public int getOldSize() {
    return oldSize;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    fn.invoke(new SequenceChangeDiff(beforeIndex, oldSize + elems.size(), oldSize));
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceInsertsDiff(this);
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
    SequenceInsertsDiff o = (SequenceInsertsDiff) other;
    return beforeIndex == o.beforeIndex && Objects.equals(elems, o.elems) && oldSize == o.oldSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), beforeIndex, elems, oldSize);
  }

  @Override
  public String toString() {
    return "SequenceInsertsDiff{"
        + "beforeIndex="
        + beforeIndex
        + ", "
        + "elems="
        + elems
        + ", "
        + "oldSize="
        + oldSize
        + "}";
  }

  /** Implemented by processors that handle {@link SequenceInsertsDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceInsertsDiff(SequenceInsertsDiff diff);
  }
}
