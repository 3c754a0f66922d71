package dev.deimos.bench;

/**
 * A noise-resistant companion to {@link DataflowBenchmark} for loaded machines: alternates short
 * batches of the engine and the hand-written peer in one JVM and reports the fastest batch of each,
 * so a preempted batch does not skew the ratio. Run with {@code java -cp target/benchmarks.jar
 * dev.deimos.bench.DataflowRatio [seconds]}.
 */
public final class DataflowRatio {
  private static final int CALLS_PER_BATCH = 20_000;
  private static final int WARMUP_BATCHES = 50;

  /** Receives every result; both benchmark methods also write fields, so nothing is folded. */
  static Object sink;

  private DataflowRatio() {}

  /**
   * Runs the comparison.
   *
   * @param args optional duration in seconds (default 20)
   */
  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
    DataflowBenchmark b = new DataflowBenchmark();
    b.setup();
    double minPlan = Double.MAX_VALUE;
    double minJava = Double.MAX_VALUE;
    int batches = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CALLS_PER_BATCH; i++) {
        sink = b.planTenSteps();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < CALLS_PER_BATCH; i++) {
        sink = b.javaTenSteps();
      }
      long t2 = System.nanoTime();
      if (++batches > WARMUP_BATCHES) {
        minPlan = Math.min(minPlan, (t1 - t0) / (double) CALLS_PER_BATCH);
        minJava = Math.min(minJava, (t2 - t1) / (double) CALLS_PER_BATCH);
      }
    }
    System.out.printf(
        "batches=%d planTenSteps=%.1f ns javaTenSteps=%.1f ns ratio=%.2f%n",
        batches, minPlan, minJava, minPlan / minJava);
  }
}
