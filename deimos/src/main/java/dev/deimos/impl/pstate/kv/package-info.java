/**
 * The storage layout shared by every PState store: a sorted byte-key space ({@link
 * dev.deimos.impl.pstate.kv.KvBackend}) holding each indexed structure (the top level of a
 * partition and every subindexed structure) as its own key range. So far this package holds only
 * the backend SPI; the lazy {@code java.util} views over those ranges, which the path engine will
 * read and write through, are not written yet.
 *
 * <p>Layout: {@code [index id: 8 bytes][0x01][OrderedKeyEncoding(key)]} holds an element; {@code
 * [index id][0x00]} holds a size counter; {@code [0][0x02]} holds the value of a PState whose
 * schema is a Class; index id -1 holds metadata. A subindexed structure nested in a value is stored
 * as a reference to its index id. Writes are to be staged in an overlay and applied as one batch.
 *
 * <p>May use {@code impl.data}, {@code impl.serial}, {@code impl.path} and the schema model.
 */
package dev.deimos.impl.pstate.kv;
