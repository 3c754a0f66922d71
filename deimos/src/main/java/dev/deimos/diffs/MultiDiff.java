package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.List;
import java.util.Objects;

/**
 * Several diffs that happened one after the other. Top-level; expands to its diffs in order, so
 * processors rarely handle it directly.
 */
public class MultiDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final List<Diff> diffs;

  /**
   * Creates the diff.
   *
   * @param diffs the diffs in the order they happened
   */
  public MultiDiff(List<Diff> diffs) {
    this.diffs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(diffs));
  }

  /**
   * Returns the diffs in the order they happened.
   *
   * @return the diffs in the order they happened
   */
  public List<Diff> getDiffs() {
    return diffs;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    for (Diff d : diffs) {
      fn.invoke(d);
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processMultiDiff(this);
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
    MultiDiff o = (MultiDiff) other;
    return Objects.equals(diffs, o.diffs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), diffs);
  }

  @Override
  public String toString() {
    return "MultiDiff{" + "diffs=" + diffs + "}";
  }

  /** Implemented by processors that handle {@link MultiDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processMultiDiff(MultiDiff diff);
  }
}
