/**
 * Durable PState partitions on RocksDB: {@link dev.deimos.impl.pstate.rocksdb.RocksPStateStore}
 * stores one row per top-level key of a map PState.
 *
 * <p>The only package allowed to import {@code org.rocksdb}; may also use {@code impl.data}, {@code
 * impl.path}, {@code impl.serial} and the rest of {@code impl.pstate}.
 */
package dev.deimos.impl.pstate.rocksdb;
