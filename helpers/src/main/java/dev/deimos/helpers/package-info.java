/**
 * Optional helpers for module code, kept out of the core artifact: {@link
 * dev.deimos.helpers.TopologyUtils} reads Java fields into dataflow vars and provides a
 * controllable clock for tests. Depends only on the public {@code dev.deimos} API.
 */
package dev.deimos.helpers;
