package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * An element was removed from a multi-set (a map from element to count). Top-level; expands to a
 * {@link SetRemoveDiff} when no occurrence is left, else to nothing.
 */
public class MultiSetRemoveDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object elem;
  private final int newCount;
  private final int oldCount;

  /**
   * Creates the diff.
   *
   * @param elem the removed element
   * @param newCount its count after the removal
   * @param oldCount its count before the removal
   */
  public MultiSetRemoveDiff(Object elem, int newCount, int oldCount) {
    this.elem = elem;
    this.newCount = newCount;
    this.oldCount = oldCount;
  }

  /**
   * Returns the removed element.
   *
   * @return the removed element
   */
  public Object getElem() {
    return elem;
  }

  /**
   * Returns its count after the removal.
   *
   * @return its count after the removal
   */
  public int getNewCount() {
    return newCount;
  }

  /**
   * Returns its count before the removal.
   *
   * @return its count before the removal
   */
  public int getOldCount() {
    return oldCount;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    if (newCount == 0) {
      fn.invoke(new SetRemoveDiff(elem));
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processMultiSetRemoveDiff(this);
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
    MultiSetRemoveDiff o = (MultiSetRemoveDiff) other;
    return Objects.equals(elem, o.elem) && newCount == o.newCount && oldCount == o.oldCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), elem, newCount, oldCount);
  }

  @Override
  public String toString() {
    return "MultiSetRemoveDiff{"
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

  /** Implemented by processors that handle {@link MultiSetRemoveDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processMultiSetRemoveDiff(MultiSetRemoveDiff diff);
  }
}
