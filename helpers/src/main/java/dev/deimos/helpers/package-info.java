/**
 * Optional helpers for module code, kept out of the core artifact: {@link
 * dev.deimos.helpers.TopologyUtils} reads Java fields into dataflow vars and provides a
 * controllable clock for tests; {@link dev.deimos.helpers.ModuleUniqueIdPState} and {@link
 * dev.deimos.helpers.TaskUniqueIdPState} generate ids from per-task counters kept in PStates;
 * {@link dev.deimos.helpers.TaskGlobalField} is a per-task mutable value. Depends only on the
 * public {@code dev.deimos} API.
 */
package dev.deimos.helpers;
