package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.examples.BankTransferModule.Deposit;
import dev.deimos.examples.BankTransferModule.Transfer;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BankTransferModuleTest {
  private static final String NAME = BankTransferModule.class.getName();

  /** A client that appends one record at a time and waits until the microbatch processed it. */
  private static final class Bank {
    final InProcessCluster cluster;
    final Depot deposits;
    final Depot transfers;
    final PState funds;
    final PState outgoing;
    final PState incoming;
    int appended;

    Bank(InProcessCluster cluster) {
      this.cluster = cluster;
      deposits = cluster.clusterDepot(NAME, "*deposits");
      transfers = cluster.clusterDepot(NAME, "*transfers");
      funds = cluster.clusterPState(NAME, "$$funds");
      outgoing = cluster.clusterPState(NAME, "$$outgoingTransfers");
      incoming = cluster.clusterPState(NAME, "$$incomingTransfers");
    }

    void deposit(String user, long amount) {
      deposits.append(new Deposit(user, amount));
      cluster.waitForMicrobatchProcessedCount(NAME, "banking", ++appended);
    }

    Boolean transfer(String id, String from, String to, long amount) {
      transfers.append(new Transfer(id, from, to, amount));
      cluster.waitForMicrobatchProcessedCount(NAME, "banking", ++appended);
      return outgoing.selectOne(Path.key(from, id, "success"));
    }

    Long balance(String user) {
      return funds.selectOne(Path.key(user));
    }
  }

  @Test
  void transfer_coveredAndOverdrawn_movesMoneyOnlyWhenCovered() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new BankTransferModule(), new LaunchConfig(4, 2));
      Bank bank = new Bank(cluster);
      bank.deposit("alice", 100);
      bank.deposit("bob", 50);
      bank.deposit("alice", 20);
      // a non-positive deposit changes nothing
      bank.deposit("bob", -5);
      assertThat(bank.balance("alice")).isEqualTo(120L);
      assertThat(bank.balance("bob")).isEqualTo(50L);

      assertThat(bank.transfer("t1", "alice", "bob", 30)).isTrue();
      assertThat(bank.balance("alice")).isEqualTo(90L);
      assertThat(bank.balance("bob")).isEqualTo(80L);

      // bob has 80: 81 would overdraw, 80 exactly is allowed
      assertThat(bank.transfer("t2", "bob", "carol", 81)).isFalse();
      assertThat(bank.balance("bob")).isEqualTo(80L);
      assertThat(bank.balance("carol")).isNull();
      assertThat(bank.transfer("t3", "bob", "carol", 80)).isTrue();
      assertThat(bank.balance("bob")).isEqualTo(0L);
      assertThat(bank.balance("carol")).isEqualTo(80L);
      // an account nobody paid into has nothing to send; self transfers are refused
      assertThat(bank.transfer("t4", "dave", "alice", 1)).isFalse();
      assertThat(bank.transfer("t5", "alice", "alice", 1)).isFalse();
      assertThat(bank.balance("alice")).isEqualTo(90L);

      Map<String, Object> bobOut = bank.outgoing.selectOne(Path.key("bob"));
      assertThat(bobOut)
          .containsOnlyKeys("t2", "t3")
          .containsEntry("t2", Map.of("toUserId", "carol", "amount", 81L, "success", false))
          .containsEntry("t3", Map.of("toUserId", "carol", "amount", 80L, "success", true));
      Map<String, Object> carolIn = bank.incoming.selectOne(Path.key("carol"));
      assertThat(carolIn).isEqualTo(Map.of("t3", Map.of("fromUserId", "bob", "amount", 80L)));
      Map<String, Object> bobIn = bank.incoming.selectOne(Path.key("bob"));
      assertThat(bobIn).isEqualTo(Map.of("t1", Map.of("fromUserId", "alice", "amount", 30L)));
    }
  }

  @Test
  void transfer_manyTransfersAcrossMicrobatches_exactlyOnceConservedAndMatchingHistories() {
    List<String> users = List.of("u0", "u1", "u2", "u3", "u4", "u5");
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new BankTransferModule(), new LaunchConfig(8, 2));
      Bank bank = new Bank(cluster);
      for (String u : users) {
        bank.deposit(u, 1_000);
      }
      Random random = new Random(42);
      // the first half lands in one microbatch, the rest in whatever microbatches form
      cluster.pauseMicrobatchTopology(NAME, "banking");
      for (int i = 0; i < 400; i++) {
        if (i == 200) {
          cluster.resumeMicrobatchTopology(NAME, "banking");
        }
        String from = users.get(random.nextInt(users.size()));
        String to = users.get(random.nextInt(users.size()));
        bank.transfers.append(new Transfer("t" + i, from, to, 1 + random.nextInt(400)));
      }
      cluster.waitForMicrobatchProcessedCount(NAME, "banking", users.size() + 400);

      long total = 0;
      int recorded = 0;
      int succeeded = 0;
      Map<String, Long> expected = new HashMap<>();
      for (String u : users) {
        expected.put(u, 1_000L);
      }
      for (String u : users) {
        long balance = bank.balance(u);
        assertThat(balance).as("balance of " + u).isGreaterThanOrEqualTo(0L);
        total += balance;
        Map<String, Map<String, Object>> out = bank.outgoing.selectOne(Path.key(u));
        if (out != null) {
          for (Map<String, Object> t : out.values()) {
            recorded++;
            if ((Boolean) t.get("success")) {
              succeeded++;
              expected.merge(u, -(Long) t.get("amount"), Long::sum);
            }
          }
        }
        Map<String, Map<String, Object>> in = bank.incoming.selectOne(Path.key(u));
        if (in != null) {
          for (Map<String, Object> t : in.values()) {
            expected.merge(u, (Long) t.get("amount"), Long::sum);
          }
        }
      }
      assertThat(total).isEqualTo(6_000L);
      // every transfer recorded exactly once
      assertThat(recorded).isEqualTo(400);
      // each balance is exactly its deposits minus what it sent plus what it received
      for (String u : users) {
        assertThat(bank.balance(u)).as("balance of " + u).isEqualTo(expected.get(u));
      }
      // random amounts drain accounts: some transfers were refused, some went through
      assertThat(succeeded).isBetween(1, 399);
    }
  }
}
