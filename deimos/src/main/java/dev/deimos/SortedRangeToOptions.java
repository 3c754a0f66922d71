package dev.deimos;

/**
 * Options for {@link Path#sortedMapRangeTo(Object, SortedRangeToOptions)} and {@link
 * Path#sortedSetRangeTo(Object, SortedRangeToOptions)}: whether the end key is included (it is not
 * by default) and how many entries to read at most (by default all from the beginning). With a
 * maximum, the range is read backwards from the end, so the entries nearest to the end are kept.
 *
 * <p>Option objects are immutable; each method returns a new one.
 */
public interface SortedRangeToOptions {
  /**
   * Returns options with the defaults: end excluded, no maximum.
   *
   * @return default options
   */
  static Impl create() {
    return new CapturedSortedRangeToOptions(false, null);
  }

  /**
   * Shorthand for {@code create().includeEnd()}.
   *
   * @return options that include the end key
   */
  static Impl includeEnd() {
    return create().includeEnd();
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
  interface Impl extends SortedRangeToOptions {
    /**
     * Includes the end key in the range.
     *
     * @return new options
     */
    Impl includeEnd();

    /**
     * Caps how many entries the range reads.
     *
     * @param maxAmt the most entries to read, at least 0
     * @return new options
     */
    Impl maxAmt(int maxAmt);
  }

  /** The serializable value behind the options; read by the path engine. */
  final class CapturedSortedRangeToOptions implements Impl, DeimosSerializable {
    private final boolean endIncluded;
    private final Integer maxAmt;

    /** Creates default options: end excluded, no maximum. */
    public CapturedSortedRangeToOptions() {
      this(false, null);
    }

    private CapturedSortedRangeToOptions(boolean endIncluded, Integer maxAmt) {
      this.endIncluded = endIncluded;
      this.maxAmt = maxAmt;
    }

    @Override
    public Impl includeEnd() {
      return new CapturedSortedRangeToOptions(true, maxAmt);
    }

    @Override
    public Impl maxAmt(int maxAmt) {
      if (maxAmt < 0) {
        throw new IllegalArgumentException("maxAmt must be >= 0, got " + maxAmt);
      }
      return new CapturedSortedRangeToOptions(endIncluded, maxAmt);
    }

    /**
     * Tells whether the end key is part of the range.
     *
     * @return true if {@link #includeEnd()} was called
     */
    public boolean isEndIncluded() {
      return endIncluded;
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
      return "SortedRangeToOptions{endIncluded=" + endIncluded + ", maxAmt=" + maxAmt + "}";
    }
  }
}
