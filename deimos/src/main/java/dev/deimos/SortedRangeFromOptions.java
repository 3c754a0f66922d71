package dev.deimos;

/**
 * Options for {@link Path#sortedMapRangeFrom(Object, SortedRangeFromOptions)} and {@link
 * Path#sortedSetRangeFrom(Object, SortedRangeFromOptions)}: whether the start key is included (it
 * is by default) and how many entries to read at most (by default all up to the end).
 *
 * <p>Option objects are immutable; each method returns a new one.
 */
public interface SortedRangeFromOptions {
  /**
   * Returns options with the defaults: start included, no maximum.
   *
   * @return default options
   */
  static Impl create() {
    return new CapturedSortedRangeFromOptions(true, null);
  }

  /**
   * Shorthand for {@code create().excludeStart()}.
   *
   * @return options that leave out the start key
   */
  static Impl excludeStart() {
    return create().excludeStart();
  }

  /**
   * Shorthand for {@code create().maxAmt(maxAmt)}.
   *
   * @param maxAmt the most entries the range reads
   * @return options with a maximum amount
   */
  static Impl maxAmt(int maxAmt) {
    return create().maxAmt(maxAmt);
  }

  /** Chainable form of the options. */
  interface Impl extends SortedRangeFromOptions {
    /**
     * Leaves the start key out of the range.
     *
     * @return new options
     */
    Impl excludeStart();

    /**
     * Caps how many entries the range reads.
     *
     * @param maxAmt the most entries to read, at least 0
     * @return new options
     */
    Impl maxAmt(int maxAmt);
  }

  /** The serializable value behind the options; read by the path engine. */
  final class CapturedSortedRangeFromOptions implements Impl, DeimosSerializable {
    private final boolean startIncluded;
    private final Integer maxAmt;

    /** Creates default options: start included, no maximum. */
    public CapturedSortedRangeFromOptions() {
      this(true, null);
    }

    private CapturedSortedRangeFromOptions(boolean startIncluded, Integer maxAmt) {
      this.startIncluded = startIncluded;
      this.maxAmt = maxAmt;
    }

    @Override
    public Impl excludeStart() {
      return new CapturedSortedRangeFromOptions(false, maxAmt);
    }

    @Override
    public Impl maxAmt(int maxAmt) {
      if (maxAmt < 0) {
        throw new IllegalArgumentException("maxAmt must be >= 0, got " + maxAmt);
      }
      return new CapturedSortedRangeFromOptions(startIncluded, maxAmt);
    }

    /**
     * Tells whether the start key is part of the range.
     *
     * @return true unless {@link #excludeStart()} was called
     */
    public boolean isStartIncluded() {
      return startIncluded;
    }

    /**
     * Returns the maximum amount of entries to read.
     *
     * @return the maximum, or null for no maximum
     */
    public Integer getMaxAmt() {
      return maxAmt;
    }

    @Override
    public String toString() {
      return "SortedRangeFromOptions{startIncluded=" + startIncluded + ", maxAmt=" + maxAmt + "}";
    }
  }
}
