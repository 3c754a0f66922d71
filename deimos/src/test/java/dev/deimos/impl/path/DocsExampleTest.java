package dev.deimos.impl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the worked example of docs/paths.md honest. */
class DocsExampleTest {
  private final Map<String, Object> root =
      Map.of("alice", Map.of("scores", List.of(3, 9, 4)), "bob", Map.of("scores", List.of(7)));

  @Test
  void select_highScores_reachesBoth() {
    Path high = Path.mapVals().key("scores").all().filterGreaterThan(5);
    assertThat(Paths.select(high, root, Vars.NONE)).containsExactlyInAnyOrder(9, 7);
  }

  @Test
  void transform_bumpUser_changesOnlyThatUser() {
    Path bump =
        Path.key("*user")
            .key("scores")
            .multiPath(
                Path.all().term((Integer s) -> s + 1), Path.all().filterLessThan(4).termVoid());
    Object out = Paths.transform(bump, root, name -> "alice");
    assertThat(out)
        .isEqualTo(
            Map.of(
                "alice", Map.of("scores", List.of(4, 10, 5)), "bob", Map.of("scores", List.of(7))));
  }

  @Test
  void collectOne_tags_pairsIdWithEachTag() {
    Object data = Map.of("id", 7, "tags", List.of("a", "b"));
    assertThat(Paths.select(Path.collectOne(Path.key("id")).key("tags").all(), data, Vars.NONE))
        .containsExactly(List.of(7, "a"), List.of(7, "b"));
  }

  @Test
  void error_nthOnMap_matchesDocumentedShape() {
    assertThatThrownBy(() -> Paths.select(Path.key("alice").nth(0), root, Vars.NONE))
        .hasMessageStartingWith("step 1 (nth(0)) cannot navigate into ")
        .hasMessageEndingWith("expects a list");
  }
}
