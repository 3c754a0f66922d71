package dev.deimos.server.rest;

import io.javalin.http.Context;

/** Error answers: a JSON object {@code {"error": message}} with a fitting status. */
final class RestErrors {
  private RestErrors() {}

  /** Set on a request whose error answer is written, so the status handlers leave it alone. */
  static final String WRITTEN = "deimos.error.written";

  static void write(Context ctx, int status, String message) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(RestJson.errorBody(message));
  }
}
