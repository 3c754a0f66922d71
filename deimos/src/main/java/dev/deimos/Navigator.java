package dev.deimos;

/**
 * A user-written navigation step, added to a path with {@link Path#customNav(Navigator)} or {@link
 * Path#customNavBuilder(dev.deimos.ops.DeimosFunction0)}.
 *
 * <p>A navigator implements both directions. {@link #select} calls {@code next.invokeNext(v)} once
 * for every sub-value {@code v} it navigates to, and returns the result of its last call, or {@link
 * #VOID} when it navigated nowhere. {@link #transform} calls {@code next.invokeNext(v)} for every
 * sub-value, receives the replacement, and returns the rebuilt value; a replacement equal to {@code
 * VOID} means the sub-value must be removed. The engine passes {@code transform} a private mutable
 * copy of plain Java collections, so a navigator may update its argument in place and return it.
 *
 * <p>Navigators are shipped to tasks, so they must be serializable. They may be called from several
 * threads at once and should hold no mutable state.
 *
 * @param <T> the type of value the navigator expects
 */
public interface Navigator<T> extends DeimosSerializable {
  /**
   * Marks "no value": returned by {@code select} when nothing was navigated, and by {@code
   * invokeNext} during a transform when the sub-value is to be removed.
   */
  Object VOID =
      new Object() {
        @Override
        public String toString() {
          return "Navigator.VOID";
        }
      };

  /**
   * Navigates for a select.
   *
   * @param obj the current value (may be null)
   * @param next continues the path with a sub-value
   * @return the result of the last {@code next.invokeNext} call, or {@link #VOID}
   */
  Object select(T obj, Next next);

  /**
   * Navigates for a transform.
   *
   * @param obj the current value (may be null)
   * @param next continues the path with a sub-value and returns its replacement
   * @return the rebuilt value
   */
  T transform(T obj, Next next);

  /** The rest of the path, as seen by a navigator. */
  interface Next {
    /**
     * Runs the rest of the path on a sub-value.
     *
     * @param obj the sub-value
     * @return for a transform, the replacement of the sub-value ({@link #VOID} to remove it)
     */
    Object invokeNext(Object obj);
  }
}
