package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;

/**
 * A key was renamed: the value under {@link #getFromKey()} now sits under {@link #getToKey()}.
 * Top-level; expands to a {@link KeyRemoveDiff} of the old key and a {@link KeyDiff} of the new key
 * whose value diff is unknown.
 */
public class KeyChangeDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object fromKey;
  private final Object toKey;

  /**
   * Creates the diff.
   *
   * @param fromKey the key before the change
   * @param toKey the key after the change
   */
  public KeyChangeDiff(Object fromKey, Object toKey) {
    this.fromKey = fromKey;
    this.toKey = toKey;
  }

  /**
   * Returns the key before the change.
   *
   * @return the key before the change
   */
  public Object getFromKey() {
    return fromKey;
  }

  /**
   * Returns the key after the change.
   *
   * @return the key after the change
   */
  public Object getToKey() {
    return toKey;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    fn.invoke(new KeyRemoveDiff(fromKey));
    fn.invoke(new KeyDiff(toKey, new UnknownDiff()));
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processKeyChangeDiff(this);
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
    KeyChangeDiff o = (KeyChangeDiff) other;
    return Objects.equals(fromKey, o.fromKey) && Objects.equals(toKey, o.toKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), fromKey, toKey);
  }

  @Override
  public String toString() {
    return "KeyChangeDiff{" + "fromKey=" + fromKey + ", " + "toKey=" + toKey + "}";
  }

  /** Implemented by processors that handle {@link KeyChangeDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processKeyChangeDiff(KeyChangeDiff diff);
  }
}
