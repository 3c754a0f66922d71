package dev.deimos;

/**
 * The range of offsets one microbatch covered on one depot partition: from {@link
 * #getStartOffset()} (the first record it took) up to, not including, {@link #getEndOffset()} (the
 * offset the next microbatch starts at). Both are equal when the microbatch took no record from the
 * partition. Immutable; returned by {@code ClusterManagerBase.getMicrobatchDepotInfo}.
 */
public class MicrobatchParams {
  private final long startOffset;
  private final long endOffset;

  /**
   * Creates the range {@code [startOffset, endOffset)}.
   *
   * @param startOffset the first offset covered
   * @param endOffset the offset after the last one covered
   */
  public MicrobatchParams(long startOffset, long endOffset) {
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  /**
   * Returns the first offset the microbatch covered.
   *
   * @return an offset of the depot partition
   */
  public long getStartOffset() {
    return startOffset;
  }

  /**
   * Returns the offset right after the last record the microbatch covered: every record below it
   * has been processed.
   *
   * @return an offset of the depot partition
   */
  public long getEndOffset() {
    return endOffset;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MicrobatchParams)) {
      return false;
    }
    MicrobatchParams p = (MicrobatchParams) o;
    return p.startOffset == startOffset && p.endOffset == endOffset;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(startOffset) * 31 + Long.hashCode(endOffset);
  }

  @Override
  public String toString() {
    return "MicrobatchParams[" + startOffset + ", " + endOffset + ")";
  }
}
