package dev.deimos.bench;

import dev.deimos.helpers.TopologyUtils;
import dev.deimos.helpers.TopologyUtils.ExtractJavaField;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a record's field in dataflow code: {@link ExtractJavaField} (cached getter handle)
 * against a plain field access and against uncached reflection ({@code getDeclaredField} + {@code
 * get} per call, what a naive helper would do).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtractJavaFieldBenchmark {

  /** A depot record with a private field, as module code typically has. */
  public static final class Event {
    public final String userId;
    private final long amount;

    Event(String userId, long amount) {
      this.userId = userId;
      this.amount = amount;
    }

    long amount() {
      return amount;
    }
  }

  private Event event;
  private final ExtractJavaField extract = new ExtractJavaField("amount");

  @Setup
  public void setup() {
    event = new Event("alice", 1_000_003L); // outside the Long cache: every read boxes
  }

  /** Helper: the cached-handle function used by {@code extractJavaFields}. */
  @Benchmark
  public Object extractJavaField() {
    return extract.invoke(event);
  }

  /** Helper: the by-name static read (class-value lookup + map lookup + handle call). */
  @Benchmark
  public Object getFieldByName() {
    return TopologyUtils.getFieldByName(event, "amount");
  }

  /** Peer: hand-written accessor call, boxed like a dataflow value. */
  @Benchmark
  public Object direct() {
    return event.amount();
  }

  /** Peer: reflection looked up on every call. */
  @Benchmark
  public Object uncachedReflection() throws ReflectiveOperationException {
    Field f = Event.class.getDeclaredField("amount");
    f.setAccessible(true);
    return f.get(event);
  }
}
