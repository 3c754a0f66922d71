package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.util.Map;
import java.util.Objects;

/**
 * Elements at several indexes of a sequence changed, each with its own diff. Top-level; expands to
 * one {@link SequenceIndexChangeDiff} per index.
 */
public class SequenceIndexChangesDiff extends Diff {
  private static final long serialVersionUID = 1L;

  private final Map<Integer, Diff> indexToDiff;

  /**
   * Creates the diff.
   *
   * @param indexToDiff each changed index with the diff of its element
   */
  public SequenceIndexChangesDiff(Map<Integer, Diff> indexToDiff) {
    this.indexToDiff =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indexToDiff));
  }

  /**
   * Returns each changed index with the diff of its element.
   *
   * @return each changed index with the diff of its element
   */
  public Map<Integer, Diff> getIndexToDiff() {
    return indexToDiff;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected boolean walkExpanded(DeimosFunction1 fn) {
    for (Map.Entry<Integer, Diff> e : indexToDiff.entrySet()) {
      fn.invoke(new SequenceIndexChangeDiff(e.getKey(), e.getValue()));
    }
    return true;
  }

  @Override
  protected void doProcess(Diff.Processor processor) {
    ((Processor) processor).processSequenceIndexChangesDiff(this);
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
    SequenceIndexChangesDiff o = (SequenceIndexChangesDiff) other;
    return Objects.equals(indexToDiff, o.indexToDiff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass().getSimpleName(), indexToDiff);
  }

  @Override
  public String toString() {
    return "SequenceIndexChangesDiff{" + "indexToDiff=" + indexToDiff + "}";
  }

  /** Implemented by processors that handle {@link SequenceIndexChangesDiff}s. */
  public interface Processor {
    /**
     * Handles one diff.
     *
     * @param diff the diff
     */
    void processSequenceIndexChangesDiff(SequenceIndexChangesDiff diff);
  }
}
