package dev.deimos.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deimos.AckLevel;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.PathException;
import dev.deimos.QueryTopologyClient;
import dev.deimos.SchemaViolationException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST routes, in Rama's URL layout: {@code POST /rest/<module>/depot/<*depot>/append}, {@code
 * /rest/<module>/pstate/<$$p>/select} and {@code /selectOne}, {@code
 * /rest/<module>/query/<name>/invoke}. Answers are JSON; errors are {@code {"error": ...}} with 400
 * (bad JSON, path or value), 404 (unknown module or object), 503 (module updating), 500 (the
 * module's code failed).
 */
public final class RestApi {
  private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

  /** Observes each REST request: its endpoint kind, status and duration. */
  public interface Observer {
    /**
     * Called once per answered request.
     *
     * @param endpoint append, select, selectOne or invoke
     * @param status the HTTP status
     * @param nanos time from receipt to answer
     */
    void answered(String endpoint, int status, long nanos);
  }

  private final RestBackend backend;
  private final Observer observer;

  /**
   * Creates the routes' handler.
   *
   * @param backend the server
   * @param observer told of every request (metrics), or null
   */
  public RestApi(RestBackend backend, Observer observer) {
    this.backend = backend;
    this.observer = observer == null ? (e, s, n) -> {} : observer;
  }

  /**
   * Registers the routes.
   *
   * @param app the Javalin instance
   */
  public void register(Javalin app) {
    app.post("/rest/{module}/depot/{depot}/append", ctx -> handle(ctx, "append", this::append));
    app.post(
        "/rest/{module}/pstate/{pstate}/select",
        ctx -> handle(ctx, "select", c -> select(c, false)));
    app.post(
        "/rest/{module}/pstate/{pstate}/selectOne",
        ctx -> handle(ctx, "selectOne", c -> select(c, true)));
    app.post("/rest/{module}/query/{query}/invoke", ctx -> handle(ctx, "invoke", this::invoke));
  }

  /**
   * The navigator names JSON paths may use, sorted.
   *
   * @return the names
   */
  public static List<String> navigatorNames() {
    return RestPaths.names();
  }

  private void handle(Context ctx, String endpoint, Function<Context, CompletableFuture<?>> work) {
    long t0 = System.nanoTime();
    CompletableFuture<?> f;
    try {
      f = work.apply(ctx);
    } catch (RuntimeException e) {
      fail(ctx, endpoint, t0, e);
      return;
    }
    CompletableFuture<Void> done =
        f.handle(
            (r, e) -> {
              if (e != null) {
                fail(ctx, endpoint, t0, e);
              } else {
                try {
                  byte[] out = RestJson.write(r);
                  ctx.status(200).contentType("application/json").result(out);
                  observer.answered(endpoint, 200, System.nanoTime() - t0);
                } catch (RuntimeException ex) {
                  fail(ctx, endpoint, t0, ex);
                }
              }
              return null;
            });
    ctx.future(() -> done);
  }

  private void fail(Context ctx, String endpoint, long t0, Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    int status;
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    Throwable schema = e;
    while (schema != null && !(schema instanceof SchemaViolationException)) {
      schema = schema.getCause();
    }
    if (schema != null && !(e instanceof RestException)) {
      // a value the module's schema refuses, however deep in the failure it was found
      status = 400;
      msg = schema.getMessage();
    } else if (e instanceof RestException) {
      status = ((RestException) e).status;
    } else if (e instanceof io.javalin.http.HttpResponseException) {
      // Javalin's own refusals, e.g. 413 for a body over the limit
      status = ((io.javalin.http.HttpResponseException) e).getStatus();
    } else if (e instanceof SchemaViolationException || e instanceof PathException) {
      status = 400;
    } else if (e instanceof IllegalArgumentException || e instanceof ClassCastException) {
      status = 400;
    } else if (e instanceof TimeoutException) {
      status = 504;
      msg = "timed out: " + msg;
    } else {
      status = 500;
      msg = e.getClass().getName() + ": " + msg;
      LOG.debug("REST {} failed", endpoint, e);
    }
    RestErrors.write(ctx, status, msg);
    observer.answered(endpoint, status, System.nanoTime() - t0);
  }

  private String module(Context ctx) {
    String m = ctx.pathParam("module");
    if (!backend.hasModule(m)) {
      throw new RestException(404, "module " + m + " is not deployed");
    }
    if (backend.isUpdating(m)) {
      throw new RestException(503, "module " + m + " is being updated; retry shortly");
    }
    return m;
  }

  private static <T> T lookup(Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new RestException(404, e.getMessage());
    }
  }

  private CompletableFuture<?> append(Context ctx) {
    String m = module(ctx);
    String name = ctx.pathParam("depot");
    Depot d = lookup(() -> backend.depot(m, name));
    JsonNode body = RestJson.parse(ctx.bodyAsBytes());
    if (!body.isObject()) {
      throw new RestException(
          400, "an append body is {\"data\": ..., \"ackLevel\": ...}, got " + body.getNodeType());
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("data") && !k.equals("ackLevel")) {
        throw new RestException(
            400, "unknown field \"" + k + "\" in append body (known: data, ackLevel)");
      }
    }
    if (!body.has("data")) {
      throw new RestException(400, "append body has no \"data\"");
    }
    AckLevel level = AckLevel.ACK;
    JsonNode al = body.get("ackLevel");
    if (al != null && !al.isNull()) {
      String s = al.isTextual() ? al.textValue() : al.toString();
      switch (s) {
        case "ack":
          level = AckLevel.ACK;
          break;
        case "appendAck":
          level = AckLevel.APPEND_ACK;
          break;
        case "none":
          level = AckLevel.NONE;
          break;
        default:
          throw new RestException(
              400, "unknown ackLevel " + s + " (known: \"ack\", \"appendAck\", \"none\")");
      }
    }
    Object data;
    try {
      data = RestJson.toValue(body.get("data"), backend.classLoader(m));
    } catch (RestException e) {
      throw e.at("data");
    }
    CompletableFuture<Map<String, Object>> f = d.appendAsync(data, level);
    return f;
  }

  private CompletableFuture<?> select(Context ctx, boolean one) {
    String m = module(ctx);
    String name = ctx.pathParam("pstate");
    PState p = lookup(() -> backend.pstate(m, name));
    JsonNode body = RestJson.parse(ctx.bodyAsBytes());
    RestPaths.Parsed path = RestPaths.parse(body, backend.classLoader(m));
    CompletableFuture<List<Object>> all =
        path.keyGiven() ? p.selectAsync(path.pkey(), path.path()) : p.selectAsync(path.path());
    if (!one) {
      return all;
    }
    return all.thenApply(
        l -> {
          if (l.size() != 1) {
            throw new RestException(
                400, "selectOne on PState " + name + " reached " + l.size() + " values, not one");
          }
          return l.get(0);
        });
  }

  private CompletableFuture<?> invoke(Context ctx) {
    String m = module(ctx);
    String name = ctx.pathParam("query");
    QueryTopologyClient<Object> q = lookup(() -> backend.query(m, name));
    JsonNode body = RestJson.parse(ctx.bodyAsBytes());
    if (!body.isArray()) {
      throw new RestException(400, "query arguments are a JSON list, got " + body.getNodeType());
    }
    Object args;
    try {
      args = RestJson.toValue(body, backend.classLoader(m));
    } catch (RestException e) {
      throw e.at("arguments");
    }
    return q.invokeAsync(((List<?>) args).toArray());
  }
}
