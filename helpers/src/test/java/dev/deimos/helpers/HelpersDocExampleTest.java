package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.module.StreamTopology;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the unique-id example of docs/helpers.md and checks the page still shows this code. */
class HelpersDocExampleTest {
  // doc:module
  public static class UserIdsModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*registrations", Depot.random());
      ModuleUniqueIdPState userIds = new ModuleUniqueIdPState("$$userIdGen");
      StreamTopology s = topologies.stream("users");
      userIds.declarePState(s); // $$userIdGen: one Long per task, starting at 0, private
      s.source("*registrations")
          .out("*r")
          .macro(userIds.genId("*userId")) // (taskId << 42) | counter, then counter + 1
          .ackReturn("*userId");
    }
  }

  // end

  @Test
  void example_givesDistinctIdsTaggedWithTheirTask() {
    Set<Long> ids = new HashSet<>();
    // doc:usage
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new UserIdsModule(), new LaunchConfig(4, 2));
      Depot registrations = cluster.clusterDepot(UserIdsModule.class.getName(), "*registrations");
      for (String name : List.of("alice", "bob", "carol", "dave", "erin")) {
        Long id = (Long) registrations.append(name).get("users");
        int task = ModuleUniqueIdPState.taskIdOf(id); // the task that generated it
        assertThat(task).isBetween(0, 3);
        ids.add(id);
      }
    }
    // end
    assertThat(ids).hasSize(5);
  }

  @Test
  void docsPage_showsTheTestedCode() throws IOException {
    String doc = normalize(read("../docs/helpers.md"));
    String src = read("src/test/java/dev/deimos/helpers/HelpersDocExampleTest.java");
    for (String region : List.of("module", "usage")) {
      String code = normalize(between(src, "// doc:" + region, "// end"));
      code = code.replace("public static class", "public class");
      assertThat(doc).as("docs/helpers.md shows the %s code", region).contains(code);
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
