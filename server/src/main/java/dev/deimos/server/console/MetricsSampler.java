package dev.deimos.server.console;

import dev.deimos.impl.runtime.LatencyHistogram;
import dev.deimos.impl.runtime.ModuleView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every module's view at a fixed period into the {@link TimeSeries}: per depot the append
 * rate; per topology the records (or invocations) per second, the p50 and p99 latency of what
 * finished during the period (from the difference of two histogram snapshots), failures per second,
 * and for a microbatch topology the records it is behind its depots. Rates come from the counters'
 * differences, so a sample costs one view per module and nothing on the record path.
 *
 * <p>Metric names: {@code <module>|depot|<depot>|rate}, {@code <module>|topology|<name>|rate},
 * {@code ...|p50}, {@code ...|p99}, {@code ...|failures}, {@code ...|behind}.
 */
public final class MetricsSampler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsSampler.class);

  /** The default period: 5 s. */
  public static final long DEFAULT_PERIOD_MILLIS = 5_000;

  private final ConsoleBackend backend;
  private final TimeSeries series;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "deimos-console-sampler");
            t.setDaemon(true);
            return t;
          });
  // the previous sample's counters, by metric name (sampler thread only)
  private final Map<String, Long> lastCounts = new HashMap<>();
  private final Map<String, long[]> lastLatency = new HashMap<>();
  private long lastAt;

  /**
   * Starts sampling.
   *
   * @param backend the server
   * @param series where the points go
   * @param periodMillis the period
   */
  public MetricsSampler(ConsoleBackend backend, TimeSeries series, long periodMillis) {
    this.backend = backend;
    this.series = series;
    timer.scheduleAtFixedRate(this::sampleSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void sampleSafely() {
    try {
      sample(System.currentTimeMillis());
    } catch (RuntimeException e) {
      LOG.debug("console sample failed: {}", e.toString());
    }
  }

  /** One sample of every module at {@code now}. */
  void sample(long now) {
    double secs = lastAt == 0 ? 0 : (now - lastAt) / 1000.0;
    for (String m : backend.cluster().getDeployedModuleNames()) {
      ModuleView v;
      try {
        v = backend.cluster().moduleView(m);
      } catch (RuntimeException e) {
        continue; // destroyed meanwhile
      }
      for (ModuleView.DepotView d : v.depots()) {
        rate(m + "|depot|" + d.name() + "|rate", d.appends(), now, secs);
      }
      for (ModuleView.TopologyView t : v.topologies()) {
        String k = m + "|topology|" + t.name() + "|";
        rate(k + "rate", t.processed(), now, secs);
        rate(k + "failures", t.failures(), now, secs);
        long[] prev = lastLatency.put(k, t.latency());
        if (prev != null) {
          long[] d = LatencyHistogram.minus(t.latency(), prev);
          long p50 = LatencyHistogram.quantile(d, 0.5);
          long p99 = LatencyHistogram.quantile(d, 0.99);
          series.add(k + "p50", now, p50 < 0 ? 0 : p50 / 1e6);
          series.add(k + "p99", now, p99 < 0 ? 0 : p99 / 1e6);
        }
        if (t.type().equals("microbatch")) {
          long behind = 0;
          for (ModuleView.SourceProgress p : t.progress()) {
            behind += p.behind();
          }
          series.add(k + "behind", now, behind);
        }
      }
    }
    lastAt = now;
  }

  private void rate(String metric, long count, long now, double secs) {
    Long prev = lastCounts.put(metric, count);
    if (prev != null && secs > 0) {
      series.add(metric, now, Math.max(0, count - prev) / secs);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
