package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresPathsTest {
  @Test
  void highScores_sample_findsScoresAboveFiveOfEveryUser() {
    assertThat(ScoresPaths.highScores(ScoresPaths.sample())).containsExactly(7, 9);
  }

  @Test
  void bumpAndPrune_alice_bumpsThenDropsBelowFiveAndLeavesInputAndBobAlone() {
    Map<String, Object> data = ScoresPaths.sample();
    Object result = ScoresPaths.bumpAndPrune(data, "alice");
    assertThat(result)
        .isEqualTo(
            Map.of(
                "alice", Map.of("scores", List.of(10, 5)),
                "bob", Map.of("scores", List.of(7))));
    assertThat(data).isEqualTo(ScoresPaths.sample());
  }

  @Test
  void bumpAndPrune_unknownUser_leavesExistingUsersUnchanged() {
    Object result = ScoresPaths.bumpAndPrune(ScoresPaths.sample(), "carol");
    assertThat(Paths.select(Path.key("alice", "scores"), result, Vars.NONE))
        .containsExactly(List.of(3, 9, 4));
  }

  @Test
  void select_unboundVar_errorNamesTheVar() {
    assertThatThrownBy(() -> Paths.select(Path.key("*who"), ScoresPaths.sample(), Vars.NONE))
        .hasMessageContaining("*who");
  }
}
