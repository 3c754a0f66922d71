package dev.deimos.bench.e2e;

/**
 * Placeholder for the Deimos contestant: a word-count module on the Deimos runtime (depot append,
 * stream topology, map PState, query through a PState client). The runtime is being built on
 * another branch; until it is merged, {@link #setUp} throws and the harness skips this row.
 */
public final class DeimosWordCount implements Contestant {

  @Override
  public String name() {
    return "Deimos";
  }

  @Override
  public String measures() {
    return "to come: depot appends until a PState query shows every final count";
  }

  @Override
  public void setUp(Workload workload) {
    throw new UnsupportedOperationException("runtime not merged yet");
  }

  @Override
  public RunResult run(Workload workload, int runIndex) {
    throw new UnsupportedOperationException("runtime not merged yet");
  }

  @Override
  public void tearDown() {}
}
