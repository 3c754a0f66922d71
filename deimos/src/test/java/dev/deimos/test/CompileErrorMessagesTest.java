package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Every compile error of the dataflow language surfaces at launch as a DeimosCompileException that
 * names the module, the topology, the node (with its position) and the var involved.
 */
class CompileErrorMessagesTest {

  /** A module whose topology "t" reads depot *d and continues with the chain under test. */
  static final class StreamModule implements DeimosModule {
    private final java.util.function.Function<Block.Impl, Block> body;

    StreamModule(java.util.function.Function<Block.Impl, Block> body) {
      this.body = body;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("t");
      s.pstate("$$p", PState.mapSchema(String.class, Long.class));
      body.apply(s.source("*d").out("*rec"));
    }
  }

  /** A module with a query topology "q" taking *a whose body is the chain under test. */
  static final class QueryModule implements DeimosModule {
    private final java.util.function.Function<Block.Impl, Block> body;

    QueryModule(java.util.function.Function<Block.Impl, Block> body) {
      this.body = body;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      topologies.stream("t").pstate("$$p", PState.mapSchema(String.class, Long.class));
      body.apply(topologies.query("q", "*a").out("*res"));
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> launching(DeimosModule m) {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      Throwable t =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> cluster.launchModule(m, new LaunchConfig(2, 1)));
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
      return assertThat(t).isInstanceOf(DeimosCompileException.class);
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> stream(
      java.util.function.Function<Block.Impl, Block> body) {
    return launching(new StreamModule(body))
        .hasMessageContaining("module " + StreamModule.class.getName())
        .hasMessageContaining("topology t");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> query(
      java.util.function.Function<Block.Impl, Block> body) {
    return launching(new QueryModule(body)).hasMessageContaining("query q");
  }

  @Test
  void unboundVar_namesNodeAndVar() {
    stream(c -> c.each(Ops.IDENTITY, "*missing").out("*x"))
        .hasMessageContaining("node 1 each(")
        .hasMessageContaining("var *missing is not bound here");
  }

  @Test
  void sameVarTwiceInOneOut_namesNodeAndVar() {
    stream(c -> c.each(Ops.EXPAND, List.of(1, 2)).out("*a", "*a"))
        .hasMessageContaining("node 1 each(")
        .hasMessageContaining("out binds var *a twice");
  }

  @Test
  void rebindInBatchPreAgg_namesNodeAndVar() {
    query(c -> c.each(Ops.INC, "*a").out("*a").originPartition().agg(Agg.sum("*a")).out("*res"))
        .hasMessageContaining("each(")
        .hasMessageContaining("var *a is already bound")
        .hasMessageContaining("cannot rebind (shadow)");
  }

  @Test
  void rebindInStreamCode_isShadowingAndAllowed() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(
          new StreamModule(
              c ->
                  c.each(Ops.IDENTITY, 1L)
                      .out("*n")
                      .each(Ops.INC_LONG, "*n")
                      .out("*n")
                      .hashPartition("*rec")
                      .localTransform("$$p", Path.key("*rec").termVal("*n"))),
          new LaunchConfig(2, 1));
      String m = StreamModule.class.getName();
      cluster.clusterDepot(m, "*d").append("k");
      assertThat((Long) cluster.clusterPState(m, "$$p").selectOne(Path.key("k"))).isEqualTo(2L);
    }
  }

  @Test
  void functionOutArityMismatch_namesNodeAndVars() {
    stream(c -> c.each(Ops.IDENTITY, "*rec").out("*a", "*b"))
        .hasMessageContaining("node 1 each(")
        .hasMessageContaining("a function produces one value but out binds 2 vars *a, *b");
  }

  @Test
  void batchOnlyNodeOutsideBatchBlock_namesNodeAndVar() {
    stream(c -> c.groupBy("*rec", Block.agg(Agg.count()).out("*c")))
        .hasMessageContaining("node 1 groupBy([*rec])")
        .hasMessageContaining("only allowed inside a batchBlock");
  }

  @Test
  void freshBatchSourceOutsideBatchBlock_namesNode() {
    stream(c -> c.freshBatchSource().each(Ops.IDENTITY, 1).out("*x"))
        .hasMessageContaining("node 1 freshBatchSource()")
        .hasMessageContaining("only allowed at the top level of a batchBlock");
  }

  @Test
  void unifyOfAnchorsThatNeverMeet_namesNodeAndAnchors() {
    stream(c -> c.anchor("a").each(Ops.IDENTITY, 1).out("*x").anchor("b").unify("a", "b"))
        .hasMessageContaining("node 4 unify(a, b)")
        .hasMessageContaining("anchors 'a' and 'b' lie on one path");
  }

  /** Topology "t" owns $$p; topology "other" reads it fine but must not write it. */
  static final class TwoTopologies implements DeimosModule {
    private final java.util.function.Function<Block.Impl, Block> otherBody;

    TwoTopologies(java.util.function.Function<Block.Impl, Block> otherBody) {
      this.otherBody = otherBody;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      topologies.stream("t").pstate("$$p", PState.mapSchema(String.class, Long.class));
      otherBody.apply(topologies.stream("other").source("*d").out("*rec"));
    }
  }

