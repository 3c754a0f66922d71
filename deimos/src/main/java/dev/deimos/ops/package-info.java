/**
 * The function and operation interfaces of dataflow code, and the built-in operations.
 *
 * <p>{@code DeimosFunction0..8} return one value; {@code DeimosOperation0..8} emit zero or more
 * times through an {@link dev.deimos.ops.OutputCollector}; the aggregator interfaces fold values.
 * {@link dev.deimos.ops.Ops} lists the built-ins; its {@code Native*} types are implementation
 * detail behind those constants.
 */
package dev.deimos.ops;
