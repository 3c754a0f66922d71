package dev.deimos.impl.dataflow;

import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.SubBatch;
import dev.deimos.impl.dataflow.BatchPlan.AggNode;
import dev.deimos.impl.dataflow.BatchPlan.AggPhase;
import dev.deimos.impl.dataflow.BatchPlan.LimitPlan;
import dev.deimos.impl.dataflow.BatchPlan.StreamAgg;
import dev.deimos.impl.dataflow.BatchPlan.SubBatchPlan;
import dev.deimos.ops.AggOrCompoundAgg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles the aggregation and batch nodes (section A of the dataflow compiler). A batch block is
 * split into its pre-aggregation nodes, its aggregation nodes and its post-aggregation nodes; the
 * scope of the post-aggregation phase is the vars bound before the block plus what the aggregators
 * bind (pre-aggregation vars are not visible there, as in Rama).
 */
final class AggCompiler {
  /** Pseudo-var present in the bound set while compiling the inside of a batch block. */
  static final String IN_BATCH = "#batch";

  /**
   * Pseudo-var present while compiling the pre-aggregation phase of a batch block, where Rama
   * forbids rebinding (shadowing) a var.
   */
  static final String IN_PRE_AGG = "#preagg";

  private AggCompiler() {}

  /**
   * Rewrites the top-level {@code freshBatchSource} nodes of a pre-aggregation phase: the phase
   * starts with a hidden anchor and each fresh source hooks onto it, so every source starts from
   * the vars bound before the block. A source that a later one replaces must end with an anchor
   * that a later unify merges: sources are merged with unify; implicit joins of sources on their
   * shared vars are not supported, so any other shape is rejected here with the node named.
   */
  static List<Node> freshSources(List<Node> pre, String pos) {
    boolean any = false;
    for (Node n : pre) {
      any |= n.kind == Node.Kind.FRESH_SOURCE;
    }
    if (!any) {
      return pre;
    }
    String root = "<batch start " + pos + ">";
    Set<String> unified = new HashSet<>();
    for (Node n : pre) {
      if (n.kind == Node.Kind.UNIFY) {
        unified.addAll(Arrays.asList((String[]) n.fn));
      }
    }
    List<Node> out = new ArrayList<>(pre.size() + 1);
    out.add(Node.names(Node.Kind.ANCHOR, root));
    for (int i = 0; i < pre.size(); i++) {
      Node n = pre.get(i);
      if (n.kind != Node.Kind.FRESH_SOURCE) {
        out.add(n);
        continue;
      }
      String at = "node " + pos + ".pre." + i + " " + n.describe();
      Node prev = i == 0 ? null : pre.get(i - 1);
      if (prev == null || prev.kind == Node.Kind.FRESH_SOURCE) {
        throw err(at, "the batch source before this freshBatchSource is empty");
      }
      String anchor = prev.kind == Node.Kind.ANCHOR ? ((String[]) prev.fn)[0] : null;
      if (anchor == null || !unified.contains(anchor)) {
        throw err(
            at,
            "the batch source ending here "
                + (anchor == null
                    ? "has no anchor"
                    : "ends at anchor '" + anchor + "', which no later unify merges")
                + "; end it with anchor(name) and merge it with unify(...). Joining batch"
                + " sources implicitly on their shared vars is not supported");
      }
      out.add(Node.names(Node.Kind.HOOK, root));
    }
    return out;
  }

  /** The compiler's services this class needs; implemented by {@link Compiler} per node. */
  interface Host {
    Set<String> seq(List<Node> nodes, Set<String> bound, Step cont, Step[] head, String where);

    Arg arg(Object o, Set<String> bound, String at);

    int slot(String var);

    /** Whether aggregators may write temporary PStates (true in microbatch topologies only). */
    boolean tempPStates();

    /**
     * Whether the block is a query topology's body: one batch block with no later batch block to
     * read a materialized table, and no temporary PStates besides its own scratch PState.
     */
    default boolean queryBody() {
      return false;
    }
  }

  static boolean owns(Node.Kind k) {
    switch (k) {
      case AGG:
      case COMPOUND_AGG:
      case BATCH_BLOCK:
      case GROUP_BY:
      case LIMIT_AGG:
      case MATERIALIZE:
      case EXPLODE_MATERIALIZED:
      case SUB_BATCH:
        return true;
      default:
        return false;
    }
  }

  private static boolean isAggPhase(Node n) {
    return n.kind == Node.Kind.AGG
        || n.kind == Node.Kind.COMPOUND_AGG
        || n.kind == Node.Kind.GROUP_BY
        || n.kind == Node.Kind.LIMIT_AGG;
  }

  private static DeimosCompileException err(String at, String msg) {
    return new DeimosCompileException(at + ": " + msg);
  }

