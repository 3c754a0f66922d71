/** Integration points with the outside world: task-global objects. */
package dev.deimos.integration;
