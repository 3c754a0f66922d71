package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * An element was added to a multi-set (a map from element to count). Top-level; expands to a {@link
 * SetAddDiff} when the element was absent before, else to nothing.
 */
public class MultiSetAddDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object elem;
  private final int newCount;
  private final int oldCount;

  /**
   * Creates the diff.
   *
   * @param elem the added element
   * @param newCount its count after the add
   * @param oldCount its count before the add
   */
  public MultiSetAddDiff(Object elem, int newCount, int oldCount) {
    this.elem = elem;
    this.newCount = newCount;
    this.oldCount = oldCount;
  }

  /**
   * Returns the added element.
   *
   * @return the added element
   */
  public Object getElem() {
    return elem;
  }

  /**
   * Returns its count after the add.
   *
   * @return its count after the add
   */
  public int getNewCount() {
    return newCount;
  }

  /**
   * Returns its count before the add.
   *
   * @return its count before the add
   */
  public int getOldCount() {
    return oldCount;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    if (oldCount == 0) {
      fn.invoke(new SetAddDiff(elem));
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processMultiSetAddDiff(this);
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
    MultiSetAddDiff o = (MultiSetAddDiff) other;
    return Objects.equals(elem, o.elem) && newCount == o.newCount && oldCount == o.oldCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), elem, newCount, oldCount);
  }

  @Override
  public String toString() {
    return "MultiSetAddDiff{"
        + "elem="
        + elem
        + ", "
        + "newCount="
        + newCount
        + ", "
        + "oldCount="
        + oldCount
        + "}";
  }

  /** Implemented by processors that handle {@link MultiSetAddDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processMultiSetAddDiff(MultiSetAddDiff diff);
  }
}
