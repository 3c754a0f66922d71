package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every index of a sequence from {@link #getFromIndex()} on may have changed, in ways the diff does
 * not carry. Only part of the expansion of other diffs; expands to a {@link KeysDiff} of unknown
 * diffs for the indexes kept, a {@link KeysRemoveDiff} for indexes past the new size and one {@link
 * AppendDiff} per index past the old size.
 */
public class SequenceChangeDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final int fromIndex;
  private final int newSize;
  private final int oldSize;

  /**
   * Creates the diff.
   *
   * @param fromIndex the first index that may have changed
   * @param newSize the size after the change
   * @param oldSize the size before the change
   */
  public SequenceChangeDiff(int fromIndex, int newSize, int oldSize) {
    this.fromIndex = fromIndex;
    this.newSize = newSize;
    this.oldSize = oldSize;
  }

  /**
   * Returns the first index that may have changed.
   *
   * @return the first index that may have changed
   */
  public int getFromIndex() {
    return fromIndex;
  }

  /**
   * Returns the size after the change.
   *
   * @return the size after the change
   */
  public int getNewSize() {
    return newSize;
  }

  /**
   * Returns the size before the change.
   *
   * @return the size before the change
   */
  public int getOldSize() {
    return oldSize;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    int kept = Math.min(newSize, oldSize);
    if (fromIndex < kept) {
      Map<Object, Diff> changed = new LinkedHashMap<>();
      for (int i = fromIndex; i < kept; i++) {
        changed.put(i, new UnknownDiff());
      }
      fn.invoke(new KeysDiff(changed));
    }
    if (newSize < oldSize) {
      Set<Object> removed = new LinkedHashSet<>();
      for (int i = Math.max(fromIndex, newSize); i < oldSize; i++) {
        removed.add(i);
      }
      fn.invoke(new KeysRemoveDiff(removed));
    }
    for (int i = Math.max(fromIndex, oldSize); i < newSize; i++) {
      fn.invoke(new AppendDiff(i));
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceChangeDiff(this);
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
    SequenceChangeDiff o = (SequenceChangeDiff) other;
    return fromIndex == o.fromIndex && newSize == o.newSize && oldSize == o.oldSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), fromIndex, newSize, oldSize);
  }

  @Override
  public String toString() {
    return "SequenceChangeDiff{"
        + "fromIndex="
        + fromIndex
        + ", "
        + "newSize="
        + newSize
        + ", "
        + "oldSize="
        + oldSize
        + "}";
  }

  /** Implemented by processors that handle {@link SequenceChangeDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceChangeDiff(SequenceChangeDiff diff);
  }
}
