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
    // section B kinds (control flow)
    // section C kinds (partitioners, runtime)
    SOURCE,
    PARTITION,
    ACK_RETURN,
    EACH_ASYNC,
    DEPOT_APPEND,
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

  // ---- section B factories (control flow) ----

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

      // ---- section B descriptions ----

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

      default:
        return "ifTrue(" + args[0] + ")";
    }
  }
}
