/**
 * Storage seams of the runtime: the {@link dev.deimos.impl.storage.StorageFactory} a cluster hands
 * its modules (depot logs, PState stores and progress stores per task), the {@link
 * dev.deimos.impl.storage.ProgressStore} that records how far each task got, and the in-memory
 * implementations used by the in-process cluster.
 */
package dev.deimos.impl.storage;
