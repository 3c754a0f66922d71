package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import org.junit.jupiter.api.Test;

class WordCountModuleTest {
  @Test
  void append_sentencesOnFourTasks_countsEveryWordOnce() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
      String name = WordCountModule.class.getName();
      Depot sentences = cluster.clusterDepot(name, "*sentences");
      PState counts = cluster.clusterPState(name, "$$wordCounts");
      sentences.append("The cat saw the dog.");
      sentences.append("the DOG slept");
      assertThat((Long) counts.selectOne(Path.key("the"))).isEqualTo(3L);
      assertThat((Long) counts.selectOne(Path.key("dog"))).isEqualTo(2L);
      assertThat((Long) counts.selectOne(Path.key("slept"))).isEqualTo(1L);
      assertThat((Long) counts.selectOne(Path.key("bird"))).isNull();
      // every partition together holds exactly the five distinct words
      assertThat(counts.select(Path.mapKeys()))
          .containsExactlyInAnyOrder("the", "cat", "saw", "dog", "slept");
    }
  }
}
