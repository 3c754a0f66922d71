package dev.deimos.ops;

/**
 * Receives what a {@code DeimosOperation} emits.
 *
 * <p>Each emit runs the code attached after the operation before it returns. An operation may emit
 * any number of times, to the default stream or to named streams bound with {@code outStream}.
 */
public interface OutputCollector {
  /**
   * Emits values to the default output stream.
   *
   * @param values one value for each var the caller binds with {@code out}
   */
  void emit(Object... values);

  /**
   * Emits values to a named output stream.
   *
   * @param stream the stream name, as bound with {@code outStream}
   * @param values one value for each var bound on that stream
   */
  void emitStream(String stream, Object... values);
}