  /**
   * Compiles node {@code n} met in an ordinary sequence (not at the top level of a batch block),
   * storing its data in the last element of {@code s.args} and adding the vars it binds to {@code
   * b}.
   */
  static void compile(Host h, Node n, Step s, Set<String> b, String at, String pos) {
    boolean inBatch = b.contains(IN_BATCH);
    int last = s.args.length - 1;
    switch (n.kind) {
      case AGG:
      case COMPOUND_AGG:
        {
          if (n.outs.length > 0 || n.args[0] == null) {
            String bind =
                n.outs.length > 0 ? " (binds " + String.join(", ", n.outs) + ")" : " (no out)";
            throw err(
                at,
                (inBatch
                        ? "an aggregation producing a value must be at the top level of its"
                            + " batchBlock, not nested"
                        : "an aggregation producing a value is only allowed inside a batchBlock")
                    + bind);
          }
          if (inBatch) {
            throw err(
                at,
                "aggregating into " + n.args[0] + " inside a batchBlock must be at its top level");
          }
          requirePStateVar(n.args[0], at);
          s.args[last] = new StreamAgg(template(h, (AggOrCompoundAgg) n.fn, b, at));
          List<String> caps = new ArrayList<>();
          captureVars((AggOrCompoundAgg) n.fn, caps);
          b.addAll(caps);
          return;
        }
      case GROUP_BY:
      case LIMIT_AGG:
        throw err(
            at,
            inBatch
                ? "must be at the top level of its batchBlock, not nested"
                : "is only allowed inside a batchBlock");
      case MATERIALIZE:
        if (!inBatch) {
          throw err(at, "is only allowed inside a batchBlock");
        }
        if (h.queryBody()) {
          throw err(
              at,
              "materialize is not allowed in a query topology: it stores tuples in a temporary"
                  + " PState for a later batch block, and a query is a single batch block"
                  + " (temporary PStates exist only in microbatch topologies); aggregate into the"
                  + " query's own $$<name>$$ PState or return the values instead");
        }
        if (n.outs.length != 1 || !Compiler.isPStateVar(n.outs[0])) {
          throw err(
              at,
              "materialize must bind exactly one $$ var with out, got " + Arrays.toString(n.outs));
        }
        return;
      case EXPLODE_MATERIALIZED:
        requirePStateVar(n.args[0], at);
        if (n.outs.length == 0) {
          throw err(at, "explodeMaterialized must bind its tuple's vars with out");
        }
        return;
      case BATCH_BLOCK:
        {
          if (inBatch) {
            throw err(at, "a batchBlock cannot be nested in another batch block");
          }
          Set<String> after = new HashSet<>();
          s.args[last] = batch(h, Chain.nodesOf((Block) n.fn), b, null, pos, after);
          // Materialized tables ($$ vars bound inside) stay visible to later batch blocks.
          for (String v : after) {
            if (Compiler.isPStateVar(v)) {
              b.add(v);
            }
          }
          return;
        }
      default:
        subBatch(h, n, s, b, at, pos);
    }
  }

  private static void subBatch(Host h, Node n, Step s, Set<String> b, String at, String pos) {
    SubBatch sb = (SubBatch) n.fn;
    String[] outVars = sb.getOutVars();
    if (n.outs.length != outVars.length) {
      throw err(
          at,
          "subBatch emits "
              + outVars.length
              + " vars "
              + Arrays.toString(outVars)
              + " but out binds "
              + n.outs.length);
    }
    Step emit =
        new Step(
            Node.sectionA(Node.Kind.SUB_BATCH_EMIT, null, (Object) null), new Arg[1], new int[0]);
    Set<String> after = new HashSet<>();
    List<Node> body = Chain.nodesOf(sb.getBlock());
    BatchPlan plan = batch(h, body, b, emit, pos + ".sub", after);
    if (plan.agg == null) {
      throw err(at, "the block of a subBatch must aggregate");
    }
    int[] from = new int[outVars.length];
    for (int i = 0; i < from.length; i++) {
      if (!after.contains(outVars[i])) {
        throw err(at, "subBatch out var " + outVars[i] + " is not bound after its aggregation");
      }
      from[i] = h.slot(outVars[i]);
    }
    SubBatchPlan sp = new SubBatchPlan(plan, from, s.outSlots);
    sp.owner = s;
    emit.args[0] = sp;
    s.args[s.args.length - 1] = sp;
  }

  private static void requirePStateVar(Object v, String at) {
    if (!Compiler.isPStateVar(v)) {
      throw err(at, "'" + v + "' must be a PState var starting with '$$'");
    }
  }

