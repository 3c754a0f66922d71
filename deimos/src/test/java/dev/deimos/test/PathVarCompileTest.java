package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.LoopVars;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Vars read inside a {@link Path} (of localSelect, localTransform, select and pathPartition) are
 * checked at launch like ordinary node arguments: an unbound one is a DeimosCompileException naming
 * the module, topology, node and var; valid uses still compile and run.
 */
class PathVarCompileTest {

  /** Topology "t" reads depot *d into *rec, owns $$p, and continues with the chain under test. */
  static final class StreamModule implements DeimosModule {
    private final Function<Block.Impl, Block> body;

    StreamModule(Function<Block.Impl, Block> body) {
      this.body = body;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("t");
      s.pstate("$$p", PState.mapSchema(String.class, Object.class));
      body.apply(s.source("*d").out("*rec"));
    }
  }

  /** Stream topology "t" owns $$p; query "q" takes *a and its body is the chain under test. */
  static final class QueryModule implements DeimosModule {
    private final Function<Block.Impl, Block> body;

    QueryModule(Function<Block.Impl, Block> body) {
      this.body = body;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      topologies.stream("t").pstate("$$p", PState.mapSchema(String.class, Object.class)).global();
      body.apply(topologies.query("q", "*a").out("*res"));
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> launching(DeimosModule m) {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      Throwable t = catchThrowable(() -> cluster.launchModule(m, new LaunchConfig(2, 1)));
      assertThat(cluster.getDeployedModuleNames()).isEmpty();
      return assertThat(t)
          .isInstanceOf(DeimosCompileException.class)
          .hasMessageContaining("module " + m.getClass().getName());
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> stream(
      Function<Block.Impl, Block> body) {
    return launching(new StreamModule(body)).hasMessageContaining("topology t");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> query(
      Function<Block.Impl, Block> body) {
    return launching(new QueryModule(body)).hasMessageContaining("query q");
  }

  // ---- errors ----

  @Test
  void neverBoundVarInTermVal_namesNodeAndVar() {
    stream(c -> c.localTransform("$$p", Path.key("*rec").termVal("*size")))
        .hasMessageContaining("node 1 localTransform($$p")
        .hasMessageContaining("var *size is not bound here");
  }

  @Test
  void neverBoundVarInLocalSelectKey_namesNodeAndVar() {
    stream(c -> c.localSelect("$$p", Path.key("*k")).out("*v"))
        .hasMessageContaining("node 1 localSelect($$p")
        .hasMessageContaining("var *k is not bound here");
  }

  @Test
  void neverBoundVarInSelect_namesPartitionNodeAndVar() {
    stream(c -> c.select("$$p", Path.key("*nope")).out("*v"))
        .hasMessageContaining("node 1 select($$p")
        .hasMessageContaining("var *nope is not bound here");
  }

  @Test
  void neverBoundVarInPathPartition_namesNodeAndVar() {
    stream(c -> c.pathPartition("$$p", Path.key("*nope")))
        .hasMessageContaining("node 1 pathPartition($$p")
        .hasMessageContaining("var *nope is not bound here");
  }

  @Test
  void unboundVarInViewArgument_namesNodeAndVar() {
    stream(
            c ->
                c.localTransform(
                    "$$p", Path.key("*rec").nullToVal(0L).view(Ops.PLUS_LONG, "*x").termVal(1L)))
        .hasMessageContaining("localTransform($$p")
        .hasMessageContaining("var *x is not bound here");
  }

  @Test
  void unboundVarInNestedSubPathsAndExprs_namesVar() {
    stream(
            c ->
                c.localSelect("$$p", Path.multiPath(Path.key("*rec"), Path.key("*inMulti")))
                    .out("*v"))
        .hasMessageContaining("var *inMulti is not bound here");
    stream(
            c ->
                c.localSelect(
                        "$$p", Path.key("*rec").ifPath(Path.filterEqual("*inCond"), Path.stay()))
                    .out("*v"))
        .hasMessageContaining("var *inCond is not bound here");
    stream(
            c ->
                c.localSelect("$$p", Path.subselect(Path.key(new Expr(Ops.IDENTITY, "*inExpr"))))
                    .out("*v"))
        .hasMessageContaining("var *inExpr is not bound here");
    stream(
            c ->
                c.localSelect("$$p", Path.key("*rec").filterSelected(Path.nth("*inFilter")))
                    .out("*v"))
        .hasMessageContaining("var *inFilter is not bound here");
  }

  @Test
  void varBoundInOnlyOneBranch_namesNodeAndVar() {
    stream(
            c ->
                c.ifTrue(true, Block.each(Ops.IDENTITY, 1L).out("*x"))
                    .localTransform("$$p", Path.key("*rec").termVal("*x")))
        .hasMessageContaining("node 2 localTransform($$p")
        .hasMessageContaining("var *x is not bound here");
  }

  @Test
  void varBoundInPreAggregationUsedAfterTheAggregation_namesQueryNodeAndVar() {
    query(
            c ->
                c.each(Ops.IDENTITY, "*a")
                    .out("*k")
                    .originPartition()
                    .agg(Agg.count())
                    .out("*n")
                    .localSelect("$$q$$", Path.key("*k"))
                    .out("*res"))
        .hasMessageContaining("localSelect($$q$$")
        .hasMessageContaining("var *k is not bound here");
  }

  @Test
  void varBoundInPreAggregationOfABatchBlockUsedAfterIt_namesNodeAndVar() {
    stream(
            c ->
                c.batchBlock(
                        Block.each(Ops.IDENTITY, "*rec")
                            .out("*inside")
                            .globalPartition()
                            .agg(Agg.count())
                            .out("*n"))
                    .localTransform("$$p", Path.key("*rec").termVal("*inside")))
        .hasMessageContaining("node 2 localTransform($$p")
        .hasMessageContaining("var *inside is not bound here");
  }

  @Test
  void varBoundAfterTheHookedAnchor_namesNodeAndVar() {
    stream(
            c ->
                c.anchor("a")
                    .each(Ops.IDENTITY, 1L)
                    .out("*later")
                    .hook("a")
                    .localTransform("$$p", Path.key("*rec").termVal("*later")))
        .hasMessageContaining("localTransform($$p")
        .hasMessageContaining("var *later is not bound here");
  }

  // ---- valid uses ----

  /** Every kind of binding a path may read: out, loopWithVars, anchors, cond branches. */
  static final class ValidPaths implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("t");
      s.pstate("$$p", PState.mapSchema(String.class, Object.class));
      s.source("*d")
          .out("*rec")
          .hashPartition("*rec")
          .each((String r) -> (long) r.length(), "*rec")
          .out("*size")
          .localTransform("$$p", Path.key("*rec", "size").termVal("*size"))
          .localSelect("$$p", Path.key("*rec", "size").view(Ops.PLUS_LONG, "*size"))
          .out("*twice")
          .localTransform(
              "$$p",
              Path.key("*rec", new Expr(Ops.TO_STRING, "twice"))
                  .multiPath(Path.stay())
                  .termVal("*twice"))
          .anchor("a")
          .each(Ops.IDENTITY, "*rec")
          .out("*ignored")
          .hook("a")
          .loopWithVars(
              LoopVars.var("*i", 0),
              Block.ifTrue(
                  new Expr(Ops.LESS_THAN, "*i", 2),
                  Block.localTransform(
                          "$$p", Path.key("*rec", new Expr(Ops.TO_STRING, "i", "*i")).termVal("*i"))
                      .continueLoop(new Expr(Ops.INC, "*i")),
                  Block.emitLoop()))
          .ifTrue(
              new Expr(Ops.GREATER_THAN, "*size", 1),
              Block.each(Ops.IDENTITY, "long").out("*kind"),
              Block.each(Ops.IDENTITY, "short").out("*kind"))
          .localTransform("$$p", Path.key("*rec", "kind").termVal("*kind"));
    }
  }

  @Test
  void varsBoundByOutLoopAnchorAndBothBranches_compileAndRun() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new ValidPaths(), new LaunchConfig(2, 1));
      String m = ValidPaths.class.getName();
      cluster.clusterDepot(m, "*d").append("abc");
      PState p = cluster.clusterPState(m, "$$p");
      assertThat((Object) p.selectOne(Path.key("abc", "size"))).isEqualTo(3L);
      assertThat((Object) p.selectOne(Path.key("abc", "twice"))).isEqualTo(6L);
      assertThat((Object) p.selectOne(Path.key("abc", "i0"))).isEqualTo(0);
      assertThat((Object) p.selectOne(Path.key("abc", "i1"))).isEqualTo(1);
      assertThat((Object) p.selectOne(Path.key("abc", "kind"))).isEqualTo("long");
    }
  }

  @Test
  void queryInputAndAggregatedVarAfterTheAggregation_compileAndRun() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(
          new QueryModule(
              c ->
                  c.each(Ops.EXPLODE, List.of("x", "y", "x"))
                      .out("*k")
                      .globalPartition("$$p")
                      .localSelect("$$p", Path.key("*k").nullToVal("*a"))
                      .out("*v")
                      .originPartition()
                      .agg(Agg.sum("*v"))
                      .out("*n")
                      .localSelect("$$q$$", Path.nullToVal("*a").view(Ops.PLUS_LONG, "*n"))
                      .out("*res")),
          new LaunchConfig(2, 1));
      Object res = cluster.clusterQuery(QueryModule.class.getName(), "q").invoke(10L);
      assertThat(res).isEqualTo(40L);
    }
  }
}
