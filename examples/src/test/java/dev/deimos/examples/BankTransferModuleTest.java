package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.examples.BankTransferModule.Deposit;
import dev.deimos.examples.BankTransferModule.Transfer;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BankTransferModuleTest {
  private static final String NAME = BankTransferModule.class.getName();

  private static Long balance(PState funds, String user) {
    return funds.selectOne(Path.key(user));
  }

  @Test
  void transfer_coveredAndOverdrawn_movesMoneyOnlyWhenCovered() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new BankTransferModule(), new LaunchConfig(4, 2));
      Depot deposits = cluster.clusterDepot(NAME, "*deposits");
      Depot transfers = cluster.clusterDepot(NAME, "*transfers");
      PState funds = cluster.clusterPState(NAME, "$$funds");
      deposits.append(new Deposit("alice", 100));
      deposits.append(new Deposit("bob", 50));
      deposits.append(new Deposit("alice", 20));
      // a non-positive deposit changes nothing
      deposits.append(new Deposit("bob", -5));
      assertThat(balance(funds, "alice")).isEqualTo(120L);
      assertThat(balance(funds, "bob")).isEqualTo(50L);

      assertThat(transfers.append(new Transfer("t1", "alice", "bob", 30)))
          .containsEntry("transfers", true);
      assertThat(balance(funds, "alice")).isEqualTo(90L);
      assertThat(balance(funds, "bob")).isEqualTo(80L);

      // bob has 80: 81 would overdraw, 80 exactly is allowed
      assertThat(transfers.append(new Transfer("t2", "bob", "carol", 81)))
          .containsEntry("transfers", false);
      assertThat(balance(funds, "bob")).isEqualTo(80L);
      assertThat(balance(funds, "carol")).isNull();
      assertThat(transfers.append(new Transfer("t3", "bob", "carol", 80)))
          .containsEntry("transfers", true);
      assertThat(balance(funds, "bob")).isEqualTo(0L);
      assertThat(balance(funds, "carol")).isEqualTo(80L);
      // an account nobody paid into has nothing to send; self transfers are refused
      assertThat(transfers.append(new Transfer("t4", "dave", "alice", 1)))
          .containsEntry("transfers", false);
      assertThat(transfers.append(new Transfer("t5", "alice", "alice", 1)))
          .containsEntry("transfers", false);
      assertThat(balance(funds, "alice")).isEqualTo(90L);

      PState outgoing = cluster.clusterPState(NAME, "$$outgoingTransfers");
      PState incoming = cluster.clusterPState(NAME, "$$incomingTransfers");
      Map<String, Object> bobOut = outgoing.selectOne(Path.key("bob"));
      assertThat(bobOut)
          .containsOnlyKeys("t2", "t3")
          .containsEntry("t2", Map.of("toUserId", "carol", "amount", 81L, "success", false))
          .containsEntry("t3", Map.of("toUserId", "carol", "amount", 80L, "success", true));
      Map<String, Object> carolIn = incoming.selectOne(Path.key("carol"));
      assertThat(carolIn).isEqualTo(Map.of("t3", Map.of("fromUserId", "bob", "amount", 80L)));
      Map<String, Object> bobIn = incoming.selectOne(Path.key("bob"));
      assertThat(bobIn).isEqualTo(Map.of("t1", Map.of("fromUserId", "alice", "amount", 30L)));
    }
  }

  @Test
  void transfer_manyConcurrentTransfers_moneyConservedNoOverdraftAndHistoriesMatchBalances()
      throws Exception {
    List<String> users = List.of("u0", "u1", "u2", "u3", "u4", "u5");
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new BankTransferModule(), new LaunchConfig(8, 2));
      Depot deposits = cluster.clusterDepot(NAME, "*deposits");
      Depot transfers = cluster.clusterDepot(NAME, "*transfers");
      for (String u : users) {
        deposits.append(new Deposit(u, 1_000));
      }
      Random random = new Random(42);
      List<CompletableFuture<Map<String, Object>>> acks = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String from = users.get(random.nextInt(users.size()));
        String to = users.get(random.nextInt(users.size()));
        acks.add(transfers.appendAsync(new Transfer("t" + i, from, to, 1 + random.nextInt(400))));
      }
      int succeeded = 0;
      for (CompletableFuture<Map<String, Object>> ack : acks) {
        if ((Boolean) ack.get(30, TimeUnit.SECONDS).get("transfers")) {
          succeeded++;
        }
      }
      PState funds = cluster.clusterPState(NAME, "$$funds");
      PState outgoing = cluster.clusterPState(NAME, "$$outgoingTransfers");
      PState incoming = cluster.clusterPState(NAME, "$$incomingTransfers");
      long total = 0;
      int recordedSuccesses = 0;
      Map<String, Long> expected = new HashMap<>();
      for (String u : users) {
        expected.put(u, 1_000L);
      }
      for (String u : users) {
        long balance = balance(funds, u);
        assertThat(balance).as("balance of " + u).isGreaterThanOrEqualTo(0L);
        total += balance;
        Map<String, Map<String, Object>> out = outgoing.selectOne(Path.key(u));
        for (Map<String, Object> t :
            out == null ? Map.<String, Map<String, Object>>of().values() : out.values()) {
          if ((Boolean) t.get("success")) {
            recordedSuccesses++;
            expected.merge(u, -(Long) t.get("amount"), Long::sum);
          }
        }
        Map<String, Map<String, Object>> in = incoming.selectOne(Path.key(u));
        if (in != null) {
          for (Map<String, Object> t : in.values()) {
            expected.merge(u, (Long) t.get("amount"), Long::sum);
          }
        }
      }
      assertThat(total).isEqualTo(6_000L);
      assertThat(recordedSuccesses).isEqualTo(succeeded);
      // each balance is exactly its deposits minus what it sent plus what it received
      for (String u : users) {
        assertThat(balance(funds, u)).as("balance of " + u).isEqualTo(expected.get(u));
      }
      // some transfers were refused (random amounts drain accounts), some went through
      assertThat(succeeded).isBetween(1, 399);
    }
  }
}
