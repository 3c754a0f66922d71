package dev.deimos.test;

import dev.deimos.ops.OutputCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link OutputCollector} that records what an operation emits, for unit tests of {@code
 * DeimosOperationN} implementations and of the emitting {@code Ops} constants.
 *
 * <pre>{@code
 * MockOutputCollector out = new MockOutputCollector();
 * Ops.EXPLODE.invoke(List.of(1, 2), out);
 * assertEquals(List.of(List.of(1), List.of(2)), out.getEmitsByStream().get(null));
 * }</pre>
 *
 * <p>Not thread-safe: use one collector per operation call on one thread.
 */
public class MockOutputCollector implements OutputCollector {
  private final List<CapturedEmit> emits = new ArrayList<>();

  /** Creates a collector with no recorded emits. */
  public MockOutputCollector() {}

  @Override
  public void emit(Object... values) {
    emits.add(new CapturedEmit(null, Arrays.asList(values.clone())));
  }

  @Override
  public void emitStream(String stream, Object... values) {
    if (stream == null) {
      throw new IllegalArgumentException("emitStream needs a stream name; use emit for default");
    }
    emits.add(new CapturedEmit(stream, Arrays.asList(values.clone())));
  }

  /**
   * Returns every emit so far, in order, across all streams.
   *
   * @return an unmodifiable view of the recorded emits
   */
  public List<CapturedEmit> getEmits() {
    return Collections.unmodifiableList(emits);
  }

  /**
   * Groups the recorded emits by stream, keeping their order within each stream.
   *
   * @return a new map from stream name ({@code null} for the default stream) to the values of each
   *     emit on that stream
   */
  public Map<String, List<List<Object>>> getEmitsByStream() {
    Map<String, List<List<Object>>> byStream = new LinkedHashMap<>();
    for (CapturedEmit e : emits) {
      byStream.computeIfAbsent(e.getStreamName(), k -> new ArrayList<>()).add(e.getValues());
    }
    return byStream;
  }

  /** One recorded emit: the stream it went to and the values it carried. */
  public static final class CapturedEmit {
    private final String streamName;
    private final List<Object> values;

    /**
     * Records one emit.
     *
     * @param streamName the stream name, or null for the default stream
     * @param values the emitted values
     */
    public CapturedEmit(String streamName, List<Object> values) {
      this.streamName = streamName;
      this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Returns the stream the values were emitted to.
     *
     * @return the stream name, or null for the default stream
     */
    public String getStreamName() {
      return streamName;
    }

    /**
     * Returns the emitted values.
     *
     * @return an unmodifiable list, equal to any list with the same elements
     */
    public List<Object> getValues() {
      return values;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof CapturedEmit)) {
        return false;
      }
      CapturedEmit other = (CapturedEmit) o;
      return Objects.equals(streamName, other.streamName) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
      return Objects.hash(streamName, values);
    }

    @Override
    public String toString() {
      return "CapturedEmit[" + (streamName == null ? "default" : streamName) + " " + values + "]";
    }
  }
}
