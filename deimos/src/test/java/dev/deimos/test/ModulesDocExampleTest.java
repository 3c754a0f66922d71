package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/modules.md and checks the page still shows this code. */
class ModulesDocExampleTest {
  // doc:module
  public static class WordCountModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*sentences", Depot.random());
      StreamTopology wc = topologies.stream("wordCount");
      wc.pstate("$$counts", PState.mapSchema(String.class, Long.class));
      wc.source("*sentences")
          .out("*sentence")
          .each((String s) -> Arrays.asList(s.split(" ")), "*sentence")
          .out("*words")
          .each(Ops.EXPLODE, "*words")
          .out("*word")
          .hashPartition("*word")
          .localTransform("$$counts", Path.key("*word").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  // end

  @Test
  void example_countsWords() {
    // doc:usage
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new WordCountModule(), new LaunchConfig(4, 2));
      String name = WordCountModule.class.getName();
      Depot sentences = cluster.clusterDepot(name, "*sentences");
      PState counts = cluster.clusterPState(name, "$$counts");
      sentences.append("the cat saw the dog");
      Long the = counts.selectOne(Path.key("the"));
      assertThat(the).isEqualTo(2L);
    }
    // end
  }

  @Test
  void docsPage_showsTheTestedCode() throws IOException {
    DocSnippets.assertShown(
        "docs/modules.md",
        "src/test/java/dev/deimos/test/ModulesDocExampleTest.java",
        "module",
        "usage");
  }
}
