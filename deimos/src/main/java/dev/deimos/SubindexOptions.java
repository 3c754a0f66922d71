package dev.deimos;

import java.io.Serializable;

/**
 * Options for a subindexed PState structure, passed to {@link PState.Schema#subindexed(
 * SubindexOptions)}.
 *
 * <p>Size tracking is on by default: the store keeps a counter per subindexed structure, so its
 * size (for example through {@code Ops.SIZE}) costs one read. Each write then also reads whether
 * the element already existed. Without size tracking writes are cheaper and the size is computed by
 * walking every element. Lists always track their size, because appending needs it.
 */
public interface SubindexOptions {
  /**
   * Starts options with every default.
   *
   * @return new options
   */
  static Impl create() {
    return new CapturedSubindexOptions();
  }

  /**
   * Shorthand for {@code create().withoutSizeTracking()}.
   *
   * @return new options with size tracking off
   */
  static Impl withoutSizeTracking() {
    return create().withoutSizeTracking();
  }

  /** The builder returned by {@link #create()}. */
  interface Impl extends SubindexOptions {
    /**
     * Turns size tracking off.
     *
     * @return these options
     */
    Impl withoutSizeTracking();
  }

  /** The plain data behind the builder; inspectable and serializable. */
  final class CapturedSubindexOptions implements Impl, Serializable {
    private static final long serialVersionUID = 1L;
    private boolean sizeTracked = true;

    /** Creates options with size tracking on. */
    public CapturedSubindexOptions() {}

    @Override
    public Impl withoutSizeTracking() {
      sizeTracked = false;
      return this;
    }

    /**
     * Tells whether the structure keeps a size counter.
     *
     * @return true unless {@link #withoutSizeTracking()} was called
     */
    public boolean isSizeTracked() {
      return sizeTracked;
    }
  }
}
