package dev.deimos.diffs;

import java.util.Objects;

/** One key was removed. Top-level. */
public class KeyRemoveDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object key;

  /**
   * Creates the diff.
   *
   * @param key the removed key
   */
  public KeyRemoveDiff(Object key) {
    this.key = key;
  }

  /**
   * Returns the removed key.
   *
   * @return the removed key
   */
  public Object getKey() {
    return key;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processKeyRemoveDiff(this);
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
    KeyRemoveDiff o = (KeyRemoveDiff) other;
    return Objects.equals(key, o.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), key);
  }

  @Override
  public String toString() {
    return "KeyRemoveDiff{" + "key=" + key + "}";
  }

  /** Implemented by processors that handle {@link KeyRemoveDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processKeyRemoveDiff(KeyRemoveDiff diff);
  }
}
