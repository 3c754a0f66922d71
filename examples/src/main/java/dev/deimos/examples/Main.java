package dev.deimos.examples;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.examples.BankTransferModule.Deposit;
import dev.deimos.examples.BankTransferModule.Transfer;
import dev.deimos.examples.RenderLatencyModule.Render;
import dev.deimos.examples.TopSpendersModule.Purchase;
import dev.deimos.examples.UserRegistrationModule.EditProfile;
import dev.deimos.examples.UserRegistrationModule.Register;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.List;
import java.util.Map;

/**
 * The README's main job: runs every example and prints what it computed.
 *
 * <p>Until the single-node server exists, examples run in-process. Printing to standard output is
 * the point of this class, so it is the one place outside tests that does.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the examples.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    List<String> text = List.of("The quick brown fox", "jumps over the lazy dog", "the dog sleeps");
    System.out.println("Deimos examples");
    System.out.println("word counts:   " + WordStats.wordCounts(text));
    Object letters = WordStats.totalLetters(text);
    System.out.println(
        "total letters: " + letters + " (" + letters.getClass().getSimpleName() + ")");
    Map<String, Object> scores = ScoresPaths.sample();
    System.out.println("high scores:   " + ScoresPaths.highScores(scores));
    System.out.println("alice bumped:  " + ScoresPaths.bumpAndPrune(scores, "alice"));
    try (InProcessCluster cluster = InProcessCluster.create()) {
      wordCount(cluster, text);
      userRegistration(cluster);
      bankTransfers(cluster);
      topSpenders(cluster);
      renderLatency(cluster);
    }
  }

  private static void wordCount(InProcessCluster cluster, List<String> text) {
    cluster.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
    String name = WordCountModule.class.getName();
    Depot sentences = cluster.clusterDepot(name, "*sentences");
    for (String sentence : text) {
      sentences.append(sentence);
    }
    PState counts = cluster.clusterPState(name, "$$wordCounts");
    System.out.println(
        "WordCountModule: the="
            + counts.selectOne(Path.key("the"))
            + " dog="
            + counts.selectOne(Path.key("dog"))
            + " fox="
            + counts.selectOne(Path.key("fox")));
  }

  private static void userRegistration(InProcessCluster cluster) {
    cluster.launchModule(new UserRegistrationModule(), new LaunchConfig(4, 2));
    String name = UserRegistrationModule.class.getName();
    Depot registrations = cluster.clusterDepot(name, "*registrations");
    Object alice = registrations.append(new Register("alice", "alice@example.com"));
    Object again = registrations.append(new Register("alice", "other@example.com"));
    Long bob =
        (Long) registrations.append(new Register("bob", "bob@example.com")).get("registration");
    System.out.println("UserRegistrationModule: register alice -> " + alice);
    System.out.println("UserRegistrationModule: register alice again -> " + again);
    System.out.println("UserRegistrationModule: register bob -> id " + bob);
    cluster
        .clusterDepot(name, "*profileEdits")
        .append(new EditProfile(bob, "displayName", "Bob B."));
    QueryTopologyClient<Object> byName = cluster.clusterQuery(name, "profileByUsername");
    System.out.println("UserRegistrationModule: profile of bob -> " + byName.invoke("bob"));
  }

  private static void bankTransfers(InProcessCluster cluster) {
    cluster.launchModule(new BankTransferModule(), new LaunchConfig(4, 2));
    String name = BankTransferModule.class.getName();
    Depot deposits = cluster.clusterDepot(name, "*deposits");
    Depot transfers = cluster.clusterDepot(name, "*transfers");
    deposits.append(new Deposit("alice", 100));
    deposits.append(new Deposit("bob", 20));
    cluster.waitForMicrobatchProcessedCount(name, "banking", 2);
    transfers.append(new Transfer("t1", "alice", "bob", 70));
    transfers.append(new Transfer("t2", "bob", "carol", 500));
    cluster.waitForMicrobatchProcessedCount(name, "banking", 4);
    PState outgoing = cluster.clusterPState(name, "$$outgoingTransfers");
    Object ok = outgoing.selectOne(Path.key("alice", "t1", "success"));
    Object overdraft = outgoing.selectOne(Path.key("bob", "t2", "success"));
    PState funds = cluster.clusterPState(name, "$$funds");
    System.out.println(
        "BankTransferModule: alice->bob 70 ok="
            + ok
            + ", bob->carol 500 ok="
            + overdraft
            + "; balances alice="
            + funds.selectOne(Path.key("alice"))
            + " bob="
            + funds.selectOne(Path.key("bob"))
            + "; bob sent "
            + outgoing.selectOne(Path.key("bob")));
  }

  private static void topSpenders(InProcessCluster cluster) {
    cluster.launchModule(new TopSpendersModule(), new LaunchConfig(4, 2));
    String name = TopSpendersModule.class.getName();
    Depot purchases = cluster.clusterDepot(name, "*purchases");
    String[] users = {"ann", "ben", "cat", "dan", "eve"};
    long[] amounts = {30, 120, 45, 80, 60, 25, 10};
    for (int i = 0; i < 20; i++) {
      purchases.append(new Purchase(users[i % users.length], amounts[i % amounts.length]));
    }
    cluster.waitForMicrobatchProcessedCount(name, "spend", 20);
    Object top = cluster.clusterPState(name, "$$topSpenders").selectOne(Path.stay());
    System.out.println("TopSpendersModule: top " + TopSpendersModule.TOP_N + " " + top);
  }

  private static void renderLatency(InProcessCluster cluster) {
    cluster.launchModule(new RenderLatencyModule(), new LaunchConfig(4, 2));
    String name = RenderLatencyModule.class.getName();
    Depot renders = cluster.clusterDepot(name, "*renders");
    long hour = RenderLatencyModule.HOUR;
    // one render every 10 minutes for two days, latency cycling 100..190 ms
    for (int i = 0; i < 2 * 24 * 6; i++) {
      renders.append(new Render("/home", 100 + (i % 10) * 10, i * 10 * RenderLatencyModule.MINUTE));
    }
    QueryTopologyClient<RenderLatencyModule.LatencyStats> stats =
        cluster.clusterQuery(name, "latencyStats");
    RenderLatencyModule.LatencyStats s = stats.invoke("/home", 3 * hour, 30 * hour + 30 * 60_000L);
    System.out.println(
        "RenderLatencyModule: /home from 03:00 to day 2 06:30: "
            + s.count()
            + " renders, mean "
            + String.format(java.util.Locale.ROOT, "%.1f", s.mean())
            + " ms, min "
            + s.min()
            + ", max "
            + s.max());
  }
}
