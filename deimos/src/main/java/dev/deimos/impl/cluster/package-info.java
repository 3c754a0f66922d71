/**
 * The in-process cluster ({@link dev.deimos.impl.cluster.InProcessClusterImpl}): module launch and
 * destroy (resolving module mirrors at launch), and the depot, PState and query client handles. May
 * use {@code impl.runtime} and below.
 */
package dev.deimos.impl.cluster;
