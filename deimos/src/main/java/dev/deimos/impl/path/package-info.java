/**
 * The path engine: compiles a {@link dev.deimos.Path} into linked navigation nodes once, then
 * selects and transforms with them over plain Java values and over store views.
 *
 * <p>Entry point: {@link dev.deimos.impl.path.Paths}. Stores plug in through {@link
 * dev.deimos.impl.path.WriteThrough}. May use the public API packages and {@code impl.data} only.
 */
package dev.deimos.impl.path;
