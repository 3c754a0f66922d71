package dev.deimos.impl.depot;

/**
 * A read asked for a depot offset that trimming already removed. Names the depot, the partition,
 * the offset and the first offset still stored, so a reader that lags behind trimming can skip
 * ahead to {@link #firstOffset()}.
 */
public final class TrimmedOffsetException extends IndexOutOfBoundsException {
  private static final long serialVersionUID = 1L;

  private final int partition;
  private final long offset;
  private final long firstOffset;

  /**
   * Creates the exception.
   *
   * @param depot the depot's name
   * @param partition the partition
   * @param offset the offset asked for
   * @param firstOffset the first offset still stored
   */
  public TrimmedOffsetException(String depot, int partition, long offset, long firstOffset) {
    super(
        "depot "
            + depot
            + " partition "
            + partition
            + ": offset "
            + offset
            + " was trimmed, the first offset still stored is "
            + firstOffset);
    this.partition = partition;
    this.offset = offset;
    this.firstOffset = firstOffset;
  }

  /**
   * Returns the partition.
   *
   * @return the partition
   */
  public int partition() {
    return partition;
  }

  /**
   * Returns the offset that was asked for.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * Returns the first offset the partition still stores.
   *
   * @return the first offset
   */
  public long firstOffset() {
    return firstOffset;
  }
}
