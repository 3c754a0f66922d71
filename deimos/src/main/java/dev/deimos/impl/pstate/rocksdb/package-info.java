/**
 * Durable PState partitions on RocksDB. Entry point {@link
 * dev.deimos.impl.pstate.rocksdb.RocksPStateStore}; the row layout is in {@code Keys}; paths run
 * over lazy write-through views of key ranges ({@code KvMap}, {@code KvSet}, {@code KvList}) that
 * read and stage rows through a {@code Kv} session.
 *
 * <p>The only package allowed to import {@code org.rocksdb}; may also use {@code impl.data}, {@code
 * impl.path}, {@code impl.serial} and the rest of {@code impl.pstate}.
 */
package dev.deimos.impl.pstate.rocksdb;
