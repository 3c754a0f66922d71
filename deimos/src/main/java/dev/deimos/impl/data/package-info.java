/**
 * Value semantics shared by every part of the engine: calling functions by arity, resolving vars,
 * numeric promotion, equality and ordering, and the order-preserving key encoding.
 *
 * <p>May use the public API packages only; every other {@code impl} part may use this one.
 */
package dev.deimos.impl.data;
