package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Map;
import java.util.Objects;

/**
 * Values under several keys changed, each with its own diff. Top-level; expands to one {@link
 * KeyDiff} per key.
 */
public class KeysDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Map<Object, Diff> keyToDiff;

  /**
   * Creates the diff.
   *
   * @param keyToDiff each changed key with the diff of its value
   */
  public KeysDiff(Map<Object, Diff> keyToDiff) {
    this.keyToDiff =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keyToDiff));
  }

  /**
   * Returns each changed key with the diff of its value.
   *
   * @return each changed key with the diff of its value
   */
  public Map<Object, Diff> getKeyToDiff() {
    return keyToDiff;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    for (Map.Entry<Object, Diff> e : keyToDiff.entrySet()) {
      fn.invoke(new KeyDiff(e.getKey(), e.getValue()));
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processKeysDiff(this);
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
    KeysDiff o = (KeysDiff) other;
    return Objects.equals(keyToDiff, o.keyToDiff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), keyToDiff);
  }

  @Override
  public String toString() {
    return "KeysDiff{" + "keyToDiff=" + keyToDiff + "}";
  }

  /** Implemented by processors that handle {@link KeysDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processKeysDiff(KeysDiff diff);
  }
}
