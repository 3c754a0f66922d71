package dev.deimos.examples;

import dev.deimos.Agg;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.helpers.TopologyUtils;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.Ops;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Time series of page render latencies, kept in minute, hour and day buckets, with a query that
 * aggregates any time range.
 *
 * <p>{@code *renders} ({@link Render}, partitioned by URL) adds every measurement to three buckets
 * of {@code $$windowStats}: {@code url -> granularity -> bucket -> LatencyStats}, where the bucket
 * of a timestamp is {@code timestampMillis / granularityMillis}. The buckets of one granularity are
 * a subindexed sorted map, so a range of buckets is one range read.
 *
 * <p>The query {@code "latencyStats"(url, startMillis, endMillis)} covers the range {@code [start,
 * end)} (rounded down to whole minutes) with as few buckets as possible: whole days inside it are
 * read from day buckets, whole hours from hour buckets, the rest from minute buckets, so a range of
 * 30 days reads at most about 30 + 2 * 23 + 2 * 59 buckets instead of 43 200.
 */
public class RenderLatencyModule implements DeimosModule {
  /** Bucket granularities, coarsest first, with their length in milliseconds. */
  static final List<String> GRANULARITIES = List.of("day", "hour", "minute");

  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  /**
   * One render measurement.
   *
   * @param url the page
   * @param renderMillis how long it took to render
   * @param timestampMillis when it was rendered (epoch millis)
   */
  public record Render(String url, long renderMillis, long timestampMillis)
      implements Serializable {}

  /**
   * Count, sum, minimum and maximum of latencies; {@link #EMPTY} when there are none.
   *
   * @param count number of measurements
   * @param total sum of latencies
   * @param min smallest latency ({@code Long.MAX_VALUE} when empty)
   * @param max largest latency ({@code Long.MIN_VALUE} when empty)
   */
  public record LatencyStats(long count, long total, long min, long max) implements Serializable {
    /** No measurement. */
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

    /** Statistics of a single measurement. */
    static LatencyStats of(long latency) {
      return new LatencyStats(1, latency, latency, latency);
    }

    /** Statistics of both sets of measurements together. */
    LatencyStats merge(LatencyStats o) {
      return new LatencyStats(
          count + o.count, total + o.total, Math.min(min, o.min), Math.max(max, o.max));
    }

    /** Mean latency, 0 when empty. */
    public double mean() {
      return count == 0 ? 0 : (double) total / count;
    }
  }

  /** Merges {@link LatencyStats}; a combiner, so partial merges may happen anywhere. */
  static final class StatsCombiner implements DeimosCombinerAgg<LatencyStats> {
    private static final long serialVersionUID = 1L;

    @Override
    public LatencyStats combine(LatencyStats curr, LatencyStats arg) {
      return curr.merge(arg);
    }

    @Override
    public LatencyStats zeroVal() {
      return LatencyStats.EMPTY;
    }
  }

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*renders", Depot.hashBy((Render r) -> r.url()));
    StreamTopology series = topologies.stream("renderLatency");
    series.pstate(
        "$$windowStats",
        PState.mapSchema(
            String.class,
            PState.mapSchema(
                String.class, PState.mapSchema(Long.class, LatencyStats.class).subindexed())));

    series
        .source("*renders")
        .out("*render")
        .macro(
            TopologyUtils.extractJavaFields("*render", "*url", "*renderMillis", "*timestampMillis"))
        .each(LatencyStats::of, "*renderMillis")
        .out("*stats")
        .each(Ops.EXPLODE, GRANULARITIES)
        .out("*granularity")
        .each(RenderLatencyModule::bucket, "*granularity", "*timestampMillis")
        .out("*bucket")
        .compoundAgg(
            "$$windowStats",
            CompoundAgg.map(
                "*url",
                CompoundAgg.map(
                    "*granularity",
                    CompoundAgg.map("*bucket", Agg.combiner(new StatsCombiner(), "*stats")))));

    topologies
        .query("latencyStats", "*url", "*startMillis", "*endMillis")
        .out("*result")
        .hashPartition("*url")
        .each(RenderLatencyModule::bucketRanges, "*startMillis", "*endMillis")
        .out("*ranges")
        .each(Ops.EXPLODE, "*ranges")
        .out("*range")
        .each(Ops.EXPAND, "*range")
        .out("*granularity", "*fromBucket", "*toBucket")
        .localSelect(
            "$$windowStats",
            Path.key("*url", "*granularity").sortedMapRange("*fromBucket", "*toBucket").mapVals())
        .out("*bucketStats")
        .originPartition()
        .agg(Agg.combiner(new StatsCombiner(), "*bucketStats"))
        .out("*result");
  }

  static long millisOf(String granularity) {
    switch (granularity) {
      case "day":
        return DAY;
      case "hour":
        return HOUR;
      case "minute":
        return MINUTE;
      default:
        throw new IllegalArgumentException(
            "RenderLatencyModule: unknown granularity " + granularity);
    }
  }

  static Long bucket(String granularity, Long timestampMillis) {
    return Math.floorDiv(timestampMillis, millisOf(granularity));
  }

  /**
   * Splits {@code [startMillis, endMillis)}, in whole minutes, into bucket ranges: a list of {@code
   * [granularity, fromBucket, toBucket)} triples that together cover every minute of the range
   * exactly once, using the coarsest buckets that fit.
   */
  static List<List<Object>> bucketRanges(Long startMillis, Long endMillis) {
    List<List<Object>> out = new ArrayList<>();
    long start = Math.floorDiv(startMillis, MINUTE) * MINUTE;
    long end = Math.floorDiv(endMillis, MINUTE) * MINUTE;
    split(start, end, 0, out);
    return out;
  }

  private static void split(long start, long end, int level, List<List<Object>> out) {
    if (start >= end) {
      return;
    }
    String granularity = GRANULARITIES.get(level);
    long size = millisOf(granularity);
    // the whole buckets of this granularity inside [start, end)
    long firstWhole = Math.floorDiv(start + size - 1, size);
    long endWhole = Math.floorDiv(end, size);
    if (level == GRANULARITIES.size() - 1 || firstWhole < endWhole) {
      if (firstWhole < endWhole) {
        out.add(List.of(granularity, firstWhole, endWhole));
      }
      if (level < GRANULARITIES.size() - 1) {
        split(start, firstWhole * size, level + 1, out);
        split(endWhole * size, end, level + 1, out);
      }
    } else {
      split(start, end, level + 1, out);
    }
  }
}
