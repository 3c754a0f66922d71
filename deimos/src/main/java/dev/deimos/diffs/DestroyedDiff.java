package dev.deimos.diffs;

/** The proxy was closed; no diff follows. Top-level. */
public class DestroyedDiff extends Diff {
  private static final long serialVersionUID = 1L;

  /** Creates the diff. */
  public DestroyedDiff() {}

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processDestroyedDiff(this);
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
    return "DestroyedDiff";
  }

  /** Implemented by processors that handle {@link DestroyedDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processDestroyedDiff(DestroyedDiff diff);
  }
}
