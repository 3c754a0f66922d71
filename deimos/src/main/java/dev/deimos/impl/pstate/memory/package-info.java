/**
 * In-memory PState partitions: {@link dev.deimos.impl.pstate.memory.MemoryPStateStore} keeps a
 * partition as plain {@code java.util} values (a map PState's top level in a concurrent hash map
 * with a sorted index built on the first ordered read, {@code CommittedMap}), stages writes per
 * top-level key (in an open-addressing {@code Overlay} that also remembers each key's committed
 * cell, so a microbatch-sized session commits without looking keys up again) and runs paths over
 * the values with the path engine, or without it for paths made of {@code key} steps (optionally
 * ending in {@code nullToVal} and a plain term). Used by {@code dev.deimos.test.TestPState} and by
 * the module runtime's tasks.
 *
 * <p>May use {@code impl.data}, {@code impl.path} and the rest of {@code impl.pstate}.
 */
package dev.deimos.impl.pstate.memory;
