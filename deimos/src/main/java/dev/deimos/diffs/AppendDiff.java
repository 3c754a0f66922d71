package dev.deimos.diffs;

import java.util.Objects;

/**
 * An element whose value the diff does not carry was appended to a sequence. Only part of the
 * expansion of other diffs.
 */
public class AppendDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * Creates the diff.
   *
   * @param index the index of the appended element, which is the size before the append
   */
  public AppendDiff(int index) {
    this.index = index;
  }

  /**
   * Returns the index of the appended element, which is the size before the append.
   *
   * @return the index of the appended element, which is the size before the append
   */
  public int getIndex() {
    return index;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processAppendDiff(this);
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
    AppendDiff o = (AppendDiff) other;
    return index == o.index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), index);
  }

  @Override
  public String toString() {
    return "AppendDiff{" + "index=" + index + "}";
  }

  /** Implemented by processors that handle {@link AppendDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processAppendDiff(AppendDiff diff);
  }
}
