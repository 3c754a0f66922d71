package dev.deimos.diffs;

import java.util.Objects;

/** One element was removed from a set. Top-level. */
public class SetRemoveDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object elem;

  /**
   * Creates the diff.
   *
   * @param elem the removed element
   */
  public SetRemoveDiff(Object elem) {
    this.elem = elem;
  }

  /**
   * Returns the removed element.
   *
   * @return the removed element
   */
  public Object getElem() {
    return elem;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSetRemoveDiff(this);
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
    SetRemoveDiff o = (SetRemoveDiff) other;
    return Objects.equals(elem, o.elem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), elem);
  }

  @Override
  public String toString() {
    return "SetRemoveDiff{" + "elem=" + elem + "}";
  }

  /** Implemented by processors that handle {@link SetRemoveDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSetRemoveDiff(SetRemoveDiff diff);
  }
}
