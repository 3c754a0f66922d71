package dev.deimos.diffs;

import java.util.Objects;

/** One element was added to a set. Top-level. */
public class SetAddDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object elem;

  /**
   * Creates the diff.
   *
   * @param elem the added element
   */
  public SetAddDiff(Object elem) {
    this.elem = elem;
  }

  /**
   * Returns the added element.
   *
   * @return the added element
   */
  public Object getElem() {
    return elem;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSetAddDiff(this);
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
    SetAddDiff o = (SetAddDiff) other;
    return Objects.equals(elem, o.elem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), elem);
  }

  @Override
  public String toString() {
    return "SetAddDiff{" + "elem=" + elem + "}";
  }

  /** Implemented by processors that handle {@link SetAddDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSetAddDiff(SetAddDiff diff);
  }
}
