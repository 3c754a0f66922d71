package dev.deimos.diffs;

/**
 * The value changed in a way the diff does not carry; compare the old and new values. Only part of
 * the expansion of other diffs.
 */
public class UnknownDiff extends Diff {
  private static final long serialVersionUID = 1L;

  /** Creates the diff. */
  public UnknownDiff() {}

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processUnknownDiff(this);
  }

  @Override
  protected boolean canProcess(Diff.Processor processor) {
    return processor instanceof Processor;
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return "UnknownDiff";
  }

  /** Implemented by processors that handle {@link UnknownDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processUnknownDiff(UnknownDiff diff);
  }
}
