package dev.deimos.server.rest;

import io.javalin.http.Context;

/** Error answers: a JSON object {@code {"error": message}} with a fitting status. */
final class RestErrors {
  private RestErrors() {}

  static void write(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(RestJson.errorBody(message));
  }
}
