package dev.deimos.bench;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import dev.deimos.ops.Ops;
import java.util.HashMap;
import java.util.Map;
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
 * The path engine against hand-written Java on the same nested HashMaps (issue 2's target: within
 * 3x). Each engine benchmark has its peer in the same class, so one run yields the ratios.
 *
 * <p>{@code transform} on plain values is copy-on-write (the input is never mutated), so its fair
 * peer is {@code handCopyOnWrite}; {@code handInPlace} shows what mutating in place would cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PathBenchmark {
  private static final Path SELECT3 = Path.key("user-7", "profile", "visits");
  private static final Path INCREMENT = Path.key("user-7", "profile", "visits").term(Ops.INC);

  private Map<String, Map<String, Map<String, Integer>>> data;

  /** Builds 100 users, each with a 10-field profile map. */
  @Setup
  public void setup() {
    data = new HashMap<>();
    for (int u = 0; u < 100; u++) {
      Map<String, Map<String, Integer>> user = new HashMap<>();
      Map<String, Integer> profile = new HashMap<>();
      for (int f = 0; f < 9; f++) {
        profile.put("field-" + f, f);
      }
      profile.put("visits", u);
      user.put("profile", profile);
      data.put("user-" + u, user);
    }
  }

  /** Engine: select one value three keys deep. */
  @Benchmark
  public Object selectOnePath() {
    return Paths.selectOne(SELECT3, data, Vars.NONE);
  }

  /** Peer: the same lookup with three {@code Map.get} calls. */
  @Benchmark
  public Object selectHandWritten() {
    return data.get("user-7").get("profile").get("visits");
  }

  /** Engine: increment a counter three keys deep, returning a new root. */
  @Benchmark
  public Object transformPath() {
    return Paths.transform(INCREMENT, data, Vars.NONE);
  }

  /** Peer: the same increment copying each map on the way down, as the engine must. */
  @Benchmark
  public Object handCopyOnWrite() {
    Map<String, Map<String, Map<String, Integer>>> root = new HashMap<>(data);
    Map<String, Map<String, Integer>> user = new HashMap<>(root.get("user-7"));
    Map<String, Integer> profile = new HashMap<>(user.get("profile"));
    profile.compute("visits", (k, v) -> v == null ? 1 : v + 1);
    user.put("profile", profile);
    root.put("user-7", user);
    return root;
  }

  /** Reference: the same increment mutating the maps in place with a compute chain. */
  @Benchmark
  public Object handInPlace() {
    return data.get("user-7").get("profile").compute("visits", (k, v) -> v == null ? 1 : v + 1);
  }
}
