package dev.deimos.server.testmodules;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;

/**
 * A test module deployed from a jar built by the tests: counts keys appended to {@code *keys} in
 * {@code $$counts}, declares a second PState {@code $$extra}, and has a query {@code slow} that
 * sleeps the given milliseconds (for the query timeout option).
 */
public class KeeperModule implements DeimosModule {
  /** The module name every version shares. */
  public static final String NAME = "Keeper";

  @Override
  public String getModuleName() {
    return NAME;
  }

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*keys", Depot.random());
    StreamTopology s = topologies.stream("count");
    s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
    s.pstate("$$extra", PState.mapSchema(String.class, Long.class));
    s.source("*keys")
        .out("*k")
        .hashPartition("*k")
        .localTransform("$$counts", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
    topologies
        .query("slow", "*ms")
        .out("*r")
        .each(KeeperModule::sleep, "*ms")
        .out("*r")
        .originPartition();
  }

  static Long sleep(Long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ms;
  }
}
