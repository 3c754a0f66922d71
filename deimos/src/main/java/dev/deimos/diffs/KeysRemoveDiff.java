package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Objects;
import java.util.Set;

/** Several keys were removed. Top-level; expands to one {@link KeyRemoveDiff} per key. */
public class KeysRemoveDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Set<Object> keys;

  /**
   * Creates the diff.
   *
   * @param keys the removed keys
   */
  public KeysRemoveDiff(Set<Object> keys) {
    this.keys = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(keys));
  }

  /**
   * Returns the removed keys.
   *
   * @return the removed keys
   */
  public Set<Object> getKeys() {
    return keys;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    for (Object k : keys) {
      fn.invoke(new KeyRemoveDiff(k));
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processKeysRemoveDiff(this);
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
    KeysRemoveDiff o = (KeysRemoveDiff) other;
    return Objects.equals(keys, o.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), keys);
  }

  @Override
  public String toString() {
    return "KeysRemoveDiff{" + "keys=" + keys + "}";
  }

  /** Implemented by processors that handle {@link KeysRemoveDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processKeysRemoveDiff(KeysRemoveDiff diff);
  }
}
