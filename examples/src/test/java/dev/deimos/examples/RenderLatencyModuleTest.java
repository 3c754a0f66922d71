package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.examples.RenderLatencyModule.LatencyStats;
import dev.deimos.examples.RenderLatencyModule.Render;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RenderLatencyModuleTest {
  private static final String NAME = RenderLatencyModule.class.getName();
  private static final long MINUTE = RenderLatencyModule.MINUTE;
  private static final long HOUR = RenderLatencyModule.HOUR;
  private static final long DAY = RenderLatencyModule.DAY;

  private static LatencyStats expected(List<Render> renders, String url, long start, long end) {
    LatencyStats s = LatencyStats.EMPTY;
    long from = Math.floorDiv(start, MINUTE) * MINUTE;
    long to = Math.floorDiv(end, MINUTE) * MINUTE;
    for (Render r : renders) {
      if (r.url().equals(url) && r.timestampMillis() >= from && r.timestampMillis() < to) {
        s = s.merge(LatencyStats.of(r.renderMillis()));
      }
    }
    return s;
  }

  @Test
  void bucketRanges_spanOfDays_usesCoarsestBucketsAndCoversEachMinuteOnce() {
    long start = 2 * DAY + 22 * HOUR + 50 * MINUTE;
    long end = 5 * DAY + 1 * HOUR + 3 * MINUTE + 59_999;
    List<List<Object>> ranges = RenderLatencyModule.bucketRanges(start, end);
    assertThat(ranges)
        .containsExactlyInAnyOrder(
            List.of("day", 3L, 5L),
            List.of("hour", 2 * 24 + 23L, 3 * 24L),
            List.of(
                "minute",
                (2 * DAY + 22 * HOUR + 50 * MINUTE) / MINUTE,
                (2 * DAY + 23 * HOUR) / MINUTE),
            List.of("hour", 5 * 24L, 5 * 24 + 1L),
            List.of("minute", (5 * DAY + HOUR) / MINUTE, (5 * DAY + HOUR + 3 * MINUTE) / MINUTE));
    // within one hour only minute buckets are used; an empty range has none
    assertThat(RenderLatencyModule.bucketRanges(10 * MINUTE, 20 * MINUTE))
        .containsExactly(List.of("minute", 10L, 20L));
    assertThat(RenderLatencyModule.bucketRanges(10 * MINUTE, 10 * MINUTE + 59_000)).isEmpty();
  }

  @Test
  void latencyStats_rangesOverThreeDays_equalBruteForceOverRawMeasurements() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new RenderLatencyModule(), new LaunchConfig(4, 2));
      Depot renders = cluster.clusterDepot(NAME, "*renders");
      Random random = new Random(11);
      List<Render> all = new ArrayList<>();
      List<CompletableFuture<Map<String, Object>>> acks = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        String url = random.nextBoolean() ? "/home" : "/search";
        Render r = new Render(url, 5 + random.nextInt(500), (long) (random.nextDouble() * 3 * DAY));
        all.add(r);
        acks.add(renders.appendAsync(r));
      }
      for (CompletableFuture<Map<String, Object>> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
      QueryTopologyClient<LatencyStats> stats = cluster.clusterQuery(NAME, "latencyStats");
      long[][] ranges = {
        {0, 3 * DAY},
        {DAY, 2 * DAY},
        {5 * HOUR + 17 * MINUTE, 2 * DAY + 3 * HOUR + 42 * MINUTE + 30_000},
        {13 * MINUTE, 14 * MINUTE},
        {DAY - MINUTE, DAY + MINUTE},
        {2 * DAY, 2 * DAY},
      };
      for (long[] range : ranges) {
        for (String url : List.of("/home", "/search", "/nothing")) {
          LatencyStats got = stats.invoke(url, range[0], range[1]);
          assertThat(got)
              .as(url + " " + range[0] + ".." + range[1])
              .isEqualTo(expected(all, url, range[0], range[1]));
        }
      }
      assertThat(stats.invoke("/home", 0L, 3 * DAY).count()).isGreaterThan(200);

      // the minute bucket of one measurement holds exactly it, with the others of that minute
      Render first = all.get(0);
      PState windows = cluster.clusterPState(NAME, "$$windowStats");
      LatencyStats minute =
          windows.selectOne(Path.key(first.url(), "minute", first.timestampMillis() / MINUTE));
      long m = first.timestampMillis() / MINUTE * MINUTE;
      assertThat(minute).isEqualTo(expected(all, first.url(), m, m + MINUTE));
    }
  }
}
