package dev.deimos.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's metric history: one ring buffer per metric, a point per sample (every 5 s by
 * default), {@link #POINTS} points each, so the last hour at 5 s resolution costs about 11 KB per
 * metric and nothing grows. Metrics are named by strings such as {@code
 * module|topology|wordCount|rate}. Thread-safe: one sampler writes, any thread reads.
 */
public final class TimeSeries {
  /** Points kept per metric: an hour at 5 s. */
  public static final int POINTS = 720;

  private final Map<String, Ring> series = new ConcurrentHashMap<>();
  private final int points;

  /** Creates a store keeping {@link #POINTS} points per metric. */
  public TimeSeries() {
    this(POINTS);
  }

  TimeSeries(int points) {
    this.points = points;
  }

  /**
   * Adds a point.
   *
   * @param metric the metric name
   * @param atMillis when it was sampled
   * @param value the value
   */
  public void add(String metric, long atMillis, double value) {
    series.computeIfAbsent(metric, k -> new Ring(points)).add(atMillis, value);
  }

  /**
   * Returns a metric's points, oldest first, as {@code [millis, value]} pairs.
   *
   * @param metric the metric name
   * @return the points (empty for an unknown metric)
   */
  public List<double[]> read(String metric) {
    Ring r = series.get(metric);
    return r == null ? List.of() : r.read();
  }

  /**
   * Returns the names of the metrics that start with {@code prefix}.
   *
   * @param prefix a name prefix
   * @return the names
   */
  public List<String> names(String prefix) {
    List<String> r = new ArrayList<>();
    for (String k : series.keySet()) {
      if (k.startsWith(prefix)) {
        r.add(k);
      }
    }
    r.sort(null);
    return r;
  }

  /** Drops the metrics starting with {@code prefix} (a destroyed module's). */
  void remove(String prefix) {
    series.keySet().removeIf(k -> k.startsWith(prefix));
  }

  /** A fixed ring of (time, value) points. */
  private static final class Ring {
    private final long[] times;
    private final double[] values;
    private int next;
    private int size;

    Ring(int n) {
      times = new long[n];
      values = new double[n];
    }

    synchronized void add(long t, double v) {
      times[next] = t;
      values[next] = v;
      next = (next + 1) % times.length;
      size = Math.min(size + 1, times.length);
    }

    synchronized List<double[]> read() {
      List<double[]> r = new ArrayList<>(size);
      int start = (next - size + times.length) % times.length;
      for (int i = 0; i < size; i++) {
        int j = (start + i) % times.length;
        r.add(new double[] {times[j], values[j]});
      }
      return r;
    }
  }
}
