package dev.deimos;

import java.io.Serializable;

/**
 * Options for {@code select} and {@code localSelect} in topologies. Build them with {@link
 * #create()} or start from {@link #allowYield()}.
 */
public interface SelectOptions {

  /**
   * Options with nothing set.
   *
   * @return new empty options
   */
  static Impl create() {
    return new CaptureSelectOptions();
  }

  /**
   * Shorthand for {@code create().allowYield()}.
   *
   * @return new options allowing the select to yield
   */
  static Impl allowYield() {
    return create().allowYield();
  }

  /** Options that can be refined further. */
  interface Impl extends SelectOptions {
    /**
     * Lets a long select pause and resume across several events on the task thread, always reading
     * the PState as it was when the select started, so other events are not held up. The values
     * selected are the same as without yielding; code after the select no longer runs in the same
     * event as code before it. Local execution ({@code Block.execute()}) never yields.
     *
     * @return these options
     */
    Impl allowYield();
  }

  /** The plain holder behind {@link SelectOptions#create()}. */
  final class CaptureSelectOptions implements Impl, Serializable {
    private static final long serialVersionUID = 1L;

    private boolean yield;

    /** Creates options with nothing set. */
    public CaptureSelectOptions() {}

    @Override
    public Impl allowYield() {
      yield = true;
      return this;
    }

    /**
     * Whether {@link #allowYield()} was called.
     *
     * @return true if the select may yield
     */
    public boolean isYieldAllowed() {
      return yield;
    }

    @Override
    public String toString() {
      return yield ? "SelectOptions{allowYield}" : "SelectOptions{}";
    }
  }
}
