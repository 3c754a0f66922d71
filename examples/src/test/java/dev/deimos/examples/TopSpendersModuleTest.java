package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.examples.TopSpendersModule.Purchase;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopSpendersModuleTest {
  private static final String NAME = TopSpendersModule.class.getName();

  private static List<Object> leaders(InProcessCluster cluster) {
    return cluster.clusterPState(NAME, "$$topSpenders").selectOne(Path.stay());
  }

  @Test
  void purchases_topThreeFollowTotals() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TopSpendersModule(), new LaunchConfig(4, 2));
      Depot purchases = cluster.clusterDepot(NAME, "*purchases");

      purchases.append(new Purchase("alice", 50));
      purchases.append(new Purchase("bob", 70));
      cluster.waitForMicrobatchProcessedCount(NAME, "spend", 2);
      assertThat(leaders(cluster)).containsExactly(List.of("bob", 70L), List.of("alice", 50L));

      purchases.append(new Purchase("carol", 10));
      purchases.append(new Purchase("dave", 60));
      purchases.append(new Purchase("alice", 40));
      cluster.waitForMicrobatchProcessedCount(NAME, "spend", 5);
      // alice 90, bob 70, dave 60, carol 10
      assertThat(leaders(cluster))
          .containsExactly(List.of("alice", 90L), List.of("bob", 70L), List.of("dave", 60L));

      purchases.append(new Purchase("carol", 100));
      cluster.waitForMicrobatchProcessedCount(NAME, "spend", 6);
      assertThat(leaders(cluster))
          .containsExactly(List.of("carol", 110L), List.of("alice", 90L), List.of("bob", 70L));
      PState userSpend = cluster.clusterPState(NAME, "$$userSpend");
      assertThat((Long) userSpend.selectOne(Path.key("dave"))).isEqualTo(60L);
    }
  }

  @Test
  void purchases_manyBuyersInFewMicrobatches_leaderboardMatchesExactTotals() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TopSpendersModule(), new LaunchConfig(8, 2));
      Depot purchases = cluster.clusterDepot(NAME, "*purchases");
      // user i buys i + 1 times for 10 * (i + 1) each: totals 10, 40, 90, ... all distinct
      List<Purchase> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        for (int k = 0; k <= i; k++) {
          all.add(new Purchase("user" + i, 10L * (i + 1)));
        }
      }
      Collections.shuffle(all, new Random(7));
      // half while paused (one big microbatch), the rest as the topology runs
      cluster.pauseMicrobatchTopology(NAME, "spend");
      for (Purchase p : all.subList(0, all.size() / 2)) {
        purchases.append(p);
      }
      cluster.resumeMicrobatchTopology(NAME, "spend");
      for (Purchase p : all.subList(all.size() / 2, all.size())) {
        purchases.append(p);
      }
      cluster.waitForMicrobatchProcessedCount(NAME, "spend", all.size());
      assertThat(leaders(cluster))
          .containsExactly(
              List.of("user19", 4000L), List.of("user18", 3610L), List.of("user17", 3240L));
      PState userSpend = cluster.clusterPState(NAME, "$$userSpend");
      for (int i = 0; i < 20; i++) {
        assertThat((Long) userSpend.selectOne(Path.key("user" + i)))
            .isEqualTo(10L * (i + 1) * (i + 1));
      }
    }
  }
}
