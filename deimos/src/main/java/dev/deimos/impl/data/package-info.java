/**
 * Value semantics shared by every part of the engine: calling functions by arity, resolving vars,
 * numeric promotion, equality and ordering ({@link dev.deimos.impl.data.Numbers}), the per-thread
 * {@link dev.deimos.impl.data.TaskContext} read by the context operations of {@code Ops}, and the
 * order-preserving key encoding.
 *
 * <p>May use the public API packages only; every other {@code impl} part may use this one.
 */
package dev.deimos.impl.data;
