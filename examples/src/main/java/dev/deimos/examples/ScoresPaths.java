package dev.deimos.examples;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import java.util.List;
import java.util.Map;

/**
 * The README's paths example: per-user score lists read and rewritten with paths.
 *
 * <p>Until {@code TestPState} and {@code Block.execute()} exist, the example runs paths through the
 * engine entry point {@link Paths} directly; module code will run the same paths against PStates.
 */
public final class ScoresPaths {
  /** Every score above 5, of every user. */
  static final Path HIGH_SCORES = Path.mapVals().key("scores").all().filterGreaterThan(5);

  /** Adds one to each score of the user bound to {@code *user}, then drops scores below 5. */
  static final Path BUMP_AND_PRUNE =
      Path.key("*user")
          .key("scores")
          .multiPath(
              Path.all().term((Integer s) -> s + 1), Path.all().filterLessThan(5).termVoid());

  private ScoresPaths() {}

  /** Sample data: user id to a profile holding a list of scores. */
  public static Map<String, Object> sample() {
    return Map.of(
        "alice", Map.of("scores", List.of(3, 9, 4)),
        "bob", Map.of("scores", List.of(7)));
  }

  /** Scores above 5, sorted so the result does not depend on map iteration order. */
  public static List<Object> highScores(Map<String, Object> data) {
    List<Object> found = Paths.select(HIGH_SCORES, data, Vars.NONE);
    found.sort(null);
    return found;
  }

  /** A new data map where {@code user}'s scores were bumped and pruned; {@code data} is kept. */
  public static Object bumpAndPrune(Map<String, Object> data, String user) {
    Vars vars = name -> "*user".equals(name) ? user : Vars.NONE.get(name);
    return Paths.transform(BUMP_AND_PRUNE, data, vars);
  }
}
