package dev.deimos.impl.dataflow;

import dev.deimos.Block;
import dev.deimos.impl.data.Functions;
import java.util.Arrays;

/** One recorded dataflow node. Immutable; {@link #withOuts} returns a copy. */
final class Node {
  enum Kind {
    EACH_FN,
    EACH_OP,
    KEEP_TRUE,
    IF_TRUE,
    LOCAL_SELECT,
    LOCAL_TRANSFORM,
    // section A kinds (aggregation, batch)
    AGG,
    COMPOUND_AGG,
    BATCH_BLOCK,
    GROUP_BY,
    LIMIT_AGG,
    MATERIALIZE,
    EXPLODE_MATERIALIZED,
    SUB_BATCH,
    BATCH_SINK,
    SUB_BATCH_EMIT,
    FRESH_SOURCE,
    // section B kinds (control flow)
    ANCHOR,
    HOOK,
    UNIFY,
    BRANCH,
    FORK,
    JOIN,
    COND,
    SUB_SOURCE,
    ATOMIC,
    LOOP,
    CONTINUE_LOOP,
    EMIT_LOOP,
    YIELD_IF_OVERTIME,
    STREAM_DECL,
    SHADOW_SAVE,
    SHADOW_RESTORE,
    // section C kinds (partitioners, runtime)
    SOURCE,
    PARTITION,
    ACK_RETURN,
    EACH_ASYNC,
    DEPOT_APPEND,
    INVOKE_QUERY,
  }

  final Kind kind;
  final Object fn;
  final Object[] args;
  final String[] outs;
  final Block then;
  final Block otherwise;

  private Node(Kind kind, Object fn, Object[] args, String[] outs, Block then, Block otherwise) {
    this.kind = kind;
    this.fn = fn;
    this.args = args;
    this.outs = outs;
    this.then = then;
    this.otherwise = otherwise;
  }

  static Node each(Kind kind, Object fn, Object... args) {
    return new Node(kind, fn, args, new String[0], null, null);
  }

  static Node keepTrue(Object cond) {
    return new Node(Kind.KEEP_TRUE, null, new Object[] {cond}, new String[0], null, null);
  }

  static Node ifTrue(Object cond, Block then, Block otherwise) {
    return new Node(Kind.IF_TRUE, null, new Object[] {cond}, new String[0], then, otherwise);
  }

  /** A localSelect/localTransform node: args[0] is the PState var, fn holds the path. */
  static Node local(Kind kind, String pstateVar, Object path) {
    return new Node(kind, path, new Object[] {pstateVar}, new String[0], null, null);
  }

  // ---- section A factories (aggregation, batch) ----

  /** An aggregation/batch node; the compiler stores its compiled data in the last arg. */
  static Node sectionA(Kind kind, Object fn, Object... args) {
    return new Node(kind, fn, args, new String[0], null, null);
  }

  // ---- section B factories (control flow) ----

  /** anchor/hook/unify/yieldIfOvertime: fn holds the anchor names (String[]). */
  static Node names(Kind kind, String... names) {
    return new Node(kind, names.clone(), new Object[0], new String[0], null, null);
  }

  /** branch(anchor, block): fn holds the anchor name, then the attached block. */
  static Node branch(String anchor, Block block) {
    return new Node(Kind.BRANCH, anchor, new Object[0], new String[0], block, null);
  }

  /**
   * cond/subSource: args are the case conditions (cond) or the dispatched value (subSource); fn
   * holds the case bodies (Block[]) and, for subSource, otherwise holds nothing and the classes
   * travel in {@link ControlFlow.Cases}.
   */
  static Node cases(Kind kind, ControlFlow.Cases cases, Object... args) {
    return new Node(kind, cases, args, new String[0], null, null);
  }

  /** atomicBlock(block). */
  static Node atomic(Block block) {
    return new Node(Kind.ATOMIC, null, new Object[0], new String[0], block, null);
  }

  /** loop/loopWithVars: fn holds the loop var names, args their initial values. */
  static Node loop(String[] vars, Object[] inits, Block body) {
    return new Node(Kind.LOOP, vars, inits, new String[0], body, null);
  }

  /** outStream: fn holds {stream, anchor, vars...}; placed right before its operation. */
  static Node streamDecl(String stream, String anchor, String... vars) {
    String[] fn = new String[vars.length + 2];
    fn[0] = stream;
    fn[1] = anchor;
    System.arraycopy(vars, 0, fn, 2, vars.length);
    return new Node(Kind.STREAM_DECL, fn, new Object[0], new String[0], null, null);
  }

  /** continueLoop/emitLoop: args are the values passed on. */
  static Node loopJump(Kind kind, Object... args) {
    return new Node(kind, null, args.clone(), new String[0], null, null);
  }

  // ---- section C factories (partitioners, runtime) ----

  /** A topology source: fn holds the {@link SourceSpec}; outs bind the record. */
  static Node source(SourceSpec spec) {
    return new Node(Kind.SOURCE, spec, new Object[0], new String[0], null, null);
  }

