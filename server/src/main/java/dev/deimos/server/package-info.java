/**
 * The single-node Deimos server ({@link dev.deimos.server.DeimosServer}): its configuration, the
 * on-disk store of deployed modules and their jars, one class loader per module jar, the network
 * endpoint for clients and the CLI, and the {@code deimos} command ({@link dev.deimos.server.Cli}).
 */
package dev.deimos.server;
