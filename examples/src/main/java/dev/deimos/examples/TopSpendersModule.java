package dev.deimos.examples;

import dev.deimos.Agg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.helpers.TopologyUtils;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The users who spent the most, kept up to date in a global PState.
 *
 * <p>{@code *purchases} ({@link Purchase}, partitioned by user) adds each amount to the user's
 * total in {@code $$userSpend} on the user's task. The new total then goes to the single partition
 * of the global PState {@code $$topSpenders}, where {@code Agg.topMonotonic} keeps the best {@code
 * [userId, total]} pairs, one per user. Totals only grow, which is what "monotonic" asks.
 *
 * <p>Outside a batch, {@code topMonotonic} may keep a few more than {@link #TOP_N} pairs between
 * trims and does not sort them; the query {@code "topSpenders"} returns exactly the best {@link
 * #TOP_N}, highest first.
 */
public class TopSpendersModule implements DeimosModule {
  /** How many spenders the leaderboard keeps. */
  public static final int TOP_N = 3;

  /**
   * A purchase.
   *
   * @param userId the buyer
   * @param amount the price in cents
   */
  public record Purchase(String userId, long amount) implements Serializable {}

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*purchases", Depot.hashBy((Purchase p) -> p.userId()));
    StreamTopology spend = topologies.stream("spend");
    spend.pstate("$$userSpend", PState.mapSchema(String.class, Long.class));
    spend.pstate("$$topSpenders", List.class).global();
    spend
        .source("*purchases")
        .out("*purchase")
        .macro(TopologyUtils.extractJavaFields("*purchase", "*userId", "*amount"))
        .localTransform(
            "$$userSpend", Path.key("*userId").nullToVal(0L).term(Ops.PLUS_LONG, "*amount"))
        .localSelect("$$userSpend", Path.key("*userId"))
        .out("*total")
        .each(Ops.TUPLE, "*userId", "*total")
        .out("*entry")
        .globalPartition()
        .agg(
            "$$topSpenders",
            Agg.topMonotonic(TOP_N, "*entry").idFunction(Ops.FIRST).sortValFunction(Ops.LAST));

    topologies
        .query("topSpenders")
        .out("*top")
        .globalPartition()
        .localSelect("$$topSpenders", Path.stay())
        .out("*stored")
        .originPartition()
        .each(TopSpendersModule::best, "*stored")
        .out("*top");
  }

  /** The best {@link #TOP_N} {@code [userId, total]} pairs, highest total first. */
  static List<List<Object>> best(List<List<Object>> stored) {
    List<List<Object>> sorted = new ArrayList<>(stored == null ? List.of() : stored);
    sorted.sort(
        Comparator.comparing((List<Object> e) -> (Long) e.get(1))
            .reversed()
            .thenComparing(e -> (String) e.get(0)));
    return new ArrayList<>(sorted.subList(0, Math.min(TOP_N, sorted.size())));
  }
}
