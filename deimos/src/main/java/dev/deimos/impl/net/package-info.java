/**
 * The network client of a Deimos server and the wire protocol both sides speak ({@link
 * dev.deimos.impl.net.Wire}). The one engine package that may import a network library (Netty); it
 * uses the public API and {@code impl.serial} for values, never the runtime or the stores.
 */
package dev.deimos.impl.net;
