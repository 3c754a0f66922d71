/**
 * In-memory PState partitions: {@link dev.deimos.impl.pstate.memory.MemoryPStateStore} keeps a
 * partition as plain {@code java.util} values (a map PState's top level in a concurrent sorted map
 * with a hash index, {@code CommittedMap}), stages writes per top-level key and runs paths over the
 * values with the path engine, or without it for paths made of {@code key} steps. Used by {@code
 * dev.deimos.test.TestPState} and by the module runtime's tasks.
 *
 * <p>May use {@code impl.data}, {@code impl.path} and the rest of {@code impl.pstate}.
 */
package dev.deimos.impl.pstate.memory;
