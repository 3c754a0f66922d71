package dev.deimos;

/**
 * Options for {@link Path#sortedMapRange(Object, Object, SortedRangeOptions)} and {@link
 * Path#sortedSetRange(Object, Object, SortedRangeOptions)}: by default the start key is included
 * and the end key is excluded.
 *
 * <p>Option objects are immutable; each method returns a new one.
 */
public interface SortedRangeOptions {
  /**
   * Returns options with the defaults: start included, end excluded.
   *
   * @return default options
   */
  static Impl create() {
    return new CapturedSortedRangeOptions();
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
   * Shorthand for {@code create().includeEnd()}.
   *
   * @return options that include the end key
   */
  static Impl includeEnd() {
    return create().includeEnd();
  }

  /** Chainable form of the options. */
  interface Impl extends SortedRangeOptions {
    /**
     * Leaves the start key out of the range.
     *
     * @return new options
     */
    Impl excludeStart();

    /**
     * Includes the end key in the range.
     *
     * @return new options
     */
    Impl includeEnd();
  }

  /** The serializable value behind the options; read by the path engine. */
  final class CapturedSortedRangeOptions implements Impl, DeimosSerializable {
    private final boolean startIncluded;
    private final boolean endIncluded;

    /** Creates default options: start included, end excluded. */
    public CapturedSortedRangeOptions() {
      this(true, false);
    }

    private CapturedSortedRangeOptions(boolean startIncluded, boolean endIncluded) {
      this.startIncluded = startIncluded;
      this.endIncluded = endIncluded;
    }

    @Override
    public Impl excludeStart() {
      return new CapturedSortedRangeOptions(false, endIncluded);
    }

    @Override
    public Impl includeEnd() {
      return new CapturedSortedRangeOptions(startIncluded, true);
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
     * Tells whether the end key is part of the range.
     *
     * @return true if {@link #includeEnd()} was called
     */
    public boolean isEndIncluded() {
      return endIncluded;
    }

    @Override
    public String toString() {
      return "SortedRangeOptions{startIncluded="
          + startIncluded
          + ", endIncluded="
          + endIncluded
          + "}";
    }
  }
}
