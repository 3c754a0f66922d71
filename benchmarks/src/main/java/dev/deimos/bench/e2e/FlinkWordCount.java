package dev.deimos.bench.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.util.Collector;

/**
 * Flink word count on a MiniCluster started once in {@link #setUp} (one task manager, two slots,
 * hashmap state backend, parallelism 2). The source is a bounded sequence mapped to words, keyed by
 * word into a running count held in keyed {@code ValueState}; every update goes to a sink that
 * keeps the latest count per word. A run is timed from job submission until the job has finished
 * (so the sink has seen every final count); the counts are then checked word by word. CPU covers
 * this JVM (the MiniCluster runs in it).
 */
final class FlinkWordCount implements Contestant {
  /** Latest count per word, written by the sink; one run at a time. */
  static final Map<String, Long> SINK = new ConcurrentHashMap<>();

  private static final int PARALLELISM = 2;
  private MiniCluster cluster;
  private java.nio.file.Path tmp;
  private final boolean checkpoints;

  /** A word count without checkpoints, or with exactly-once checkpoints every second. */
  FlinkWordCount(boolean checkpoints) {
    this.checkpoints = checkpoints;
  }

  @Override
  public String name() {
    return checkpoints
        ? "Flink 1.20 (MiniCluster, hashmap state, exactly-once checkpoints every 1 s)"
        : "Flink 1.20 (MiniCluster, hashmap state)";
  }

  @Override
  public String measures() {
    return "job submission until the job finished and its sink holds every final count"
        + " (MiniCluster started before the clock); CPU = harness JVM";
  }

  @Override
  public void setUp(Workload workload) throws Exception {
    tmp = java.nio.file.Files.createTempDirectory("deimos-bench-flink");
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, PARALLELISM);
    // Any free port for the REST endpoint, and scratch files in a dir we delete afterwards.
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(CoreOptions.TMP_DIRS, tmp.toString());
    conf.set(WebOptions.UPLOAD_DIR, tmp.resolve("web-upload").toString());
    cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(PARALLELISM)
                .build());
    cluster.start();
  }

  @Override
  public RunResult run(Workload workload, int runIndex) throws Exception {
    SINK.clear();
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    if (checkpoints) {
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, java.time.Duration.ofSeconds(1));
      conf.set(
          CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
          org.apache.flink.core.execution.CheckpointingMode.EXACTLY_ONCE);
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(
          CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          tmp.resolve("checkpoints-" + runIndex).toUri().toString());
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    int vocab = workload.vocabulary;
    env.fromSequence(0, workload.records - 1)
        .map(new ToWord(vocab))
        .returns(Types.STRING)
        .keyBy(new Identity())
        .process(new Count())
        .addSink(new LatestSink());
    JobGraph job = env.getStreamGraph().getJobGraph();

    CpuMeter cpu = CpuMeter.start(java.util.List.of());
    long t0 = System.nanoTime();
    cluster.executeJobBlocking(job);
    long t1 = System.nanoTime();
    double cpuSeconds = cpu.elapsedCpuSeconds();
    String bad = workload.mismatch(new HashMap<>(SINK));
    if (bad != null) {
      throw new IllegalStateException("Flink counts wrong: " + bad);
    }
    return new RunResult((t1 - t0) / 1e9, cpuSeconds, workload.records);
  }

  @Override
  public void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
    if (tmp != null) {
      KafkaBroker.deleteRecursively(tmp);
      tmp = null;
    }
  }

  static final class ToWord implements MapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    private final int vocab;

    ToWord(int vocab) {
      this.vocab = vocab;
    }

    @Override
    public String map(Long i) {
      return Workload.word(Workload.wordIndex(i, vocab));
    }
  }

  static final class Identity implements KeySelector<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(String w) {
      return w;
    }
  }

  static final class Count extends KeyedProcessFunction<String, String, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(String w, Context ctx, Collector<Tuple2<String, Long>> out)
        throws Exception {
      Long c = count.value();
      long n = c == null ? 1L : c + 1L;
      count.update(n);
      out.collect(Tuple2.of(w, n));
    }
  }

  @SuppressWarnings("deprecation")
  static final class LatestSink implements SinkFunction<Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(Tuple2<String, Long> v, Context ctx) {
      SINK.merge(v.f0, v.f1, Math::max);
    }
  }
}
