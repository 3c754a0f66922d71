/**
 * In-memory PState partitions: {@link dev.deimos.impl.pstate.memory.MemoryPStateStore} keeps a
 * partition as one plain {@code java.util} value and runs paths over it with the path engine. Used
 * by {@code dev.deimos.test.TestPState} and by in-process tests of the runtime.
 *
 * <p>May use {@code impl.data}, {@code impl.path} and the rest of {@code impl.pstate}.
 */
package dev.deimos.impl.pstate.memory;
