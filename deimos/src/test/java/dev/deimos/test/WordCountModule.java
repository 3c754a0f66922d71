package dev.deimos.test;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;

/** Counts words appended to {@code *words}; the PState lives on the task owning each word. */
public class WordCountModule implements DeimosModule {
  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*words", Depot.hashBy(Ops.IDENTITY));
    StreamTopology s = topologies.stream("counter");
    s.pstate("$$counts", PState.mapSchema(String.class, Long.class));
    s.source("*words")
        .out("*word")
        .localTransform("$$counts", Path.key("*word").nullToVal(0L).term(Ops.INC_LONG));
  }
}
