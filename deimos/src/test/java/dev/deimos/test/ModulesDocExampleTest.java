package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    String doc = normalize(read("../docs/modules.md"));
    String src = read("src/test/java/dev/deimos/test/ModulesDocExampleTest.java");
    for (String region : List.of("module", "usage")) {
      String code = normalize(between(src, "// doc:" + region, "// end"));
      // the page declares the module class as a top-level class
      code = code.replace("public static class", "public class");
      assertThat(doc).as("docs/modules.md shows the %s code", region).contains(code);
    }
  }

  private static String read(String p) throws IOException {
    return new String(Files.readAllBytes(Paths.get(p)), StandardCharsets.UTF_8);
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    int j = s.indexOf(end, i);
    return s.substring(s.indexOf('\n', i) + 1, j);
  }

  private static String normalize(String s) {
    List<String> lines = new ArrayList<>();
    for (String l : s.split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return String.join("\n", lines);
  }
}
