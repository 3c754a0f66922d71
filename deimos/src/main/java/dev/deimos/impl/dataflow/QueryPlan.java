package dev.deimos.impl.dataflow;

import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.ops.DeimosOperation1;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled query topology. The body becomes one batch block preceded by a source step that binds
 * the invocation's arguments to the input vars and followed, inside the block, by an {@code
 * ackReturn} of the result var: the runtime counts those to check the query emits exactly once.
 */
public final class QueryPlan {
  /** Marks "no leading partitioner key" for {@link #leadingKey}. */
  public static final Object NO_KEY = new Object();

  private static final String ARGS_VAR = "*#queryArgs";

  private final Plan plan;
  private final int arity;
  private final int leadingArg;
  private final Object leadingLiteral;
  private final String leadingPState;
  private final boolean leadingGlobal;

  private QueryPlan(
      Plan plan,
      int arity,
      int leadingArg,
      Object leadingLiteral,
      String leadingPState,
      boolean leadingGlobal) {
    this.plan = plan;
    this.leadingGlobal = leadingGlobal;
    this.arity = arity;
    this.leadingArg = leadingArg;
    this.leadingLiteral = leadingLiteral;
    this.leadingPState = leadingPState;
  }

  /** Binds the invocation's arguments (a list) to the input vars. */
  private static final DeimosOperation1<List<?>> EXPLODE_ARGS =
      (args, out) -> out.emit(args.toArray());

  /**
   * Compiles a query topology.
   *
   * @param name the query name
   * @param inputs its input vars
   * @param resultVar the var holding the result
   * @param body the body built on {@code query(...).out(resultVar)}
   * @param preBound vars the runtime binds (PStates, task globals, mirrors, the temp PState)
   * @return the plan
   * @throws DeimosCompileException if a var is invalid or unbound, or the body does not go back to
   *     the origin task with {@code originPartition()} as its last partitioner
   */
  public static QueryPlan compile(
      String name, String[] inputs, String resultVar, Block body, String[] preBound) {
    for (String in : inputs) {
      if (!Compiler.isVar(in)) {
        throw new DeimosCompileException(
            "query " + name + ": input var '" + in + "' must start with '*'");
      }
    }
    if (!Compiler.isVar(resultVar)) {
      throw new DeimosCompileException(
          "query " + name + ": result var '" + resultVar + "' must start with '*'");
    }
    List<Node> nodes = Chain.nodesOf(body);
    checkOrigin(name, resultVar, nodes);
    List<Node> all = new ArrayList<>();
    all.add(
        Node.source(new SourceSpec("query " + name, preBound)).withOuts(new String[] {ARGS_VAR}));
    if (inputs.length > 0) {
      all.add(Node.each(Node.Kind.EACH_OP, EXPLODE_ARGS, ARGS_VAR).withOuts(inputs));
    }
    List<Node> inner = new ArrayList<>(nodes);
    inner.add(Node.ackReturn(resultVar));
    all.add(Node.sectionA(Node.Kind.BATCH_BLOCK, Chain.of(inner), (Object) null));
    Plan plan;
    try {
      plan = Compiler.compileQuery(Chain.of(all));
    } catch (DeimosCompileException e) {
      // positions inside the body: the source (and argument binding) come first
      String pos = "node " + (inputs.length > 0 ? 2 : 1) + ".";
      String msg = e.getMessage().replace(pos + "pre.", "node ").replace(pos + "post.", "node ");
      throw new DeimosCompileException("query " + name + ": " + msg);
    }

    int leadingArg = -1;
    Object literal = NO_KEY;
    String pstate = null;
    boolean global = false;
    if (!nodes.isEmpty() && nodes.get(0).kind == Node.Kind.PARTITION) {
      Node first = nodes.get(0);
      PartitionSpec spec = (PartitionSpec) first.fn;
      global = spec.type == PartitionSpec.Type.GLOBAL;
      if (spec.type == PartitionSpec.Type.HASH) {
        Object key = first.args[0];
        pstate = spec.pstateVar;
        int idx = Arrays.asList(inputs).indexOf(key);
        if (idx >= 0) {
          leadingArg = idx;
        } else if (!Compiler.isVar(key) && !(key instanceof dev.deimos.Expr)) {
          literal =
              key instanceof dev.deimos.Constant ? ((dev.deimos.Constant) key).getValue() : key;
        }
      }
    }
    return new QueryPlan(plan, inputs.length, leadingArg, literal, pstate, global);
  }

  private static boolean isAggNode(Node n) {
    return n.kind == Node.Kind.AGG
        || n.kind == Node.Kind.COMPOUND_AGG
        || n.kind == Node.Kind.GROUP_BY
        || n.kind == Node.Kind.LIMIT_AGG;
  }

  /** originPartition must be the last partitioner, before the aggregators (Rama's rule). */
  private static void checkOrigin(String name, String resultVar, List<Node> nodes) {
    int lastPartition = -1;
    boolean origin = false;
    boolean aggSeen = false;
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (isAggNode(n)) {
        aggSeen = true;
      } else if (n.kind == Node.Kind.PARTITION) {
        if (aggSeen) {
          throw new DeimosCompileException(
              "query "
                  + name
                  + ": node "
                  + i
                  + " "
                  + n.describe()
                  + ": no partitioner is allowed after the aggregation");
        }
        lastPartition = i;
        origin = ((PartitionSpec) n.fn).type == PartitionSpec.Type.ORIGIN;
      }
    }
    if (!origin) {
      throw new DeimosCompileException(
          "query "
              + name
              + ": the body must end its partitioning with originPartition() before binding the"
              + " result "
              + resultVar
              + (lastPartition < 0
                  ? " (it has no originPartition)"
                  : " (the last partitioner is node "
                      + lastPartition
                      + " "
                      + nodes.get(lastPartition).describe()
                      + ")"));
    }
  }

  /**
   * Returns the plan to run once per invocation; its source binds the argument list.
   *
   * @return the plan
   */
  public Plan plan() {
    return plan;
  }

  /**
   * Returns the number of input vars.
   *
   * @return the arity
   */
  public int arity() {
    return arity;
  }

  /**
   * Tells whether the body starts with {@code globalPartition}, so the query can start on task 0
   * instead of hopping there from a random task.
   *
   * @return true for a leading global partitioner
   */
  public boolean startsWithGlobalPartition() {
    return leadingGlobal;
  }

  /**
   * Returns the key of a leading {@code hashPartition} when it is an input or a literal: the query
   * can start on the task owning it; {@link #NO_KEY} otherwise.
   *
   * @param args the invocation's arguments
   * @return the key or {@link #NO_KEY}
   */
  public Object leadingKey(Object[] args) {
    return leadingArg >= 0 ? args[leadingArg] : leadingLiteral;
  }

  /**
   * Returns the PState var of the leading {@code hashPartition}, or null.
   *
   * @return a {@code $$} var or null
   */
  public String leadingPState() {
    return leadingPState;
  }
}
