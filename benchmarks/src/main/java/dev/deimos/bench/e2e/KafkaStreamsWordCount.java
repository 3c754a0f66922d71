package dev.deimos.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Kafka Streams word count: records are produced keyed by word to a two-partition input topic of a
 * broker in a child JVM; the app ({@code at_least_once}, two stream threads) counts them per key
 * into an in-memory store (changelogged, as by default). A run is timed from the first produced
 * record until an interactive query over the store sees counts summing to the record count; the
 * counts are then checked word by word. CPU covers this JVM (producer + app) and the broker.
 */
final class KafkaStreamsWordCount implements Contestant {
  private static final String STORE = "counts";

  private KafkaBroker broker;
  private final boolean exactlyOnce;

  /** A word count with {@code at_least_once}, or {@code exactly_once_v2} if {@code exactlyOnce}. */
  KafkaStreamsWordCount(boolean exactlyOnce) {
    this.exactlyOnce = exactlyOnce;
  }

  @Override
  public String name() {
    return "Kafka Streams 3.9 (KRaft broker, "
        + (exactlyOnce ? "exactly_once_v2" : "at_least_once")
        + ", in-memory store)";
  }

  @Override
  public String measures() {
    return "first produce until an interactive query sums to N (app started before the clock);"
        + " CPU = harness JVM + broker JVM";
  }

  @Override
  public void setUp(Workload workload) throws Exception {
    broker = KafkaBroker.start();
  }

  @Override
  public RunResult run(Workload workload, int runIndex) throws Exception {
    String input = "words-" + runIndex;
    String appId = "wordcount-" + runIndex;
    try (Admin admin = Admin.create(adminProps())) {
      admin
          .createTopics(List.of(new NewTopic(input, 2, (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
    Path stateDir = Files.createTempDirectory("deimos-bench-kstreams");
    KafkaStreams streams = new KafkaStreams(topology(input), streamsProps(appId, stateDir));
    try {
      streams.start();
      awaitRunning(streams);
      CpuMeter cpu = CpuMeter.start(List.of(broker.handle()));
      long t0 = System.nanoTime();
      produce(workload, input);
      awaitTotal(streams, workload.records);
      long t1 = System.nanoTime();
      double cpuSeconds = cpu.elapsedCpuSeconds();
      String bad = workload.mismatch(readAll(streams));
      if (bad != null) {
        throw new IllegalStateException("Kafka Streams counts wrong: " + bad);
      }
      return new RunResult((t1 - t0) / 1e9, cpuSeconds, workload.records);
    } finally {
      streams.close();
      streams.cleanUp();
      KafkaBroker.deleteRecursively(stateDir);
    }
  }

  private static org.apache.kafka.streams.Topology topology(String input) {
    StreamsBuilder b = new StreamsBuilder();
    b.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .count(
            Materialized.<String, Long>as(Stores.inMemoryKeyValueStore(STORE))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()));
    return b.build();
  }

  private void produce(Workload workload, String topic) {
    Properties p = new Properties();
    p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (long i = 0; i < workload.records; i++) {
        String w = workload.wordOf(i);
        producer.send(new ProducerRecord<>(topic, w, w));
      }
      producer.flush();
    }
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException("Kafka Streams not running: " + streams.state());
      }
      Thread.sleep(50);
    }
  }

  private static ReadOnlyKeyValueStore<String, Long> store(KafkaStreams streams) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
  }

  private static void awaitTotal(KafkaStreams streams, long records) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (true) {
      long sum = 0;
      try (KeyValueIterator<String, Long> it = store(streams).all()) {
        while (it.hasNext()) {
          sum += it.next().value;
        }
      } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
        sum = -1; // rebalancing; try again
      }
      if (sum == records) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("counts not visible after 600 s; sum " + sum);
      }
      Thread.sleep(100); // each check scans the whole store, which costs CPU the app needs
    }
  }

  private static Map<String, Long> readAll(KafkaStreams streams) {
    Map<String, Long> out = new HashMap<>();
    try (KeyValueIterator<String, Long> it = store(streams).all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        out.put(kv.key, kv.value);
      }
    }
    return out;
  }

  private Properties adminProps() {
    Properties p = new Properties();
    p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return p;
  }

  private Properties streamsProps(String appId, Path stateDir) {
    Properties p = new Properties();
    p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    p.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.setProperty(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
    p.setProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");
    p.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.setProperty(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    return p;
  }

  @Override
  public void tearDown() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }
}
