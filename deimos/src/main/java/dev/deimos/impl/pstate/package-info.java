/**
 * PStates: declarations ({@link dev.deimos.impl.pstate.PStateDeclaration}) and the storage SPI for
 * one partition ({@link dev.deimos.impl.pstate.PStateStore}). Sub-packages hold the schema model
 * ({@code schema}), the in-memory store ({@code memory}), the byte-key layout ({@code kv}) and the
 * RocksDB backend ({@code rocksdb}, the only package that may import {@code org.rocksdb}).
 *
 * <p>Entry points: {@code new PStateDeclaration(name, schema)} and a {@code PStateStore} per
 * partition. May use {@code impl.data}, {@code impl.path} and {@code impl.serial}.
 */
package dev.deimos.impl.pstate;