  @Test
  void writingAnotherTopologysPState_namesTopologyNodeAndPState() {
    launching(new TwoTopologies(c -> c.localTransform("$$p", Path.key("*rec").termVal(1L))))
        .hasMessageContaining("topology other")
        .hasMessageContaining("node 1 localTransform($$p")
        .hasMessageContaining("writes PState $$p, which another topology declares");
    launching(
            new TwoTopologies(
                c -> c.each(Ops.IDENTITY, 1L).out("*one").agg("$$p", Agg.sum("*one"))))
        .hasMessageContaining("topology other")
        .hasMessageContaining("writes PState $$p");
    // reading it is fine: the module launches
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(
          new TwoTopologies(c -> c.localSelect("$$p", Path.key("*rec")).out("*v")),
          new LaunchConfig(2, 1));
      assertThat(cluster.getDeployedModuleNames()).contains(TwoTopologies.class.getName());
    }
  }

  @Test
  void unknownPState_namesNodeAndPState() {
    stream(c -> c.localSelect("$$nope", Path.key("*rec")).out("*v"))
        .hasMessageContaining("node 1 localSelect($$nope")
        .hasMessageContaining("var $$nope is not bound here (no PState");
  }

  @Test
  void twoGroupBysInOneBatchBlock_namesNode() {
    query(
            c ->
                c.each(Ops.IDENTITY, "*a")
                    .out("*k")
                    .originPartition()
                    .groupBy("*k", Block.agg(Agg.count()).out("*c1"))
                    .groupBy("*k", Block.agg(Agg.count()).out("*c2")))
        .hasMessageContaining("groupBy([*k])")
        .hasMessageContaining("groupBy must be the only aggregation node of its batch block");
  }

  @Test
  void freshBatchSourceWithoutMerge_namesNodeAndAnchor() {
    query(
            c ->
                c.each(Ops.IDENTITY, "*a")
                    .out("*k")
                    .anchor("s1")
                    .freshBatchSource()
                    .each(Ops.IDENTITY, 2)
                    .out("*k")
                    .originPartition()
                    .agg(Agg.count())
                    .out("*res"))
        .hasMessageContaining("freshBatchSource()")
        .hasMessageContaining("ends at anchor 's1', which no later unify merges");
  }

  @Test
  void pathPartitionWithoutPStateVar_namesNode() {
    stream(c -> c.pathPartition("p", Path.key("*rec")))
        .hasMessageContaining("node 1 pathPartition(p, ")
        .hasMessageContaining("'p' must be a PState var");
  }

  @Test
  void aggregatorOutToTemporaryPStateInAQuery_namesModuleQueryNodeAndVar() {
    launching(
            new QueryModule(
                c ->
                    c.originPartition()
                        .agg(Agg.count())
                        .out("$$tmp")
                        .localSelect("$$tmp", Path.stay())
                        .out("*res")))
        .hasMessageContaining("module " + QueryModule.class.getName())
        .hasMessageContaining("query q")
        .hasMessageContaining("agg(Agg.count())")
        .hasMessageContaining("out var $$tmp names no PState")
        .hasMessageContaining("temporary PStates exist only in microbatch topologies");
  }

  @Test
  void aggregatorOutToTemporaryPStateInAStreamBatchBlock_namesModuleTopologyNodeAndVar() {
    stream(c -> c.batchBlock(Block.globalPartition().agg(Agg.count()).out("$$tmp")))
        .hasMessageContaining("agg(Agg.count())")
        .hasMessageContaining("out var $$tmp names no PState");
  }

  @Test
  void aggregatorOutToTheQuerysOwnTemporaryPState_compilesAndRuns() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(
          new QueryModule(
              c ->
                  c.originPartition()
                      .agg(Agg.count())
                      .out("$$q$$")
                      .localSelect("$$q$$", Path.stay())
                      .out("*res")),
          new LaunchConfig(2, 1));
      assertThat(cluster.<Long>clusterQuery(QueryModule.class.getName(), "q").invoke(7))
          .isEqualTo(1L);
    }
  }

  /** The same aggregation in a microbatch topology's batch block is fine. */
  static final class MicrobatchModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      dev.deimos.module.MicrobatchTopology mb = topologies.microbatch("mb");
      mb.pstate("$$last", Long.class).global().initialValue(0L);
      mb.source("*d")
          .out("*mb")
          .batchBlock(
              Block.explodeMicrobatch("*mb")
                  .out("*r")
                  .globalPartition()
                  .agg(Agg.count())
                  .out("$$n"))
          .localSelect("$$n", Path.stay())
          .out("*n")
          .localTransform("$$last", Path.termVal("*n"));
    }
  }

  @Test
  void aggregatorOutToTemporaryPStateInAMicrobatchBatchBlock_compilesAndRuns() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new MicrobatchModule(), new LaunchConfig(2, 1));
      String m = MicrobatchModule.class.getName();
      cluster.pauseMicrobatchTopology(m, "mb");
      cluster.clusterDepot(m, "*d").append("a");
      cluster.clusterDepot(m, "*d").append("b");
      cluster.resumeMicrobatchTopology(m, "mb");
      cluster.waitForMicrobatchProcessedCount(m, "mb", 2);
      assertThat((Long) cluster.clusterPState(m, "$$last").selectOne(Path.stay())).isEqualTo(2L);
    }
  }

  @Test
  void materializeInAQuery_namesModuleQueryAndNode() {
    launching(
            new QueryModule(
                c ->
                    c.each(Ops.IDENTITY, "*a")
                        .out("*v")
                        .materialize("*v")
                        .out("$$tab")
                        .originPartition()
                        .agg(Agg.count())
                        .out("*res")))
        .hasMessageContaining("module " + QueryModule.class.getName())
        .hasMessageContaining("query q")
        .hasMessageContaining("materialize([*v])")
        .hasMessageContaining("materialize is not allowed in a query topology");
  }
}
