/**
 * The in-process cluster ({@link dev.deimos.impl.cluster.InProcessClusterImpl}): module launch and
 * destroy, and the depot and PState client handles. May use {@code impl.runtime} and below.
 */
package dev.deimos.impl.cluster;
