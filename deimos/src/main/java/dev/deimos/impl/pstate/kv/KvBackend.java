package dev.deimos.impl.pstate.kv;

import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;

/**
 * A durable or in-memory sorted byte-key space that applies batches atomically.
 *
 * <p>Single writer: one task thread writes; snapshots may be read from any thread.
 */
public interface KvBackend extends KvReader {
  /**
   * Applies all writes at once: readers see all or none of them, and after a crash either all or
   * none survive.
   *
   * @param batch key to new value; a null value deletes the key
   * @return completes when the batch is applied (and, for a durable backend, logged)
   */
  CompletableFuture<Void> write(NavigableMap<byte[], byte[]> batch);

  /**
   * Returns a consistent read-only view of the current committed state; close it when done.
   *
   * @return the snapshot
   */
  KvReader snapshot();
}
