package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Runs the module update example of docs/modules.md and checks the page still shows it. */
class UpdateDocExampleTest {
  // doc:update-modules
  public static class VisitsV1 implements DeimosModule {
    @Override
    public String getModuleName() {
      return "app.Visits";
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*visits", Depot.hashBy(Ops.IDENTITY));
      StreamTopology s = topologies.stream("counts");
      s.pstate("$$visits", PState.mapSchema(String.class, Long.class));
      s.source("*visits")
          .out("*page")
          .localTransform("$$visits", Path.key("*page").nullToVal(0L).term(Ops.INC_LONG));
    }
  }

  public static class VisitsV2 extends VisitsV1 {
    @Override
    public void define(Setup setup, Topologies topologies) {
      super.define(setup, topologies);
      // a new topology that also processes the records appended before the update
      StreamTopology pages = topologies.stream("pages");
      pages.pstate("$$pages", PState.setSchema(String.class)).global();
      pages
          .source("*visits", StreamSourceOptions.startFromBeginning())
          .out("*page")
          .globalPartition()
          .localTransform("$$pages", Path.voidSetElem().termVal("*page"));
    }
  }

  // end

  @Test
  void example_updateKeepsDataAndBackfillsNewTopology() throws Exception {
    // doc:update-usage
    try (InProcessCluster cluster = InProcessCluster.create()) {
      // one task: the backfill of "pages" then runs before the append below (see the text)
      cluster.launchModule(new VisitsV1(), new LaunchConfig(1, 1));
      Depot visits = cluster.clusterDepot("app.Visits", "*visits");
      visits.append("/home");
      visits.append("/about");
      visits.append("/home");

      cluster.updateModule(new VisitsV2());
      visits.append("/home");

      PState counts = cluster.clusterPState("app.Visits", "$$visits");
      assertThat((Long) counts.selectOne(Path.key("/home"))).isEqualTo(3L);
      PState pages = cluster.clusterPState("app.Visits", "$$pages");
      assertThat(pages.<Object>select(Path.all())).containsExactlyInAnyOrder("/home", "/about");
    }
    // end
  }

  @Test
  void docsPage_showsTheTestedCode() throws IOException {
    DocSnippets.assertShown(
        "docs/modules.md",
        "src/test/java/dev/deimos/test/UpdateDocExampleTest.java",
        "update-modules",
        "update-usage");
  }
}
