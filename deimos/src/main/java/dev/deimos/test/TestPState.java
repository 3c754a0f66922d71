package dev.deimos.test;

import dev.deimos.PState;
import dev.deimos.Path;
import java.io.Closeable;
import java.util.List;

/**
 * A standalone PState held in memory, for trying out paths and schemas in unit tests without
 * launching a module.
 *
 * <pre>{@code
 * try (TestPState p = TestPState.create(PState.mapSchema(String.class, Long.class))) {
 *   p.transform(Path.key("alice").termVal(3L));
 *   assertEquals(3L, (Long) p.selectOne(Path.key("alice")));
 * }
 * }</pre>
 *
 * <p>Writes follow the same rules as in a module: every {@link #transform} is checked against the
 * schema first and throws {@link IllegalArgumentException} (naming the location) without changing
 * anything if the result does not fit; a write that passes is visible at once. Values returned by
 * reads are copies, so mutating them leaves the PState unchanged. Paths here run outside dataflow
 * code, so they must not refer to vars.
 *
 * <p>{@link #close()} keeps {@link Closeable}'s signature (it declares {@code IOException} but
 * never throws it); after closing, reads and writes throw {@link IllegalStateException}.
 *
 * <p>Thread-safe: reads may run while another thread writes; writes are applied one at a time.
 */
public interface TestPState extends Closeable {

  /**
   * Creates an empty PState with a structure schema.
   *
   * @param schema built with {@link PState#mapSchema}, {@link PState#setSchema}, {@link
   *     PState#fixedKeysSchema} and friends
   * @return the new PState
   * @throws IllegalArgumentException if the schema is not one a PState may declare
   */
  static TestPState create(PState.Schema schema) {
    return new MemoryTestPState(schema);
  }

  /**
   * Creates a PState holding a single value of the given class, initially null.
   *
   * @param schema the value's class
   * @return the new PState
   */
  static TestPState create(Class<?> schema) {
    return new MemoryTestPState(schema);
  }

  /**
   * Returns every value the path reaches.
   *
   * @param <T> the type of the values
   * @param path the path
   * @return a new list of copies of the values
   * @throws IllegalStateException if the PState is closed
   */
  <T> List<T> select(Path path);

  /**
   * Returns the one value the path reaches, or null if it reaches none.
   *
   * @param <T> the type of the value
   * @param path the path
   * @return a copy of the value, or null
   * @throws RuntimeException if the path reaches more than one value
   */
  <T> T selectOne(Path path);

  /**
   * Applies a path write and makes it visible at once.
   *
   * @param path a transform path, usually ending in a term navigator such as {@code termVal}
   * @throws IllegalArgumentException if the result does not fit the schema; nothing changes then
   */
  void transform(Path path);
}
