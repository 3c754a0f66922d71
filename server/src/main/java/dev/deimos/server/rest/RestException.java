package dev.deimos.server.rest;

/** A request the REST API refuses: the HTTP status and a message naming what was wrong. */
final class RestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;

  RestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The same refusal with a location prefix, e.g. {@code at data.users[2]: ...}. */
  RestException at(String where) {
    String m = getMessage();
    if (m.startsWith("at ")) {
      int colon = m.indexOf(": ");
      String inner = m.substring(3, colon);
      String joined = inner.startsWith("[") ? where + inner : where + "." + inner;
      return new RestException(status, "at " + joined + m.substring(colon));
    }
    return new RestException(status, "at " + where + ": " + m);
  }
}
