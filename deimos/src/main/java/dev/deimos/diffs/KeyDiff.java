package dev.deimos.diffs;

import java.util.Objects;

/** A value under one key changed; {@link #getValDiff()} says how. Top-level. */
public class KeyDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Object key;
  private final Diff valDiff;

  /**
   * Creates the diff.
   *
   * @param key the key whose value changed
   * @param valDiff how the value changed
   */
  public KeyDiff(Object key, Diff valDiff) {
    this.key = key;
    this.valDiff = valDiff;
  }

  /**
   * Returns the key whose value changed.
   *
   * @return the key whose value changed
   */
  public Object getKey() {
    return key;
  }

  /**
   * Returns how the value changed.
   *
   * @return how the value changed
   */
  public Diff getValDiff() {
    return valDiff;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processKeyDiff(this);
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
    KeyDiff o = (KeyDiff) other;
    return Objects.equals(key, o.key) && Objects.equals(valDiff, o.valDiff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), key, valDiff);
  }

  @Override
  public String toString() {
    return "KeyDiff{" + "key=" + key + ", " + "valDiff=" + valDiff + "}";
  }

  /** Implemented by processors that handle {@link KeyDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processKeyDiff(KeyDiff diff);
  }
}
