/**
 * The web console: JSON endpoints over a module's live view ({@code
 * InProcessClusterImpl#moduleView}, {@code #topologyGraph}, partition selects), the time series
 * behind its charts, the module operation log, and the static page under {@code resources/console}
 * (plain HTML, JavaScript and CSS; nothing to build). Entry point: {@link
 * dev.deimos.server.console.ConsoleRoutes#register}.
 *
 * <p>May use Javalin and Jackson, the engine's views and the server's {@link
 * dev.deimos.server.console.ConsoleBackend}; the engine never knows about it.
 */
package dev.deimos.server.console;
