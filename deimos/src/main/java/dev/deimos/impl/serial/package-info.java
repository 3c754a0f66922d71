/**
 * Serialization of stored and shipped values: {@link dev.deimos.impl.serial.ValueCodec}, a compact
 * tagged binary format with Java serialization as the fallback.
 *
 * <p>May use {@code impl.data} and the public API only.
 */
package dev.deimos.impl.serial;