  /**
   * Compiles a batch body; {@code cont} is where the post-aggregation phase continues (null for a
   * batchBlock). Every var bound inside is added to {@code after}.
   */
  static BatchPlan batch(
      Host h, List<Node> body, Set<String> b, Step cont, String pos, Set<String> after) {
    BatchPlan p = new BatchPlan();
    p.stateSlot = h.slot("#batch@" + pos);
    int first = -1;
    int end = body.size();
    for (int i = 0; i < body.size(); i++) {
      Node n = body.get(i);
      if (isAggPhase(n)) {
        if (first < 0) {
          first = i;
        } else if (end != body.size()) {
          throw err(
              "node " + pos + ".post." + (i - end) + " " + n.describe(),
              "aggregation after post-aggregation code; use a subBatch for a second stage");
        }
      } else if (first >= 0 && end == body.size()) {
        end = i;
      }
    }
    Set<String> in = new HashSet<>(b);
    in.add(IN_BATCH);
    in.add(IN_PRE_AGG);
    List<Node> pre = freshSources(first < 0 ? body : body.subList(0, first), pos);
    Step sink =
        new Step(
            Node.sectionA(Node.Kind.BATCH_SINK, null, (Object) null), new Arg[] {p}, new int[0]);
    Step[] head = new Step[1];
    Set<String> bPre = h.seq(pre, in, sink, head, pos + ".pre.");
    p.pre = head[0];
    after.addAll(bPre);
    if (first < 0) {
      return p;
    }
    Set<String> post = new HashSet<>(in);
    post.remove(IN_PRE_AGG);
    for (String v : bPre) {
      if (Compiler.isPStateVar(v)) {
        post.add(v);
      }
    }
    AggPhase ph = new AggPhase();
    List<AggNode> aggs = new ArrayList<>();
    boolean twoPhase = true;
    for (int j = first; j < end; j++) {
      Node an = body.get(j);
      String at = "node " + pos + ".agg." + (j - first) + " " + an.describe();
      if (an.kind == Node.Kind.GROUP_BY) {
        if (end - first != 1) {
          throw err(at, "groupBy must be the only aggregation node of its batch block");
        }
        int nk = an.args.length - 1;
        ph.groupKeys = new Arg[nk];
        ph.groupKeySlots = new int[nk];
        for (int k = 0; k < nk; k++) {
          Object key = an.args[k];
          if (!Compiler.isVar(key)) {
            throw err(at, "groupBy key '" + key + "' must be a var starting with '*'");
          }
          ph.groupKeys[k] = h.arg(key, bPre, at);
          ph.groupKeySlots[k] = h.slot((String) key);
          post.add((String) key);
        }
        List<Node> inner = Chain.nodesOf((Block) an.fn);
        for (int k = 0; k < inner.size(); k++) {
          Node gn = inner.get(k);
          String gat = "node " + pos + ".agg.0.group." + k + " " + gn.describe();
          if (!isAggPhase(gn) || gn.kind == Node.Kind.GROUP_BY) {
            throw err(gat, "a groupBy block may only hold agg, compoundAgg and limitAgg nodes");
          }
          twoPhase &= aggNode(h, gn, bPre, post, ph, aggs, gat, inner.size());
        }
      } else {
        twoPhase &= aggNode(h, an, bPre, post, ph, aggs, at, end - first);
      }
    }
    ph.aggs = aggs.toArray(new AggNode[0]);
    ph.twoPhase = twoPhase;
    p.agg = ph;
    Step[] postHead = new Step[1];
    Set<String> bPost = h.seq(body.subList(end, body.size()), post, cont, postHead, pos + ".post.");
    p.post = postHead[0];
    after.addAll(bPost);
    return p;
  }

