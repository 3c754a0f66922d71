package dev.deimos.impl.dataflow;

import dev.deimos.AckLevel;
import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.LoopVars;
import dev.deimos.Path;
import dev.deimos.SelectOptions;
import dev.deimos.SubSource;
import dev.deimos.impl.data.TaskContext;
import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import dev.deimos.ops.DeimosOperation0;
import dev.deimos.ops.DeimosOperation1;
import dev.deimos.ops.DeimosOperation2;
import dev.deimos.ops.DeimosOperation3;
import dev.deimos.ops.DeimosOperation4;
import dev.deimos.ops.DeimosOperation5;
import dev.deimos.ops.DeimosOperation6;
import dev.deimos.ops.DeimosOperation7;
import dev.deimos.ops.DeimosOperation8;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The only implementation of the {@link Block} chain types: a persistent linked list of nodes, so
 * appending shares the prefix and never mutates an existing chain.
 */
public final class Chain implements Block.MultiOutImpl {
  private static final Chain EMPTY = new Chain(null, null);

  private final Chain prev;
  private final Node node;

  private Chain(Chain prev, Node node) {
    this.prev = prev;
    this.node = node;
    this.sink = prev == null ? null : prev.sink;
  }

  // section C: a topology source keeps its newest chain here, since builders are persistent
  private java.util.function.Consumer<Chain> sink;

  /**
   * Returns the empty chain.
   *
   * @return the shared empty chain
   */
  public static Chain empty() {
    return EMPTY;
  }

  private Chain add(Node n) {
    Chain c = new Chain(this, n);
    if (sink != null) {
      sink.accept(c);
    }
    return c;
  }

