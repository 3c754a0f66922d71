package dev.deimos.impl.path;

import dev.deimos.PathException;

/** Builds the {@link PathException}s the navigators throw, so each message names its step. */
final class PathErrors {
  private PathErrors() {}

  static PathException wrongShape(Node n, Object value, String expected) {
    return new PathException(
        n.where() + " cannot navigate into " + className(value) + ": expects " + expected);
  }

  static PathException at(Node n, String problem) {
    return new PathException(n.where() + " " + problem);
  }

  static String className(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
