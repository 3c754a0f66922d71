package dev.deimos.server.testmodules;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;

/** A new version of {@link KeeperModule} that no longer declares the PState {@code $$extra}. */
public class KeeperWithoutExtra implements DeimosModule {
  @Override
  public String getModuleName() {
    return KeeperModule.NAME;
  }

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*keys", Depot.random());
    StreamTopology s = topologies.stream("count");
    s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
    s.source("*keys")
        .out("*k")
        .hashPartition("*k")
        .localTransform("$$counts", Path.key("*k").nullToVal(0L).term(Ops.INC_LONG));
  }
}
