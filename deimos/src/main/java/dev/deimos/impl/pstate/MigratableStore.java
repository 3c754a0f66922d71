package dev.deimos.impl.pstate;

/**
 * A capability of PState stores that migrate their partition in process at a module update: the
 * runtime asks for it with {@link #of} and, without it, refuses to migrate rather than guessing.
 */
public interface MigratableStore extends PStateStore {
  /**
   * Opens this partition's data under the updated module's declaration, migrated as its schema
   * says; this store stays as it was and is closed by the caller.
   *
   * @param newDeclaration the PState as the updated module declares it
   * @return a store with the migrated committed data and no staged writes
   * @throws IllegalArgumentException if the change is incompatible and no migration covers it
   */
  PStateStore migrateTo(PStateDeclaration newDeclaration);

  /**
   * Returns the store's migration capability, or null if it has none.
   *
   * @param store any PState store
   * @return the store as a migratable store, or null
   */
  static MigratableStore of(PStateStore store) {
    return store instanceof MigratableStore ? (MigratableStore) store : null;
  }
}
