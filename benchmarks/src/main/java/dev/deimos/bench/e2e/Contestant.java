package dev.deimos.bench.e2e;

/**
 * One engine in the end-to-end comparison. The harness calls {@link #setUp} once, then {@link #run}
 * for each warm-up and measured run, then {@link #tearDown}. Each run counts the workload's words
 * from scratch (fresh topics, jobs or state) and returns once every final count is visible to a
 * reader, checked against the expected counts.
 */
public interface Contestant {

  /** Short name for the result table. */
  String name();

  /** One line saying what a run's clock and CPU figures cover, printed under the table. */
  String measures();

  /** Starts long-lived infrastructure (brokers, clusters) outside the timed region. */
  void setUp(Workload workload) throws Exception;

  /** Runs the workload once and measures it; throws if the final counts are wrong. */
  RunResult run(Workload workload, int runIndex) throws Exception;

  /** Stops everything {@link #setUp} started; must be safe after a failed set-up. */
  void tearDown() throws Exception;

  /** What one run measured. */
  final class RunResult {
    final double seconds;
    final double cpuSeconds;
    final long records;

    RunResult(double seconds, double cpuSeconds, long records) {
      this.seconds = seconds;
      this.cpuSeconds = cpuSeconds;
      this.records = records;
    }

    double recordsPerSecond() {
      return records / seconds;
    }

    double cpuSecondsPerMillion() {
      return cpuSeconds * 1_000_000.0 / records;
    }
  }
}
