package dev.deimos.diffs;

import java.util.Objects;

/** The whole value was replaced. Top-level. */
public class NewValueDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object val;

  /**
   * Creates the diff.
   *
   * @param val the new value
   */
  public NewValueDiff(Object val) {
    this.val = val;
  }

  /**
   * Returns the new value.
   *
   * @return the new value
   */
  public Object getVal() {
    return val;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processNewValueDiff(this);
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
    NewValueDiff o = (NewValueDiff) other;
    return Objects.equals(val, o.val);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), val);
  }

  @Override
  public String toString() {
    return "NewValueDiff{" + "val=" + val + "}";
  }

  /** Implemented by processors that handle {@link NewValueDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processNewValueDiff(NewValueDiff diff);
  }
}
