package dev.deimos.examples;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.helpers.TopologyUtils;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.Ops;
import java.io.Serializable;
import java.util.List;

/**
 * The users who spent the most, kept up to date in a global PState by a microbatch topology.
 *
 * <p>Each microbatch of {@code *purchases} ({@link Purchase}, partitioned by user) runs two batch
 * blocks. The first adds every purchase to the buyer's total in {@code $$userSpend}, on the buyer's
 * task. The second reads the new total of every buyer of the microbatch and feeds the {@code
 * [userId, total]} pairs to {@code Agg.topMonotonic} on the single partition of the global PState
 * {@code $$topSpenders}: each task first keeps its own best pairs, only those travel to task 0, and
 * the PState is written once per microbatch, sorted by total (highest first) and cut to {@link
 * #TOP_N}. Totals only grow, which is what "monotonic" asks.
 *
 * <p>A microbatch commits as a whole, so a purchase is counted exactly once even when a microbatch
 * fails and is retried.
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
    MicrobatchTopology spend = topologies.microbatch("spend");
    spend.pstate("$$userSpend", PState.mapSchema(String.class, Long.class));
    spend.pstate("$$topSpenders", List.class).global();
    spend
        .source("*purchases")
        .out("*microbatch")
        .batchBlock(
            Block.explodeMicrobatch("*microbatch")
                .out("*purchase")
                .macro(TopologyUtils.extractJavaFields("*purchase", "*userId", "*amount"))
                .hashPartition("*userId")
                .compoundAgg("$$userSpend", CompoundAgg.map("*userId", Agg.sum("*amount"))))
        .batchBlock(
            Block.explodeMicrobatch("*microbatch")
                .out("*purchase")
                .macro(TopologyUtils.extractJavaFields("*purchase", "*userId"))
                .hashPartition("*userId")
                .localSelect("$$userSpend", Path.key("*userId"))
                .out("*total")
                .each(Ops.TUPLE, "*userId", "*total")
                .out("*entry")
                .globalPartition()
                .agg(
                    "$$topSpenders",
                    Agg.topMonotonic(TOP_N, "*entry")
                        .idFunction(Ops.FIRST)
                        .sortValFunction(Ops.LAST)));
  }
}
