package dev.deimos.examples;

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
  }
}