  /** The recorded nodes, first to last. */
  List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    for (Chain c = this; c.node != null; c = c.prev) {
      out.add(c.node);
    }
    Collections.reverse(out);
    return Collections.unmodifiableList(out);
  }

  static List<Node> nodesOf(Block b) {
    if (!(b instanceof Chain)) {
      throw new IllegalArgumentException("not a block built with Block methods: " + b);
    }
    return ((Chain) b).nodes();
  }

  @Override
  public <R> Block.OutImpl each(DeimosFunction0<R> fn) {
    return add(Node.each(Node.Kind.EACH_FN, Objects.requireNonNull(fn)));
  }

  @Override
  public <T0, R> Block.OutImpl each(DeimosFunction1<T0, R> fn, Object arg0) {
    return add(Node.each(Node.Kind.EACH_FN, Objects.requireNonNull(fn), arg0));
  }

  @Override
  public <T0, T1, R> Block.OutImpl each(DeimosFunction2<T0, T1, R> fn, Object arg0, Object arg1) {
    return add(Node.each(Node.Kind.EACH_FN, Objects.requireNonNull(fn), arg0, arg1));
  }

  @Override
  public <T0, T1, T2, R> Block.OutImpl each(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg0, Object arg1, Object arg2) {
    return add(Node.each(Node.Kind.EACH_FN, Objects.requireNonNull(fn), arg0, arg1, arg2));
  }

  @Override
  public Block.MultiOutImpl each(DeimosOperation0 op) {
    return add(Node.each(Node.Kind.EACH_OP, Objects.requireNonNull(op)));
  }

  @Override
  public <T0> Block.MultiOutImpl each(DeimosOperation1<T0> op, Object arg0) {
    return add(Node.each(Node.Kind.EACH_OP, Objects.requireNonNull(op), arg0));
  }

  @Override
  public <T0, T1> Block.MultiOutImpl each(DeimosOperation2<T0, T1> op, Object arg0, Object arg1) {
    return add(Node.each(Node.Kind.EACH_OP, Objects.requireNonNull(op), arg0, arg1));
  }

  @Override
  public <T0, T1, T2> Block.MultiOutImpl each(
      DeimosOperation3<T0, T1, T2> op, Object arg0, Object arg1, Object arg2) {
    return add(Node.each(Node.Kind.EACH_OP, Objects.requireNonNull(op), arg0, arg1, arg2));
  }

  @Override
  public <T0, T1, T2, T3, R> Block.OutImpl each(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg0, Object arg1, Object arg2, Object arg3) {
    return add(Node.each(Node.Kind.EACH_FN, Objects.requireNonNull(fn), arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4, R> Block.OutImpl each(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(
        Node.each(Node.Kind.EACH_FN, Objects.requireNonNull(fn), arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, R> Block.OutImpl each(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(
        Node.each(
            Node.Kind.EACH_FN, Objects.requireNonNull(fn), arg0, arg1, arg2, arg3, arg4, arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, R> Block.OutImpl each(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        Node.each(
            Node.Kind.EACH_FN,
            Objects.requireNonNull(fn),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> Block.OutImpl each(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(
        Node.each(
            Node.Kind.EACH_FN,
            Objects.requireNonNull(fn),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6,
            arg7));
  }

  @Override
  public <T0, T1, T2, T3> Block.MultiOutImpl each(
      DeimosOperation4<T0, T1, T2, T3> op, Object arg0, Object arg1, Object arg2, Object arg3) {
    return add(Node.each(Node.Kind.EACH_OP, Objects.requireNonNull(op), arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4> Block.MultiOutImpl each(
      DeimosOperation5<T0, T1, T2, T3, T4> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(
        Node.each(Node.Kind.EACH_OP, Objects.requireNonNull(op), arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5> Block.MultiOutImpl each(
      DeimosOperation6<T0, T1, T2, T3, T4, T5> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(
        Node.each(
            Node.Kind.EACH_OP, Objects.requireNonNull(op), arg0, arg1, arg2, arg3, arg4, arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6> Block.MultiOutImpl each(
      DeimosOperation7<T0, T1, T2, T3, T4, T5, T6> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        Node.each(
            Node.Kind.EACH_OP,
            Objects.requireNonNull(op),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7> Block.MultiOutImpl each(
      DeimosOperation8<T0, T1, T2, T3, T4, T5, T6, T7> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(
        Node.each(
            Node.Kind.EACH_OP,
            Objects.requireNonNull(op),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6,
            arg7));
  }

  @Override
  public Block.Impl out(String... vars) {
    if (node == null) {
      throw new IllegalStateException("out() needs a preceding node");
    }
    Chain c = new Chain(prev, node.withOuts(vars));
    c.sink = sink;
    if (sink != null) {
      sink.accept(c);
    }
    return c;
  }

  @Override
  public Block.Impl keepTrue(Object cond) {
    return add(Node.keepTrue(cond));
  }

  @Override
  public Block.Impl ifTrue(Object cond, Block then) {
    return add(Node.ifTrue(cond, Objects.requireNonNull(then), null));
  }

  @Override
  public Block.Impl ifTrue(Object cond, Block then, Block otherwise) {
    return add(Node.ifTrue(cond, Objects.requireNonNull(then), Objects.requireNonNull(otherwise)));
  }

  @Override
  public Block.Impl macro(Block block) {
    Chain c = this;
    for (Node n : nodesOf(block)) {
      c = c.add(n);
    }
    return c;
  }

  @Override
  public Block.OutImpl localSelect(String pstateVar, Path path) {
    return add(Node.local(Node.Kind.LOCAL_SELECT, pstateVar, Objects.requireNonNull(path)));
  }

  @Override
  public Block.Impl localTransform(String pstateVar, Path path) {
    return add(Node.local(Node.Kind.LOCAL_TRANSFORM, pstateVar, Objects.requireNonNull(path)));
  }

  // ---- aggregation, batch and groupBy (section A) ----

  @Override
  public Block.OutImpl agg(dev.deimos.Agg agg) {
    return add(Node.sectionA(Node.Kind.AGG, Objects.requireNonNull(agg), null, null));
  }

  @Override
  public Block.Impl agg(String pstateVar, dev.deimos.Agg agg) {
    return add(
        Node.sectionA(
            Node.Kind.AGG, Objects.requireNonNull(agg), Objects.requireNonNull(pstateVar), null));
  }

  @Override
  public Block.OutImpl compoundAgg(dev.deimos.CompoundAgg compoundAgg) {
    return add(
        Node.sectionA(Node.Kind.COMPOUND_AGG, Objects.requireNonNull(compoundAgg), null, null));
  }

  @Override
  public Block.Impl compoundAgg(String pstateVar, dev.deimos.CompoundAgg compoundAgg) {
    return add(
        Node.sectionA(
            Node.Kind.COMPOUND_AGG,
            Objects.requireNonNull(compoundAgg),
            Objects.requireNonNull(pstateVar),
            null));
  }

  @Override
  public Block.Impl batchBlock(Block block) {
    return add(Node.sectionA(Node.Kind.BATCH_BLOCK, Objects.requireNonNull(block), (Object) null));
  }

  @Override
  public Block.Impl groupBy(String keyVar0, Block aggBlock) {
    return add(Node.sectionA(Node.Kind.GROUP_BY, Objects.requireNonNull(aggBlock), keyVar0, null));
  }

  @Override
  public Block.Impl groupBy(String keyVar0, String keyVar1, Block aggBlock) {
    return add(
        Node.sectionA(
            Node.Kind.GROUP_BY, Objects.requireNonNull(aggBlock), keyVar0, keyVar1, null));
  }

  @Override
  public Block.Impl groupBy(String keyVar0, String keyVar1, String keyVar2, Block aggBlock) {
    return add(
        Node.sectionA(
            Node.Kind.GROUP_BY, Objects.requireNonNull(aggBlock), keyVar0, keyVar1, keyVar2, null));
  }

  @Override
  public Block.Impl groupBy(
      String keyVar0, String keyVar1, String keyVar2, String keyVar3, Block aggBlock) {
    return add(
        Node.sectionA(
            Node.Kind.GROUP_BY,
            Objects.requireNonNull(aggBlock),
            keyVar0,
            keyVar1,
            keyVar2,
            keyVar3,
            null));
  }

  @Override
  public Block.Impl groupBy(
      String keyVar0,
      String keyVar1,
      String keyVar2,
      String keyVar3,
      String keyVar4,
      Block aggBlock) {
    return add(
        Node.sectionA(
            Node.Kind.GROUP_BY,
            Objects.requireNonNull(aggBlock),
            keyVar0,
            keyVar1,
            keyVar2,
            keyVar3,
            keyVar4,
            null));
  }

  @Override
  public Block.Impl groupBy(
      String keyVar0,
      String keyVar1,
      String keyVar2,
      String keyVar3,
      String keyVar4,
      String keyVar5,
      Block aggBlock) {
    return add(
        Node.sectionA(
            Node.Kind.GROUP_BY,
            Objects.requireNonNull(aggBlock),
            keyVar0,
            keyVar1,
            keyVar2,
            keyVar3,
            keyVar4,
            keyVar5,
            null));
  }

  @Override
  public Block.Impl limitAgg(dev.deimos.ops.LimitAgg limitAgg) {
    return add(Node.sectionA(Node.Kind.LIMIT_AGG, Objects.requireNonNull(limitAgg), (Object) null));
  }

  @Override
  public Block.Out materialize(String... vars) {
    Object[] args = java.util.Arrays.copyOf(vars, vars.length + 1, Object[].class);
    return add(Node.sectionA(Node.Kind.MATERIALIZE, null, args));
  }

  @Override
  public Block.Out explodeMaterialized(String ptableVar) {
    return add(
        Node.sectionA(
            Node.Kind.EXPLODE_MATERIALIZED, null, Objects.requireNonNull(ptableVar), null));
  }

  @Override
  public Block.Out subBatch(dev.deimos.SubBatch subBatch) {
    return add(Node.sectionA(Node.Kind.SUB_BATCH, Objects.requireNonNull(subBatch), (Object) null));
  }

  // ---- control flow (section B) ----

  @Override
  public Block.Impl anchor(String anchor) {
    return add(Node.names(Node.Kind.ANCHOR, Objects.requireNonNull(anchor, "anchor")));
  }

  @Override
  public Block.Impl hook(String anchor) {
    return add(Node.names(Node.Kind.HOOK, Objects.requireNonNull(anchor, "anchor")));
  }

  @Override
  public Block.Impl unify(String... anchors) {
    if (anchors.length < 2) {
      throw new IllegalArgumentException("unify needs at least two anchors");
    }
    return add(Node.names(Node.Kind.UNIFY, anchors));
  }

  @Override
  public Block.Impl branch(String anchor, Block block) {
    return add(Node.branch(Objects.requireNonNull(anchor), Objects.requireNonNull(block)));
  }

  @Override
  public Block.Impl cond(Case... cases) {
    Object[] conds = new Object[cases.length];
    Block[] bodies = new Block[cases.length];
    for (int i = 0; i < cases.length; i++) {
      CaseChain c = (CaseChain) Objects.requireNonNull(cases[i], "case");
      conds[i] = c.head();
      bodies[i] = c.chain();
    }
    return add(Node.cases(Node.Kind.COND, new ControlFlow.Cases(null, bodies), conds));
  }

  @Override
  public Block.Impl atomicBlock(Block block) {
    return add(Node.atomic(Objects.requireNonNull(block)));
  }

  @Override
  public Block.OutImpl loop(Block body) {
    return add(Node.loop(new String[0], new Object[0], Objects.requireNonNull(body)));
  }

  @Override
  public Block.OutImpl loopWithVars(LoopVars vars, Block body) {
    List<LoopVars.LoopVar> vs = ((LoopVars.LoopVarsCollector) vars).getVars();
    String[] names = new String[vs.size()];
    Object[] inits = new Object[vs.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = vs.get(i).var;
      inits[i] = vs.get(i).init;
    }
    return add(Node.loop(names, inits, Objects.requireNonNull(body)));
  }

  @Override
  public Block.Impl continueLoop(Object... args) {
    return add(Node.loopJump(Node.Kind.CONTINUE_LOOP, args));
  }

  @Override
  public Block.Impl emitLoop(Object... args) {
    return add(Node.loopJump(Node.Kind.EMIT_LOOP, args));
  }

  @Override
  public Block.Impl yieldIfOvertime() {
    return add(Node.names(Node.Kind.YIELD_IF_OVERTIME));
  }

  @Override
  public Block.Impl subSource(Object arg, SubSource... cases) {
    Class<?>[] types = new Class<?>[cases.length];
    Block[] bodies = new Block[cases.length];
    for (int i = 0; i < cases.length; i++) {
      SubSourceChain c = (SubSourceChain) Objects.requireNonNull(cases[i], "case");
      types[i] = c.head();
      bodies[i] = c.chain();
    }
    return add(Node.cases(Node.Kind.SUB_SOURCE, new ControlFlow.Cases(types, bodies), arg));
  }

  @Override
  public Block.Impl localClear(String pstateVar) {
    // Clearing is a transform that removes every top-level key.
    return add(Node.local(Node.Kind.LOCAL_TRANSFORM, pstateVar, CLEAR));
  }

  private static final Path CLEAR = Path.mapKeys().termVoid();

  @Override
  public Block.MultiOutImpl outStream(String stream, String anchor, String... vars) {
    if (node == null || node.kind != Node.Kind.EACH_OP) {
      throw new IllegalStateException("outStream must follow each(...) with an operation");
    }
    // The stream declaration goes before the operation so that a later out() still binds the
    // operation's default stream.
    Node decl =
        Node.streamDecl(Objects.requireNonNull(stream), Objects.requireNonNull(anchor), vars);
    return new Chain(new Chain(prev, decl), node);
  }

  // ---- partitioners and topology-only nodes (section C) ----

  /** A chain of exactly {@code nodes}, with no topology sink. */
  static Chain of(List<Node> nodes) {
    Chain c = EMPTY;
    for (Node n : nodes) {
      c = new Chain(c, n);
    }
    return c;
  }

  /**
   * Returns an empty chain whose later versions are all stored in {@code newest} (the body of a
   * query topology, recorded like a source chain).
   *
   * @param newest receives the newest chain built on the result
   * @return the empty chain
   */
  public static Block.Impl trackedEmpty(java.util.concurrent.atomic.AtomicReference<Block> newest) {
    Chain c = new Chain(null, null);
    c.sink = newest::set;
    newest.set(c);
    return c;
  }

  /** The operation after explodeMicrobatch's hop: emits the current task's records. */
  private static final dev.deimos.ops.DeimosOperation1<Object> EMIT_MICROBATCH =
      (mb, out) -> ((MicrobatchRecords) mb).emit(TaskContext.current().taskId(), out);

  @Override
  public Block.Out explodeMicrobatch(String microbatchVar) {
    Objects.requireNonNull(microbatchVar, "microbatchVar");
    // a hop to every task holding records, then an operation emitting that task's records
    return add(Node.partition(
            new PartitionSpec(PartitionSpec.Type.MICROBATCH, null, null), microbatchVar))
        .add(Node.each(Node.Kind.EACH_OP, EMIT_MICROBATCH, microbatchVar));
  }

  @Override
  public Block.Impl allPartition(String pobjectVar) {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.ALL, pobjectVar, null)));
  }

  @Override
  public Block.Impl customPartition(String pobjectVar, DeimosFunction1<Integer, Integer> fn) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn))));
  }

  @Override
  public <T0> Block.Impl customPartition(
      String pobjectVar, DeimosFunction2<Integer, T0, Integer> fn, Object arg0) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0));
  }

  @Override
  public <T0, T1> Block.Impl customPartition(
      String pobjectVar, DeimosFunction3<Integer, T0, T1, Integer> fn, Object arg0, Object arg1) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0,
            arg1));
  }

  @Override
  public <R> Block.OutImpl eachAsync(DeimosFunction0<CompletableFuture<R>> fn) {
    return add(Node.each(Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn)));
  }

  @Override
  public <T0, R> Block.OutImpl eachAsync(
      DeimosFunction1<T0, CompletableFuture<R>> fn, Object arg0) {
    return add(Node.each(Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn), arg0));
  }

  @Override
  public <T0, T1, R> Block.OutImpl eachAsync(
      DeimosFunction2<T0, T1, CompletableFuture<R>> fn, Object arg0, Object arg1) {
    return add(Node.each(Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn), arg0, arg1));
  }

  @Override
  public <T0, T1, T2, R> Block.OutImpl eachAsync(
      DeimosFunction3<T0, T1, T2, CompletableFuture<R>> fn, Object arg0, Object arg1, Object arg2) {
    return add(Node.each(Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn), arg0, arg1, arg2));
  }

  @Override
  public <T0, T1, T2, T3, R> Block.OutImpl eachAsync(
      DeimosFunction4<T0, T1, T2, T3, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return add(Node.each(Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn), arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4, R> Block.OutImpl eachAsync(
      DeimosFunction5<T0, T1, T2, T3, T4, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(
        Node.each(Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn), arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, R> Block.OutImpl eachAsync(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(
        Node.each(
            Node.Kind.EACH_ASYNC, Objects.requireNonNull(fn), arg0, arg1, arg2, arg3, arg4, arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, R> Block.OutImpl eachAsync(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        Node.each(
            Node.Kind.EACH_ASYNC,
            Objects.requireNonNull(fn),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> Block.OutImpl eachAsync(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(
        Node.each(
            Node.Kind.EACH_ASYNC,
            Objects.requireNonNull(fn),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6,
            arg7));
  }

  @Override
  public Block.OutImpl select(String pstateVar, Path path) {
    Objects.requireNonNull(path);
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.PATH_KEY, pstateVar, path)))
        .add(Node.local(Node.Kind.LOCAL_SELECT, pstateVar, path));
  }

  @Override
  public Block.Impl depotPartitionAppend(String depotVar, Object data) {
    return depotPartitionAppend(depotVar, data, AckLevel.ACK);
  }

  @Override
  public Block.Impl depotPartitionAppend(String depotVar, Object data, AckLevel ackLevel) {
    return add(Node.depotAppend(depotVar, Objects.requireNonNull(ackLevel), data));
  }

  @Override
  public Block.Impl hashPartition(Object key) {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.HASH, null, null), key));
  }

  @Override
  public Block.Impl hashPartition(String pstateVar, Object key) {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.HASH, pstateVar, null), key));
  }

  @Override
  public Block.Impl allPartition() {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.ALL, null, null)));
  }

  @Override
  public Block.Impl shufflePartition() {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.SHUFFLE, null, null)));
  }

  @Override
  public Block.Impl directPartition(Object taskId) {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.DIRECT, null, null), taskId));
  }

  @Override
  public Block.Impl directPartition(String pstateVar, Object taskId) {
    return add(
        Node.partition(new PartitionSpec(PartitionSpec.Type.DIRECT, pstateVar, null), taskId));
  }

  @Override
  public Block.Impl globalPartition() {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.GLOBAL, null, null)));
  }

  @Override
  public Block.Impl globalPartition(String pstateVar) {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.GLOBAL, pstateVar, null)));
  }

  @Override
  public Block.Impl originPartition() {
    return add(Node.partition(new PartitionSpec(PartitionSpec.Type.ORIGIN, null, null)));
  }

  @Override
  public Block.Impl customPartition(DeimosFunction1<Integer, Integer> fn) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn))));
  }

  @Override
  public <T0> Block.Impl customPartition(DeimosFunction2<Integer, T0, Integer> fn, Object arg0) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)), arg0));
  }

  @Override
  public <T0, T1> Block.Impl customPartition(
      DeimosFunction3<Integer, T0, T1, Integer> fn, Object arg0, Object arg1) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)),
            arg0,
            arg1));
  }

  @Override
  public <T0, T1, T2> Block.Impl customPartition(
      DeimosFunction4<Integer, T0, T1, T2, Integer> fn, Object arg0, Object arg1, Object arg2) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2));
  }

  @Override
  public <T0, T1, T2> Block.Impl customPartition(
      String pobjectVar,
      DeimosFunction4<Integer, T0, T1, T2, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2));
  }

  @Override
  public <T0, T1, T2, T3> Block.Impl customPartition(
      String pobjectVar,
      DeimosFunction5<Integer, T0, T1, T2, T3, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4> Block.Impl customPartition(
      String pobjectVar,
      DeimosFunction6<Integer, T0, T1, T2, T3, T4, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5> Block.Impl customPartition(
      String pobjectVar,
      DeimosFunction7<Integer, T0, T1, T2, T3, T4, T5, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6> Block.Impl customPartition(
      String pobjectVar,
      DeimosFunction8<Integer, T0, T1, T2, T3, T4, T5, T6, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, pobjectVar, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6));
  }

  @Override
  public <T0, T1, T2, T3> Block.Impl customPartition(
      DeimosFunction5<Integer, T0, T1, T2, T3, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4> Block.Impl customPartition(
      DeimosFunction6<Integer, T0, T1, T2, T3, T4, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5> Block.Impl customPartition(
      DeimosFunction7<Integer, T0, T1, T2, T3, T4, T5, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6> Block.Impl customPartition(
      DeimosFunction8<Integer, T0, T1, T2, T3, T4, T5, T6, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        Node.partition(
            new PartitionSpec(PartitionSpec.Type.CUSTOM, null, Objects.requireNonNull(fn)),
            arg0,
            arg1,
            arg2,
            arg3,
            arg4,
            arg5,
            arg6));
  }

  @Override
  public Block.OutImpl localSelect(String pstateVar, Path path, SelectOptions options) {
    Objects.requireNonNull(options);
    // Yielding only splits a long select across events over a stable snapshot; the values
    // selected are the same, so the options do not change the node.
    return localSelect(pstateVar, path);
  }

  @Override
  public Block.OutImpl select(String pstateVar, Path path, SelectOptions options) {
    Objects.requireNonNull(options);
    return select(pstateVar, path);
  }

  @Override
  public Block.Impl pathPartition(String pstateVar, Path path) {
    return add(
        Node.partition(
            new PartitionSpec(
                PartitionSpec.Type.PATH_KEY, pstateVar, Objects.requireNonNull(path), true)));
  }

  @Override
  public Block.Impl freshBatchSource() {
    return add(Node.names(Node.Kind.FRESH_SOURCE));
  }

  @Override
  public Block.OutImpl invokeQuery(String queryName, Object... args) {
    return add(Node.invokeQuery(Objects.requireNonNull(queryName), args));
  }

  @Override
  public Block.Impl ackReturn(Object value) {
    return add(Node.ackReturn(value));
  }

  /**
   * Starts a topology chain reading records of {@code depotVar}; {@code out} binds the record.
   *
   * @param depotVar the depot var
   * @return the chain
   */
  public static Block.OutImpl source(String depotVar) {
    return sourceTracked(depotVar, null);
  }

  /**
   * Like {@link #source}, and every chain later built on top of the result is stored in {@code
   * newest}: a topology's builder calls are recorded even though chains are persistent.
   *
   * @param depotVar the depot var
   * @param newest receives the newest chain built from this source (may be null)
   * @return the chain
   */
  public static Block.OutImpl sourceTracked(
      String depotVar, java.util.concurrent.atomic.AtomicReference<Block> newest) {
    Chain c = new Chain(EMPTY, Node.source(new SourceSpec(depotVar, new String[0])));
    if (newest != null) {
      newest.set(c);
      c.sink = newest::set;
    }
    return c;
  }

  /**
   * Returns the depot var a topology chain made by {@link #source} reads.
   *
   * @param block the chain
   * @return the depot var
   */
  public static String sourceDepot(Block block) {
    List<Node> ns = nodesOf(block);
    if (ns.isEmpty() || ns.get(0).kind != Node.Kind.SOURCE) {
      throw new IllegalArgumentException("not a chain started by source(...)");
    }
    return ((SourceSpec) ns.get(0).fn).depotVar;
  }

  /**
   * Returns a copy of a source chain whose compile also treats {@code vars} as bound (the runtime
   * binds them: the module's PStates).
   *
   * @param block a chain made by {@link #source}
   * @param vars the vars
   * @return the new chain
   */
  public static Block withPreBound(Block block, String[] vars) {
    List<Node> ns = nodesOf(block);
    Chain c = EMPTY.add(Node.sourceWithPreBound(ns.get(0), vars.clone()));
    for (int i = 1; i < ns.size(); i++) {
      c = c.add(ns.get(i));
    }
    return c;
  }

  @Override
  public void execute() {
    Compiler.compile(this).run();
  }
}
