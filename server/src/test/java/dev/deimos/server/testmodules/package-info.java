/** Modules the server tests deploy from jars they build from these classes. */
package dev.deimos.server.testmodules;
