package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.examples.TopSpendersModule.Purchase;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TopSpendersModuleTest {
  private static final String NAME = TopSpendersModule.class.getName();

  @Test
  void purchases_topThreeFollowTotals() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new TopSpendersModule(), new LaunchConfig(4, 2));
      Depot purchases = cluster.clusterDepot(NAME, "*purchases");
      QueryTopologyClient<List<Object>> top = cluster.clusterQuery(NAME, "topSpenders");
      assertThat(top.invoke()).isEmpty();

      purchases.append(new Purchase("alice", 50));
      purchases.append(new Purchase("bob", 70));
      assertThat(top.invoke()).containsExactly(List.of("bob", 70L), List.of("alice", 50L));

      purchases.append(new Purchase("carol", 10));
      purchases.append(new Purchase("dave", 60));
      purchases.append(new Purchase("alice", 40));
      // alice 90, bob 70, dave 60, carol 10
      assertThat(top.invoke())
          .containsExactly(List.of("alice", 90L), List.of("bob", 70L), List.of("dave", 60L));
      purchases.append(new Purchase("carol", 100));
      assertThat(top.invoke())
          .containsExactly(List.of("carol", 110L), List.of("alice", 90L), List.of("bob", 70L));

      PState userSpend = cluster.clusterPState(NAME, "$$userSpend");
      assertThat((Long) userSpend.selectOne(Path.key("dave"))).isEqualTo(60L);
      // the global PState holds each leader once with its latest total (maybe a few more users)
      List<List<Object>> stored =
          cluster.clusterPState(NAME, "$$topSpenders").selectOne(Path.stay());
      assertThat(stored)
          .contains(List.of("carol", 110L), List.of("alice", 90L), List.of("bob", 70L))
          .doesNotContain(List.of("carol", 10L), List.of("alice", 50L));
    }
  }

  @Test
  void purchases_manyConcurrentBuyers_leaderboardMatchesExactTotals() throws Exception {
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
      Collections.shuffle(all, new java.util.Random(7));
      List<CompletableFuture<Map<String, Object>>> acks = new ArrayList<>();
      for (Purchase p : all) {
        acks.add(purchases.appendAsync(p));
      }
      for (CompletableFuture<Map<String, Object>> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
      QueryTopologyClient<List<Object>> top = cluster.clusterQuery(NAME, "topSpenders");
      assertThat(top.invoke())
          .containsExactly(
              List.of("user19", 4000L), List.of("user18", 3610L), List.of("user17", 3240L));
    }
  }
}
