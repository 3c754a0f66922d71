package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * One element was inserted into a sequence. Top-level; expands to a {@link SequenceChangeDiff} from
 * the insertion index.
 */
public class SequenceInsertDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int beforeIndex;
  private final Object elem;
  private final int oldSize;

  /**
   * Creates the diff.
   *
   * @param beforeIndex the index the element now has
   * @param elem the inserted element
   * @param oldSize the size before the insert
   */
  public SequenceInsertDiff(int beforeIndex, Object elem, int oldSize) {
    this.beforeIndex = beforeIndex;
    this.elem = elem;
    this.oldSize = oldSize;
  }

  /**
   * Returns the index the element now has.
   *
   * @return the index the element now has
   */
  public int getBeforeIndex() {
    return beforeIndex;
  }

  /**
   * Returns the inserted element.
   *
   * @return the inserted element
   */
  public Object getElem() {
    return elem;
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
    fn.invoke(new SequenceChangeDiff(beforeIndex, oldSize + 1, oldSize));
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceInsertDiff(this);
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
    SequenceInsertDiff o = (SequenceInsertDiff) other;
    return beforeIndex == o.beforeIndex && Objects.equals(elem, o.elem) && oldSize == o.oldSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), beforeIndex, elem, oldSize);
  }

  @Override
  public String toString() {
    return "SequenceInsertDiff{"
        + "beforeIndex="
        + beforeIndex
        + ", "
        + "elem="
        + elem
        + ", "
        + "oldSize="
        + oldSize
        + "}";
  }

  /** Implemented by processors that handle {@link SequenceInsertDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceInsertDiff(SequenceInsertDiff diff);
  }
}
