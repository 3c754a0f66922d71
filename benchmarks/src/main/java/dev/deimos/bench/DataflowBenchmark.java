package dev.deimos.bench;

import dev.deimos.Block;
import dev.deimos.impl.dataflow.Compiler;
import dev.deimos.impl.dataflow.Plan;
import dev.deimos.ops.DeimosFunction1;
import java.util.ArrayList;
import java.util.List;
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
 * The dataflow executor against plain Java: a ten-step each/out chain (no partitioners) run from a
 * compiled {@link Plan}, and the same ten functions called one after another by hand. Both read
 * their input from and write their result to fields so neither can be folded away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataflowBenchmark {
  private static final int STEPS = 10;

  private List<DeimosFunction1<Long, Long>> fns;
  private Plan plan;
  private long input;
  private Object result;

  /** Builds the ten functions, the chain that calls them in order, and compiles it once. */
  @Setup
  public void setup() {
    fns = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      long k = i + 1;
      fns.add(x -> x * 3 + k);
    }
    Block.Impl b = Block.each(() -> input).out("*v0");
    for (int i = 0; i < STEPS; i++) {
      b = b.each(fns.get(i), "*v" + i).out("*v" + (i + 1));
    }
    b =
        b.each(
            (Long v) -> {
              result = v;
              return null;
            },
            "*v" + STEPS);
    plan = Compiler.compile(b);
  }

  /** Engine: run the compiled ten-step chain once. */
  @Benchmark
  public Object planTenSteps() {
    input++;
    plan.run();
    return result;
  }

  /** Hand-written peer: call the same ten functions directly. */
  @Benchmark
  public Object javaTenSteps() {
    input++;
    Long v = input;
    for (int i = 0; i < STEPS; i++) {
      v = fns.get(i).invoke(v);
    }
    result = v;
    return result;
  }
}
