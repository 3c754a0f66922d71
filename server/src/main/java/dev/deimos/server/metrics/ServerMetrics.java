package dev.deimos.server.metrics;

import dev.deimos.impl.runtime.EngineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The server's telemetry: a Micrometer registry fed by the engine (through {@link EngineMetrics})
 * and by the request handlers, scraped in Prometheus' text format at {@code GET /metrics}.
 *
 * <p>Meters (Prometheus names): {@code deimos_depot_appends_total}, {@code
 * deimos_depot_append_bytes_total}, {@code deimos_depot_records} (gauge) per module and depot;
 * {@code deimos_topology_records_processed_total}, {@code deimos_topology_record_retries_total},
 * {@code deimos_topology_record_failures_total} and the histogram {@code
 * deimos_topology_record_latency_seconds} per stream topology; {@code
 * deimos_microbatch_attempts_total} (by outcome), {@code deimos_microbatch_records_total} and the
 * histogram {@code deimos_microbatch_duration_seconds} per microbatch topology; {@code
 * deimos_pstate_writes_total} per PState; the histogram {@code deimos_client_requests_seconds} by
 * protocol, operation and outcome; and the JVM's memory, GC, threads, CPU and uptime.
 */
public final class ServerMetrics implements EngineMetrics, AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // depot gauges read through these, so a module update re-points them at the new depot log
  private final Map<String, AtomicReference<LongSupplier>> depotSizes = new ConcurrentHashMap<>();
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** Creates the registry with the JVM's meters bound. */
  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** Stops listening to GC notifications and closes the registry. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  /**
   * The registry, for parts of the server that add meters of their own.
   *
   * @return the registry
   */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Every meter in Prometheus' text exposition format.
   *
   * @return the scrape
   */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public DepotMeter depot(String module, String depot, LongSupplier records) {
    Tags tags = Tags.of("module", module, "depot", depot);
    String key = module + '\u0000' + depot;
    AtomicReference<LongSupplier> ref =
        depotSizes.computeIfAbsent(
            key,
            k -> {
              AtomicReference<LongSupplier> r = new AtomicReference<>(records);
              Gauge.builder("deimos.depot.records", r, x -> x.get().getAsLong())
                  .tags(tags)
                  .description("records in the depot, over all partitions")
                  .register(registry);
              return r;
            });
    ref.set(records);
    Counter appends =
        Counter.builder("deimos.depot.appends")
            .tags(tags)
            .description("records appended (clients and topologies)")
            .register(registry);
    Counter bytes =
        Counter.builder("deimos.depot.append.bytes")
            .tags(tags)
            .description("serialized bytes appended")
            .baseUnit("bytes")
            .register(registry);
    return new DepotMeter() {
      @Override
      public void appended(int n) {
        appends.increment();
        bytes.increment(n);
      }
    };
  }

  @Override
  public TopologyMeter topology(String module, String topology, String kind) {
    Tags tags = Tags.of("module", module, "topology", topology);
    if (kind.equals("microbatch")) {
      Counter ok =
          Counter.builder("deimos.microbatch.attempts")
              .tags(tags.and("outcome", "committed"))
              .description("microbatch attempts by outcome")
              .register(registry);
      Counter failed =
          Counter.builder("deimos.microbatch.attempts")
              .tags(tags.and("outcome", "failed"))
              .description("microbatch attempts by outcome")
              .register(registry);
      Counter records =
          Counter.builder("deimos.microbatch.records")
              .tags(tags)
              .description("depot records processed by committed microbatches")
              .register(registry);
      Timer duration =
          Timer.builder("deimos.microbatch.duration")
              .tags(tags)
              .description("how long microbatch attempts ran")
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofMinutes(2))
              .register(registry);
      return new TopologyMeter() {
        @Override
        public void microbatchAttempt(boolean committed, long n, long nanos) {
          (committed ? ok : failed).increment();
          if (committed) {
            records.increment(n);
          }
          duration.record(nanos, TimeUnit.NANOSECONDS);
        }
      };
    }
    Counter processed =
        Counter.builder("deimos.topology.records.processed")
            .tags(tags)
            .description("stream records processed successfully")
            .register(registry);
    Counter retries =
        Counter.builder("deimos.topology.record.retries")
            .tags(tags)
            .description("stream record attempts that failed and were retried")
            .register(registry);
    Counter failures =
        Counter.builder("deimos.topology.record.failures")
            .tags(tags)
            .description("stream records that failed for good")
            .register(registry);
    Timer latency =
        Timer.builder("deimos.topology.record.latency")
            .tags(tags)
            .description("append to end of processing of stream records")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    return new TopologyMeter() {
      @Override
      public void recordProcessed(long nanos) {
        processed.increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public void recordRetried() {
        retries.increment();
      }

      @Override
      public void recordFailed() {
        failures.increment();
      }
    };
  }

  @Override
  public PStateMeter pstate(String module, String pstate) {
    Counter writes =
        Counter.builder("deimos.pstate.writes")
            .tags("module", module, "pstate", pstate)
            .description("transforms applied to the PState's partitions")
            .register(registry);
    return new PStateMeter() {
      @Override
      public void written() {
        writes.increment();
      }
    };
  }

  /**
   * The timer of one kind of client request.
   *
   * @param protocol {@code rest} or {@code binary}
   * @param op the operation (append, select, ...)
   * @param outcome {@code ok} or an error kind / HTTP status
   * @return the timer
   */
  public Timer requests(String protocol, String op, String outcome) {
    String key = protocol + ' ' + op + ' ' + outcome;
    Timer t = requestTimers.get(key);
    if (t == null) {
      t =
          requestTimers.computeIfAbsent(
              key,
              k ->
                  Timer.builder("deimos.client.requests")
                      .tags("protocol", protocol, "op", op, "outcome", outcome)
                      .description("client requests answered, by protocol, operation and outcome")
                      .publishPercentileHistogram()
                      .minimumExpectedValue(Duration.ofNanos(10_000))
                      .maximumExpectedValue(Duration.ofSeconds(60))
                      .register(registry));
    }
    return t;
  }

  /**
   * Removes a destroyed module's meters.
   *
   * @param module the module name
   */
  public void removeModule(String module) {
    for (Meter m : registry.getMeters()) {
      if (module.equals(m.getId().getTag("module"))) {
        registry.remove(m);
      }
    }
    depotSizes.keySet().removeIf(k -> k.startsWith(module + '\u0000'));
  }
}
