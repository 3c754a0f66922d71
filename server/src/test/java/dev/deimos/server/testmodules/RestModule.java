package dev.deimos.server.testmodules;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST tests' module (its name holds a '/', as URL-encoded names must work): {@code *values}
 * takes {@code [key, value]} pairs stored whole in {@code $$values} and answers the value's Java
 * types as the ack return; {@code *sorted} takes {@code [key, int, string]} into the subindexed
 * (sorted) maps of {@code $$sorted}; {@code *sets} adds to subindexed sets in {@code $$sets};
 * {@code *longs} writes {@code $$longs} (String to Long, so an Integer fails its schema); queries
 * {@code describe}, {@code add} and {@code boom}.
 */
public class RestModule implements DeimosModule {
  /** The module name. */
  public static final String NAME = "rest/Module";

  @Override
  public String getModuleName() {
    return NAME;
  }

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*values", Depot.random());
    setup.declareDepot("*sorted", Depot.random());
    setup.declareDepot("*sets", Depot.random());
    setup.declareDepot("*longs", Depot.random());
    setup.declareDepot("*flaky", Depot.random());
    StreamTopology s = topologies.stream("store");
    s.pstate("$$values", PState.mapSchema(Object.class, Object.class));
    s.pstate(
        "$$sorted",
        PState.mapSchema(String.class, PState.mapSchema(Integer.class, String.class).subindexed()));
    s.pstate(
        "$$sets", PState.mapSchema(String.class, PState.setSchema(Integer.class).subindexed()));
    s.pstate("$$longs", PState.mapSchema(String.class, Long.class));
    s.source("*values", StreamSourceOptions.retryNone())
        .out("*rec")
        .each(Ops.EXPAND, "*rec")
        .out("*k", "*v")
        .hashPartition("*k")
        .localTransform("$$values", Path.key("*k").termVal("*v"))
        .each(Describe::describe, "*v")
        .out("*t")
        .ackReturn("*t");
    s.source("*sorted", StreamSourceOptions.retryNone())
        .out("*rec")
        .each(Ops.EXPAND, "*rec")
        .out("*k", "*i", "*v")
        .hashPartition("*k")
        .localTransform("$$sorted", Path.key("*k", "*i").termVal("*v"));
    s.source("*sets", StreamSourceOptions.retryNone())
        .out("*rec")
        .each(Ops.EXPAND, "*rec")
        .out("*k", "*v")
        .hashPartition("*k")
        .localTransform("$$sets", Path.key("*k").voidSetElem().termVal("*v"));
    s.source("*longs", StreamSourceOptions.retryNone())
        .out("*rec")
        .each(Ops.EXPAND, "*rec")
        .out("*k", "*v")
        .hashPartition("*k")
        .localTransform("$$longs", Path.key("*k").termVal("*v"));
    // fails each record's first two attempts, then succeeds: two retries per record
    topologies.stream("flaky")
        .source("*flaky")
        .out("*k")
        .each(RestModule::failTwice, "*k")
        .out("*ok");
    MicrobatchTopology mb = topologies.microbatch("mb");
    mb.pstate("$$mbCount", Long.class).global();
    mb.source("*sorted")
        .out("*microbatch")
        .batchBlock(
            Block.explodeMicrobatch("*microbatch")
                .out("*rec")
                .globalPartition()
                .agg("$$mbCount", Agg.count()));
    topologies
        .query("describe", "*v")
        .out("*r")
        .each(Describe::describe, "*v")
        .out("*r")
        .originPartition();
    topologies
        .query("add", "*a", "*b")
        .out("*r")
        .each(Ops.PLUS, "*a", "*b")
        .out("*r")
        .originPartition();
    topologies
        .query("boom", "*a")
        .out("*r")
        .each(RestModule::boom, "*a")
        .out("*r")
        .originPartition();
  }

  private static final Map<Object, Integer> ATTEMPTS = new ConcurrentHashMap<>();

  static Object failTwice(Object k) {
    int n = ATTEMPTS.merge(k, 1, Integer::sum);
    if (n <= 2) {
      throw new IllegalStateException("attempt " + n + " of " + k + " fails on purpose");
    }
    return k;
  }

  static Object boom(Object a) {
    throw new IllegalStateException("boom on " + a);
  }
}
