/**
 * Storage seams of the runtime: the {@link dev.deimos.impl.storage.StorageFactory} a cluster hands
 * its modules (depot logs, PState stores and progress stores per task), the {@link
 * dev.deimos.impl.storage.ProgressStore} that records how far each task got, and the in-memory
 * implementations used by the in-process cluster. Every implementation passes the contract suites
 * in the tests ({@code StorageFactoryContract}, {@code ProgressStoreContract}, and for the stores
 * it opens {@code DepotLogContractTest} and {@code PStateStoreContract}).
 *
 * <p>May use {@code impl.depot}, {@code impl.pstate} and {@code impl.serial} (plus the public API
 * and {@code impl.data}); knows nothing of tasks or topologies.
 */
package dev.deimos.impl.storage;
