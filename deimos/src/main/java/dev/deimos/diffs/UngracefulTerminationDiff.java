package dev.deimos.diffs;

/** The proxy was terminated because its callback failed too often; no diff follows. Top-level. */
public class UngracefulTerminationDiff extends Diff {
  private static final long serialVersionUID = 1L;

  /** Creates the diff. */
  public UngracefulTerminationDiff() {}

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processUngracefulTerminationDiff(this);
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
    return "UngracefulTerminationDiff";
  }

  /** Implemented by processors that handle {@link UngracefulTerminationDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processUngracefulTerminationDiff(UngracefulTerminationDiff diff);
  }
}
