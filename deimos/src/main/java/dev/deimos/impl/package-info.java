/**
 * The two engine types module code meets by name. {@link dev.deimos.impl.NativeDepotPartitioning}
 * is what {@code Depot.hashBy}, {@code random} and {@code disallow} return; it lives here because
 * Rama's own API returns {@code com.rpl.rama.impl.NativeDepotPartitioning}, and the rename contract
 * keeps ported code compiling. {@link dev.deimos.impl.NamedFieldKey} is the key function of {@code
 * Depot.hashBy(String)}. Every other public type users hold or catch is in a public package ({@code
 * PublicApiSurfaceTest} checks it).
 *
 * <p>May use the public API and {@code impl.data}; the parts of the engine are the subpackages.
 */
package dev.deimos.impl;
