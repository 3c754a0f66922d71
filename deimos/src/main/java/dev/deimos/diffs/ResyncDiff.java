package dev.deimos.diffs;

/**
 * The value was read again from scratch: the first value of a proxy, and after a resync (a module
 * update, a lost or corrupted diff, a subscription the server dropped). Processors should rebuild
 * whatever they derived from the old value. Top-level.
 */
public class ResyncDiff extends Diff {
  private static final long serialVersionUID = 1L;

  /** Creates the diff. */
  public ResyncDiff() {}

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processResyncDiff(this);
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
    return "ResyncDiff";
  }

  /** Implemented by processors that handle {@link ResyncDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processResyncDiff(ResyncDiff diff);
  }
}