  /** The same source node with other vars the runtime binds before the first step. */
  static Node sourceWithPreBound(Node src, String[] preBound) {
    SourceSpec old = (SourceSpec) src.fn;
    return new Node(
        Kind.SOURCE, new SourceSpec(old.depotVar, preBound), src.args, src.outs, null, null);
  }

  /** A partitioner: fn holds the {@link PartitionSpec}; args are its evaluated arguments. */
  static Node partition(PartitionSpec spec, Object... args) {
    return new Node(Kind.PARTITION, spec, args, new String[0], null, null);
  }

  /** depotPartitionAppend: fn holds {depotVar, ackLevel}; args[0] is the record. */
  static Node depotAppend(String depotVar, Object ackLevel, Object data) {
    return new Node(
        Kind.DEPOT_APPEND,
        new Object[] {depotVar, ackLevel},
        new Object[] {data},
        new String[0],
        null,
        null);
  }

  /** invokeQuery: fn holds the query name (or mirror var); args are the query's arguments. */
  static Node invokeQuery(String query, Object[] args) {
    return new Node(Kind.INVOKE_QUERY, query, args.clone(), new String[0], null, null);
  }

  static Node ackReturn(Object val) {
    return new Node(Kind.ACK_RETURN, null, new Object[] {val}, new String[0], null, null);
  }

  Node withOuts(String[] vars) {
    return new Node(kind, fn, args, vars.clone(), then, otherwise);
  }

  /** Short description used in error messages. */
  String describe() {
    switch (kind) {
      case EACH_FN:
      case EACH_OP:
        return "each(" + Functions.describe(fn) + ", " + Arrays.toString(args) + ")";
      case KEEP_TRUE:
        return "keepTrue(" + args[0] + ")";
      case LOCAL_SELECT:
        return "localSelect(" + args[0] + ", " + fn + ")";
      case LOCAL_TRANSFORM:
        return "localTransform(" + args[0] + ", " + fn + ")";
      // ---- section A descriptions ----
      case AGG:
      case COMPOUND_AGG:
        return (kind == Kind.AGG ? "agg(" : "compoundAgg(")
            + (args[0] == null ? "" : args[0] + ", ")
            + fn
            + ")";
      case BATCH_BLOCK:
        return "batchBlock";
      case GROUP_BY:
        return "groupBy(" + Arrays.toString(Arrays.copyOf(args, args.length - 1)) + ")";
      case LIMIT_AGG:
        return "limitAgg(" + fn + ")";
      case MATERIALIZE:
        return "materialize(" + Arrays.toString(Arrays.copyOf(args, args.length - 1)) + ")";
      case EXPLODE_MATERIALIZED:
        return "explodeMaterialized(" + args[0] + ")";
      case SUB_BATCH:
        return "subBatch(" + fn + ")";
      case BATCH_SINK:
        return "end of pre-aggregation";
      case SUB_BATCH_EMIT:
        return "subBatch output";
      case FRESH_SOURCE:
        return "freshBatchSource()";

      // ---- section B descriptions ----
      case ANCHOR:
      case HOOK:
      case UNIFY:
      case YIELD_IF_OVERTIME:
        return ControlFlow.describe(this);
      case BRANCH:
        return "branch(" + fn + ")";
      case STREAM_DECL:
        return "outStream" + Arrays.toString((String[]) fn);
      case SHADOW_SAVE:
      case SHADOW_RESTORE:
        return (kind == Kind.SHADOW_SAVE ? "save " : "restore ") + Arrays.toString((String[]) fn);
      case FORK:
      case JOIN:
        return kind.name().toLowerCase(java.util.Locale.ROOT);
      case COND:
        return "cond(" + args.length + " cases)";
      case SUB_SOURCE:
        return "subSource(" + args[0] + ")";
      case ATOMIC:
        return "atomicBlock";
      case LOOP:
        return "loopWithVars(" + Arrays.toString((String[]) fn) + ")";
      case CONTINUE_LOOP:
        return "continueLoop" + Arrays.toString(args);
      case EMIT_LOOP:
        return "emitLoop" + Arrays.toString(args);

      // ---- section C descriptions ----
      case SOURCE:
        return "source(" + ((SourceSpec) fn).depotVar + ")";
      case PARTITION:
        return ((PartitionSpec) fn).describe(args);
      case ACK_RETURN:
        return "ackReturn(" + args[0] + ")";
      case EACH_ASYNC:
        return "eachAsync(" + Functions.describe(fn) + ", " + Arrays.toString(args) + ")";
      case DEPOT_APPEND:
        return "depotPartitionAppend(" + ((Object[]) fn)[0] + ", " + args[0] + ")";
      case INVOKE_QUERY:
        return "invokeQuery("
            + fn
            + (args.length == 0 ? "" : ", ")
            + Arrays.toString(args).substring(1);

      default:
        return "ifTrue(" + args[0] + ")";
    }
  }
}
