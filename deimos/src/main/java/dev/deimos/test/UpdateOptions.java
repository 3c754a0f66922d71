package dev.deimos.test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Options of {@link InProcessCluster#updateModule(dev.deimos.DeimosModule, UpdateOptions)}, built
 * fluently from {@link #create()}.
 */
public interface UpdateOptions {
  /**
   * Returns empty options: the update may delete no depot or PState.
   *
   * @return the options
   */
  static Impl create() {
    return new Impl.Options();
  }

  /**
   * Returns options allowing the update to delete the named depots and PStates (a depot or PState
   * the new module no longer declares must be listed here, else the update is rejected).
   *
   * @param objects depot and PState vars, such as {@code "*depot"} and {@code "$$p"}
   * @return the options
   */
  static Impl objectsToDelete(String... objects) {
    return create().objectsToDelete(objects);
  }

  /**
   * Returns the depot and PState vars the update may delete.
   *
   * @return the vars
   */
  Set<String> getObjectsToDelete();

  /** The fluent builder. */
  interface Impl extends UpdateOptions {
    /**
     * See {@link UpdateOptions#objectsToDelete(String...)}; adds to the vars given before.
     *
     * @param objects depot and PState vars
     * @return this
     */
    Impl objectsToDelete(String... objects);

    /** The one implementation. */
    final class Options implements Impl {
      private final Set<String> toDelete = new LinkedHashSet<>();

      Options() {}

      @Override
      public Impl objectsToDelete(String... objects) {
        toDelete.addAll(Arrays.asList(objects));
        return this;
      }

      @Override
      public Set<String> getObjectsToDelete() {
        return Collections.unmodifiableSet(toDelete);
      }
    }
  }
}
