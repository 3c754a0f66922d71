/**
 * Depot storage: the asynchronous {@link dev.deimos.impl.depot.DepotLog} SPI (one ordered log of
 * serialized records per partition) and its in-memory implementation. May use {@code impl.data} and
 * {@code impl.serial}; knows nothing of topologies or PStates.
 */
package dev.deimos.impl.depot;
