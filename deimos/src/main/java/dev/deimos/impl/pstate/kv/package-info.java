/**
 * The storage layout shared by every PState store: a sorted byte-key space ({@link
 * dev.deimos.impl.pstate.kv.KvBackend}) holding each indexed structure (the top level of a
 * partition and every subindexed structure) as its own key range. This package holds only a backend
 * SPI that nothing implements yet; the RocksDB store currently talks to RocksDB directly and keeps
 * its own layout and lazy views (see {@code impl.pstate.rocksdb}, class {@code Keys}).
 *
 * <p>May use {@code impl.data}, {@code impl.serial}, {@code impl.path} and the schema model.
 */
package dev.deimos.impl.pstate.kv;
