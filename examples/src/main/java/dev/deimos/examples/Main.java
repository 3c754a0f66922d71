package dev.deimos.examples;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
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
}
