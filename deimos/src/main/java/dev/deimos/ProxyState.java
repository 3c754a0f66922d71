package dev.deimos;

import dev.deimos.diffs.Diff;
import java.io.Closeable;

/**
 * The reactive result of {@code PState.proxy}: a local copy of the one value a path reaches in a
 * PState, kept current by diffs the server pushes as soon as a change is visible to readers (after
 * the writing event, or when a microbatch commits; never for an aborted attempt).
 *
 * <p>{@link #get()} is thread-safe and never blocks. A {@link Callback} given to {@code proxy} sees
 * every change with its {@link Diff}, on a client pool thread, one call at a time and in the order
 * the server made the changes; its first call carries a {@link dev.deimos.diffs.ResyncDiff} with
 * the initial value. Values handed out must be treated as read-only.
 *
 * @param <T> the type of the value at the proxied location
 */
public interface ProxyState<T> extends Closeable {

  /**
   * Returns the current value.
   *
   * @return the value, or null when the path reaches nothing
   */
  T get();

  /**
   * Returns whether the proxy is still following its PState.
   *
   * @return the status
   */
  Status status();

  /**
   * Stops following: frees the subscription on the server and, after any change already being
   * delivered, calls the callback once more with a {@link dev.deimos.diffs.DestroyedDiff}.
   * Idempotent.
   */
  @Override
  void close();

  /**
   * Receives the changes of a proxy.
   *
   * @param <T> the type of the value at the proxied location
   */
  @FunctionalInterface
  interface Callback<T> {
    /**
     * Called for each change, in server order, on a client pool thread.
     *
     * @param newVal the value after the change
     * @param diff what changed
     * @param oldVal the value before the change
     */
    void change(T newVal, Diff diff, T oldVal);
  }

  /** Lifecycle of a proxy. */
  enum Status {
    /** Following its PState. */
    ACTIVE,
    /** Closed by {@link ProxyState#close()}. */
    TERMINATED,
    /** Stopped because its callback failed too often, or its module was destroyed. */
    TERMINATED_UNGRACEFULLY
  }
}
