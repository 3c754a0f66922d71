package dev.deimos.server.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP port (Javalin over Jetty): the REST API, {@code GET /metrics} and whatever else
 * registers routes on it (the web console). Every request, on any route, must carry the server's
 * token as {@code Authorization: Bearer <token>} when one is configured; a request without it is
 * answered 401 and learns nothing else.
 *
 * <p>Routes are registered with {@link #addRoutes(Consumer)}, before or after {@link #start()}.
 */
public final class RestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  /** Default request body limit: 16 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

  private final String bind;
  private final int requestedPort;
  private final byte[] token;
  private final Javalin app;
  private final List<Consumer<Javalin>> pending = new ArrayList<>();
  private boolean started;

  /**
   * Creates a server that is not yet listening.
   *
   * @param bind the address to listen on
   * @param port the port, 0 for a free one
   * @param token the bearer token every request must present, or null for none
   * @param maxBodyBytes the largest request body accepted (413 beyond)
   */
  public RestServer(String bind, int port, String token, long maxBodyBytes) {
    this.bind = bind;
    this.requestedPort = port;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.startupWatcherEnabled = false;
              cfg.http.maxRequestSize = maxBodyBytes;
              cfg.http.defaultContentType = "application/json";
              QueuedThreadPool pool = new QueuedThreadPool(32, 2, 60_000);
              pool.setName("deimos-http");
              pool.setDaemon(true);
              cfg.jetty.threadPool = pool;
              // module names with '/' arrive as %2F inside one path segment
              cfg.jetty.modifyHttpConfiguration(hc -> hc.setUriCompliance(UriCompliance.LEGACY));
            });
    app.before(this::authenticate);
    statusAnswer(404, ctx -> "no such endpoint: " + ctx.method() + " " + ctx.path());
    statusAnswer(413, ctx -> "request body larger than the limit of " + maxBodyBytes + " bytes");
    statusAnswer(405, ctx -> "method " + ctx.method() + " not allowed on " + ctx.path());
  }

  /** A JSON answer for a status Javalin sets itself, unless a handler already wrote one. */
  private void statusAnswer(int status, java.util.function.Function<Context, String> message) {
    app.error(
        status,
        ctx -> {
          if (ctx.attribute(RestErrors.WRITTEN) == null) {
            RestErrors.write(ctx, status, message.apply(ctx));
          }
        });
  }

  private void authenticate(Context ctx) {
    if (token == null) {
      return;
    }
    String h = ctx.header("Authorization");
    byte[] given =
        h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
            ? h.substring(7).trim().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(token, given)) {
      ctx.header("WWW-Authenticate", "Bearer");
      RestErrors.write(ctx, 401, "authentication required");
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * Registers routes: {@code routes} is called with the Javalin instance, now if the server has
   * started, else at {@link #start()}. Use it for {@code get/post/ws} handlers; the token check
   * already runs before every route.
   *
   * @param routes the registration
   */
  public synchronized void addRoutes(Consumer<Javalin> routes) {
    if (started) {
      routes.accept(app);
    } else {
      pending.add(routes);
    }
  }

  /**
   * Registers the pending routes and starts listening.
   *
   * @return this
   * @throws IllegalStateException if the port cannot be bound
   */
  public synchronized RestServer start() {
    if (started) {
      return this;
    }
    for (Consumer<Javalin> r : pending) {
      r.accept(app);
    }
    pending.clear();
    try {
      app.start(bind, requestedPort);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen for HTTP on " + bind + ":" + requestedPort + ": " + e.getMessage(), e);
    }
    started = true;
    LOG.info("HTTP (REST, metrics) on {}:{}", bind, port());
    return this;
  }

  /**
   * The bound port.
   *
   * @return the port, or -1 before start
   */
  public int port() {
    return started ? app.port() : -1;
  }

  @Override
  public synchronized void close() {
    if (started) {
      app.stop();
      started = false;
    }
  }
}