  /** Compiles one aggregation-phase node; returns whether it is a combiner. */
  private static boolean aggNode(
      Host h,
      Node an,
      Set<String> bPre,
      Set<String> post,
      AggPhase ph,
      List<AggNode> aggs,
      String at,
      int siblings) {
    if (an.kind == Node.Kind.LIMIT_AGG) {
      if (siblings != 1) {
        throw err(at, "limitAgg cannot be combined with other aggregators in one phase or group");
      }
      LimitSpec ls = (LimitSpec) an.fn;
      String[] all = new String[ls.vars.length + ls.sortVars.length];
      System.arraycopy(ls.vars, 0, all, 0, ls.vars.length);
      System.arraycopy(ls.sortVars, 0, all, ls.vars.length, ls.sortVars.length);
      Arg[] vals = new Arg[all.length];
      int[] valSlots = new int[ls.vars.length];
      for (int i = 0; i < all.length; i++) {
        if (!Compiler.isVar(all[i])) {
          throw err(at, "limitAgg var '" + all[i] + "' must start with '*'");
        }
        vals[i] = h.arg(all[i], bPre, at);
        if (i < valSlots.length) {
          valSlots[i] = h.slot(all[i]);
          post.add(all[i]);
        }
      }
      int idx = -1;
      if (ls.indexVar != null) {
        if (!Compiler.isVar(ls.indexVar)) {
          throw err(at, "limitAgg index var '" + ls.indexVar + "' must start with '*'");
        }
        idx = h.slot(ls.indexVar);
        post.add(ls.indexVar);
      }
      ph.limit = new LimitPlan(ls.amount, vals, valSlots, ls.sortVars.length, ls.reverse, idx);
      return true;
    }
    Object target = an.args[0];
    if (target == null && an.outs.length != 1) {
      throw err(
          at,
          "an aggregation binds exactly one out var, got "
              + an.outs.length
              + (an.outs.length == 0 ? "" : " " + String.join(", ", an.outs)));
    }
    AggOrCompoundAgg spec = (AggOrCompoundAgg) an.fn;
    AggTemplate t = template(h, spec, bPre, at);
    Arg targetArg = null;
    int outSlot = -1;
    if (target != null) {
      requirePStateVar(target, at);
      targetArg = h.arg(target, bPre, at);
    } else {
      String v = an.outs[0];
      if (Compiler.isPStateVar(v) && !h.tempPStates() && !bPre.contains(v)) {
        // a $$ var nothing binds (not a PState, mirror or query's own temporary PState)
        throw err(
            at,
            "the aggregator's out var "
                + v
                + " names no PState, and temporary PStates exist only in microbatch topologies"
                + " (in their batch blocks); aggregate into a declared PState with agg(\""
                + v
                + "\", ...) or bind a '*' var");
      }
      if (Compiler.isPStateVar(v)) {
        // a temporary PState: aggregated like a declared PState into the partition the runtime
        // binds to the var on each task (microbatch topologies only)
        targetArg = new Arg.Slot(h.slot(v));
        post.add(v);
      } else {
        if (!Compiler.isVar(v)) {
          throw err(at, "out var '" + v + "' must start with '*' (or '$$' for a temporary PState)");
        }
        outSlot = h.slot(v);
        post.add(v);
      }
    }
    if (t.captures()) {
      List<String> caps = new ArrayList<>();
      captureVars(spec, caps);
      post.addAll(caps);
      keyVars(spec, post);
    }
    aggs.add(new AggNode(t, outSlot, targetArg, at));
    return t.combinerOnly();
  }

  static AggTemplate template(Host h, AggOrCompoundAgg x, Set<String> bound, String at) {
    if (x instanceof AggSpec) {
      AggSpec a = (AggSpec) x;
      Arg[] args = new Arg[a.args.length];
      for (int i = 0; i < args.length; i++) {
        // an aggregator's inputs are values: a $$ var there binds the PState's value
        args[i] = Compiler.valueArg(a.args[i], h.arg(a.args[i], bound, at));
      }
      return new AggTemplate.Leaf(a, args, a.captureVar == null ? -1 : h.slot(a.captureVar));
    }
    if (!(x instanceof CompoundSpec)) {
      throw err(at, "not an aggregator built with Agg or CompoundAgg: " + x);
    }
    CompoundSpec c = (CompoundSpec) x;
    AggTemplate[] children = new AggTemplate[c.children.length];
    for (int i = 0; i < children.length; i++) {
      children[i] = template(h, c.children[i], bound, at);
    }
    if (c.keys == null) {
      return new AggTemplate.ListT(children);
    }
    Arg[] keys = new Arg[c.keys.length];
    int[] keySlots = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Compiler.valueArg(c.keys[i], h.arg(c.keys[i], bound, at));
      keySlots[i] = Compiler.isVar(c.keys[i]) ? h.slot((String) c.keys[i]) : -1;
    }
    return new AggTemplate.MapT(keys, keySlots, children);
  }

  private static void captureVars(AggOrCompoundAgg x, List<String> out) {
    if (x instanceof AggSpec) {
      if (((AggSpec) x).captureVar != null) {
        out.add(((AggSpec) x).captureVar);
      }
    } else {
      for (AggOrCompoundAgg c : ((CompoundSpec) x).children) {
        captureVars(c, out);
      }
    }
  }

  private static void keyVars(AggOrCompoundAgg x, Set<String> out) {
    if (x instanceof CompoundSpec) {
      CompoundSpec c = (CompoundSpec) x;
      if (c.keys != null) {
        for (Object k : c.keys) {
          if (Compiler.isVar(k)) {
            out.add((String) k);
          }
        }
      }
      for (AggOrCompoundAgg ch : c.children) {
        keyVars(ch, out);
      }
    }
  }
}
