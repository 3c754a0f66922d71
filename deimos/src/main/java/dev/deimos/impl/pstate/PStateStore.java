package dev.deimos.impl.pstate;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import java.util.List;

/**
 * One partition of one PState, as the runtime sees it: path reads over the committed data and path
 * writes that are staged until {@link #commit()}.
 *
 * <p><b>Staging.</b> A staging session starts with the first {@link #transform} after the store
 * opened or after the last {@link #commit()} / {@link #abort()}, and spans any number of transforms
 * until the writer ends it explicitly: {@link #commit()} makes all of them visible at once (and,
 * for a durable store, durable together), {@link #abort()} drops all of them. The writer reads its
 * own staged writes through {@link #selectStaged} / {@link #selectOneStaged}; every other reader
 * uses {@link #select} / {@link #selectOne} and sees committed data only. The runtime uses one
 * session per event for stream topologies (commit when the event succeeds, abort when it fails). A
 * session may as well span a whole microbatch on a task (all of its transforms, then one commit
 * when the microbatch succeeded, or one abort), so a session must not be assumed to be short.
 * Microbatch topologies do the latter and commit with {@link #commitKeepingPrevious}, which keeps
 * what each commit replaced for reads pinned to an earlier microbatch.
 *
 * <p>Contract shared by every implementation:
 *
 * <ul>
 *   <li>Reads see committed data only; staged writes are invisible to them until {@link #commit()}.
 *   <li>Staged reads ({@link #selectStaged}) see the committed data with every staged write of the
 *       current session applied, in order; after {@link #abort()} they see the committed data
 *       again.
 *   <li>{@link #transform} checks the whole would-be value against the PState's schema before
 *       staging it. A violating write throws a {@link dev.deimos.SchemaViolationException} naming
 *       the PState and location, and leaves both committed and staged data unchanged.
 *   <li>Values returned by reads are the caller's to keep: mutating them changes nothing stored.
 * </ul>
 *
 * <p>Implementations are thread-safe: reads may run concurrently with writes from one writer.
 */
public interface PStateStore extends AutoCloseable {

  /** Returns the PState's declared name, e.g. {@code $$counts}. */
  String name();

  /**
   * Returns every value the path reaches in the committed data.
   *
   * @param path the path
   * @param vars values of vars the path refers to
   * @return a new list; its elements are copies of stored values
   */
  List<Object> select(Path path, Vars vars);

  /**
   * Returns the single value the path reaches in the committed data, or null when none.
   *
   * @param path the path
   * @param vars values of vars the path refers to
   * @return a copy of the stored value, or null
   * @throws dev.deimos.PathException if the path reaches more than one value
   */
  Object selectOne(Path path, Vars vars);

  /**
   * Like {@link #select}, but over the committed data with this session's staged writes applied:
   * the writer's own view (read-your-writes). Same as {@link #select} when nothing is staged.
   * Called by the writer only, never concurrently with {@link #transform}.
   *
   * @param path the path
   * @param vars values of vars the path refers to
   * @return a new list; its elements are copies
   */
  List<Object> selectStaged(Path path, Vars vars);

  /**
   * Like {@link #selectOne}, but sees this session's staged writes (see {@link #selectStaged}).
   *
   * @param path the path
   * @param vars values of vars the path refers to
   * @return a copy of the value, or null
   * @throws dev.deimos.PathException if the path reaches more than one value
   */
  Object selectOneStaged(Path path, Vars vars);

  /**
   * Stages a path write on top of the committed data and earlier staged writes.
   *
   * @param path a transform path, usually ending in a term navigator
   * @param vars values of vars the path refers to
   * @throws dev.deimos.SchemaViolationException if the result does not fit the schema; nothing is
   *     staged then
   */
  void transform(Path path, Vars vars);

  /** Makes all staged writes visible to readers at once and ends the staging session. */
  void commit();

  /** Discards all staged writes and ends the staging session. */
  void abort();

  /** Returns whether writes are staged and not yet committed or aborted. */
  boolean hasStagedWrites();

  /**
   * Returns a handle on the committed data as of now, for {@link #selectAt} and {@link #restore}.
   * Later commits do not change what the handle reads. Microbatch topologies take one per task and
   * PState before a microbatch writes: clients read it until the microbatch commits, and a failed
   * microbatch restores it.
   *
   * @return an opaque snapshot
   * @throws UnsupportedOperationException if the store cannot keep snapshots
   */
  default Object snapshot() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no snapshots");
  }

  /**
   * Like {@link #select} over the data of a {@link #snapshot}.
   *
   * @param snapshot a snapshot of this store
   * @param path the path
   * @param vars values of vars the path refers to
   * @return a new list of copies
   */
  default List<Object> selectAt(Object snapshot, Path path, Vars vars) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no snapshots");
  }

  /**
   * Makes the data of a {@link #snapshot} the committed data again and drops staged writes.
   *
   * @param snapshot a snapshot of this store
   */
  default void restore(Object snapshot) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no snapshots");
  }

  /**
   * Like {@link #commit()}, and returns what the commit replaced: the previous committed value of
   * every top-level key it changed (or the whole previous root), as an opaque record for {@link
   * #selectBefore}. The store never updates in place a value such a record holds. Microbatch
   * topologies commit this way so that a read pinned to an earlier microbatch can still see the
   * data as it was, at a cost proportional to the keys the microbatch changed.
   *
   * @return the record of the replaced data, or null when nothing was staged
   * @throws UnsupportedOperationException if the store cannot keep previous values
   */
  default Object commitKeepingPrevious() {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " keeps no previous values");
  }

  /**
   * Like {@link #select} over the committed data as it was before the commits that returned {@code
   * previous} (records of {@link #commitKeepingPrevious}, the newest first, together covering every
   * commit since that point).
   *
   * @param previous records of the commits to look behind, newest first
   * @param path the path
   * @param vars values of vars the path refers to
   * @return a new list of copies
   */
  default List<Object> selectBefore(List<Object> previous, Path path, Vars vars) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " keeps no previous values");
  }

  /**
   * Runs a bounded slice of background migration work (rewriting stored values of {@code
   * migrated(...)} schema locations into their new shape). The runtime calls it repeatedly while it
   * returns true, between commits. Stores whose data never outlives a schema have nothing to do.
   *
   * @param maxItems most stored values to examine in this call
   * @return true while work remains
   */
  default boolean migrationStep(int maxItems) {
    return false;
  }

  /**
   * Returns the number of top-level entries of the committed state (keys of a map, elements of a
   * set or list, 1 for a present value of a class schema), for status pages, or -1 when the store
   * cannot tell without reading its data. Called on the owning task's thread.
   *
   * @return the count, or -1
   */
  default long size() {
    return -1;
  }

  /** Releases resources; the store must not be used afterwards. */
  @Override
  void close();
}
