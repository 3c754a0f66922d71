package dev.deimos.impl.dataflow;

import dev.deimos.Block;
import dev.deimos.Constant;
import dev.deimos.DeimosCompileException;
import dev.deimos.Expr;
import dev.deimos.impl.path.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns recorded nodes into linked {@link Step}s. Each distinct var name gets one int slot for the
 * whole block, so running never looks vars up by name. Checks that every var read is bound on every
 * path reaching the read, and that functions bind at most one output var.
 */
public final class Compiler {
  private final Map<String, Integer> slots = new HashMap<>();

  // section B state: anchors and enclosing loops
  private final FlowState flow = new FlowState();

  // PStates the compiled topology may read but not write (those of other topologies)
  private Set<String> readOnly = Set.of();

  // whether an aggregator may write a temporary PState ({@code .out("$$t")}): microbatch only
  private boolean tempPStates;

  // whether the block is a query topology's body (see QueryPlan): materialize is an error there
  private boolean queryBody;

  private Compiler() {}

  /**
   * Compiles a block built with the {@link Block} chain methods.
   *
   * @param block the block
   * @return the runnable plan
   * @throws DeimosCompileException if a var is read before being bound, or a node binds more output
   *     vars than it produces
   */
  public static Plan compile(Block block) {
    return compile(block, Set.of());
  }

  /**
   * Compiles a topology's block that must not write {@code readOnlyPStates}: PStates declared by
   * other topologies of the module, which it may only read.
   *
   * @param block the block
   * @param readOnlyPStates PState vars the block may read but not write
   * @return the runnable plan
   * @throws DeimosCompileException as {@link #compile(Block)}, or if a node writes a read-only
   *     PState
   */
  public static Plan compile(Block block, Set<String> readOnlyPStates) {
    return compile(block, readOnlyPStates, false);
  }

  /**
   * Compiles a topology's block as {@link #compile(Block, Set)}, saying whether the topology keeps
   * temporary PStates: only microbatch topologies do, so elsewhere an aggregator whose out var is a
   * {@code $$} var is a compile error instead of a failure when it first runs.
   *
   * @param block the block
   * @param readOnlyPStates PState vars the block may read but not write
   * @param tempPStates true for a microbatch topology
   * @return the runnable plan
   * @throws DeimosCompileException as {@link #compile(Block, Set)}, or if an aggregator writes a
   *     temporary PState where there are none
   */
  public static Plan compile(Block block, Set<String> readOnlyPStates, boolean tempPStates) {
    Compiler c = new Compiler();
    c.readOnly = readOnlyPStates;
    c.tempPStates = tempPStates;
    Step[] head = new Step[1];
    c.seq(Chain.nodesOf(block), new HashSet<>(), null, head, "");
    return new Plan(head[0], c.slots.size());
  }

  /**
   * Compiles the wrapped body of a query topology ({@link QueryPlan}): as {@link #compile(Block)},
   * and {@code materialize} is a compile error.
   */
  static Plan compileQuery(Block block) {
    Compiler c = new Compiler();
    c.readOnly = Set.of();
    c.queryBody = true;
    Step[] head = new Step[1];
    c.seq(Chain.nodesOf(block), new HashSet<>(), null, head, "");
    return new Plan(head[0], c.slots.size());
  }

  /**
   * Compiles {@code nodes} whose last step continues at {@code cont}; stores the first step (or
   * {@code cont} if empty) in {@code head[0]} and returns the vars bound at the end.
   */
  private Set<String> seq(
      List<Node> nodes, Set<String> bound, Step cont, Step[] head, String where) {
    Set<String> b = new HashSet<>(bound);
    Step first = null;
    Step last = null;
    Step[] ifSteps = new Step[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      String at = "node " + where + i + " " + n.describe();
      Arg[] args = new Arg[n.args.length];
      boolean valuesOnly = takesValuesOnly(n.kind);
      for (int a = 0; a < args.length; a++) {
        args[a] = arg(n.args[a], b, at);
        if (valuesOnly) {
          args[a] = valueArg(n.args[a], args[a]);
        }
      }
      boolean local = n.kind == Node.Kind.LOCAL_SELECT || n.kind == Node.Kind.LOCAL_TRANSFORM;
      pathVars(n, b, at);
      if (local && !isPStateVar(n.args[0])) {
        throw new DeimosCompileException(
            at + ": '" + n.args[0] + "' must be a PState var starting with '$$'");
      }
      boolean writes =
          n.kind == Node.Kind.LOCAL_TRANSFORM
              || n.kind == Node.Kind.AGG
              || n.kind == Node.Kind.COMPOUND_AGG;
      if (writes && n.args.length > 0 && isPStateVar(n.args[0]) && readOnly.contains(n.args[0])) {
        throw new DeimosCompileException(
            at
                + ": writes PState "
                + n.args[0]
                + ", which another topology declares; a topology writes only the PStates it"
                + " declares (it may read the others)");
      }
      if ((n.kind == Node.Kind.EACH_FN || n.kind == Node.Kind.LOCAL_SELECT) && n.outs.length > 1) {
        throw new DeimosCompileException(
            at
                + ": a function produces one value but out binds "
                + n.outs.length
                + " vars "
                + String.join(", ", n.outs));
      }
      int[] outSlots = new int[n.outs.length];
      for (int o = 0; o < outSlots.length; o++) {
        String v = n.outs[o];
        for (int p = 0; p < o; p++) {
          if (v.equals(n.outs[p])) {
            throw new DeimosCompileException(at + ": out binds var " + v + " twice");
          }
        }
        if (b.contains(AggCompiler.IN_PRE_AGG) && b.contains(v)) {
          throw new DeimosCompileException(
              at
                  + ": var "
                  + v
                  + " is already bound; the pre-aggregation phase of a batch block cannot"
                  + " rebind (shadow) a var, bind a new name instead");
        }
        if (!isVar(v) && !isPStateVar(v)) {
          throw new DeimosCompileException(
              at + ": out var '" + v + "' must start with '*' (or '$$' for a PState)");
        }
        outSlots[o] = slots.computeIfAbsent(v, k -> slots.size());
      }
      Step s = new Step(n, args, outSlots);
      if (local) {
        s.slotOf = slots;
      }
      if (first == null) {
        first = s;
      } else {
        last.next = s;
      }
      last = s;
      if (n.kind == Node.Kind.IF_TRUE) {
        // Branches are compiled once the continuation exists; record bound vars now.
        ifSteps[i] = s;
        Set<String> t = seqBranch(n.then, b, s, true, where + i + ".then.");
        Set<String> e =
            n.otherwise == null ? b : seqBranch(n.otherwise, b, s, false, where + i + ".else.");
        Set<String> both = new HashSet<>(t);
        both.retainAll(e);
        b = both;
      }
      // ---- section A: compile checks and scopes for aggregation and batch nodes ----
      if (AggCompiler.owns(n.kind)) {
        AggCompiler.compile(
            new AggCompiler.Host() {
              @Override
              public Set<String> seq(
                  List<Node> ns, Set<String> bound, Step cont, Step[] h, String w) {
                return Compiler.this.seq(ns, bound, cont, h, w);
              }

              @Override
              public Arg arg(Object o, Set<String> bound, String where2) {
                return Compiler.this.arg(o, bound, where2);
              }

              @Override
              public int slot(String v) {
                return slots.computeIfAbsent(v, k -> slots.size());
              }

              @Override
              public boolean tempPStates() {
                return tempPStates;
              }

              @Override
              public boolean queryBody() {
                return queryBody;
              }
            },
            n,
            s,
            b,
            at,
            where + i);
      }

      // ---- section B: compile checks and scopes for control-flow nodes ----
      switch (n.kind) {
        case ANCHOR:
          flow.anchor(((String[]) n.fn)[0], s, b, where, i, at);
          break;
        case HOOK:
          {
            FlowState.Anchor a = flow.lookup(((String[]) n.fn)[0], where, at);
            FlowState.fork(a, s);
            b = new HashSet<>(a.bound);
            flow.newSegment(where, Collections.singletonList(a));
            break;
          }
        case UNIFY:
          {
            String[] names = (String[]) n.fn;
            Set<String> meet = null;
            List<FlowState.Anchor> merged = new ArrayList<>();
            for (String name : names) {
              merged.add(flow.lookup(name, where, at));
            }
            flow.checkSeparate(merged, at);
            for (FlowState.Anchor a : merged) {
              FlowState.fork(a, s);
              if (meet == null) {
                meet = new HashSet<>(a.bound);
              } else {
                meet.retainAll(a.bound);
              }
            }
            b = meet;
            flow.newSegment(where, merged);
            break;
          }
        case BRANCH:
          {
            FlowState.Anchor a = flow.lookup((String) n.fn, where, at);
            Step entry = new Step(FlowState.ENTRY, new Arg[0], new int[0]);
            Step[] h = new Step[1];
            seq(Chain.nodesOf(n.then), a.bound, null, h, where + i + ".branch.");
            entry.next = h[0];
            FlowState.fork(a, entry);
            break;
          }
        case COND:
        case SUB_SOURCE:
          {
            ControlFlow.Cases cs = (ControlFlow.Cases) n.fn;
            Step join = new Step(FlowState.JOIN, new Arg[0], new int[0]);
            s.next = join;
            last = join;
            Step prevCase = null;
            Set<String> meet = null;
            for (int k = 0; k < cs.bodies.length; k++) {
              Arg test =
                  cs.types == null ? args[k] : new Arg.Lit(Objects.requireNonNull(cs.types[k]));
              Step c = new Step(n, new Arg[] {test}, new int[0]);
              Step[] h = new Step[1];
              Set<String> got =
                  shadowSafe(
                      Chain.nodesOf(cs.bodies[k]), b, join, h, where + i + ".case" + k + ".");
              c.then = h[0];
              if (prevCase == null) {
                s.then = c;
              } else {
                prevCase.otherwise = c;
              }
              prevCase = c;
              if (meet == null) {
                meet = new HashSet<>(got);
              } else {
                meet.retainAll(got);
              }
            }
            if (meet != null) {
              b = meet;
            }
            break;
          }
        case ATOMIC:
          {
            Step[] h = new Step[1];
            seq(Chain.nodesOf(n.then), b, null, h, where + i + ".atomic.");
            s.then = h[0];
            break;
          }
        case LOOP:
          {
            String[] vars = (String[]) n.fn;
            int[] meta = new int[vars.length + 1];
            meta[0] = slots.computeIfAbsent("\0loop@" + where + i, k -> slots.size());
            Set<String> inner = new HashSet<>(b);
            for (int v = 0; v < vars.length; v++) {
              if (!isVar(vars[v])) {
                throw new DeimosCompileException(
                    at + ": loop var '" + vars[v] + "' must start with '*'");
              }
              meta[v + 1] = slots.computeIfAbsent(vars[v], k -> slots.size());
              inner.add(vars[v]);
            }
            s.otherwise = new Step(n, new Arg[0], meta);
            flow.loops.push(new FlowState.Loop(s.otherwise, vars.length, n.outs.length));
            Step[] h = new Step[1];
            try {
              seq(Chain.nodesOf(n.then), inner, null, h, where + i + ".loop.");
            } finally {
              flow.loops.pop();
            }
            s.then = h[0];
            break;
          }
        case CONTINUE_LOOP:
        case EMIT_LOOP:
          {
            FlowState.Loop l = flow.loops.peek();
            String what = n.kind == Node.Kind.CONTINUE_LOOP ? "continueLoop" : "emitLoop";
            if (l == null) {
              throw new DeimosCompileException(at + ": " + what + " is only allowed inside a loop");
            }
            if (n.kind == Node.Kind.CONTINUE_LOOP && n.args.length != l.vars) {
              throw new DeimosCompileException(
                  at
                      + ": continueLoop passes "
                      + n.args.length
                      + " values but the loop declares "
                      + l.vars
                      + " loop vars");
            }
            if (n.kind == Node.Kind.EMIT_LOOP && l.outs > 0 && n.args.length != l.outs) {
              throw new DeimosCompileException(
                  at
                      + ": emitLoop passes "
                      + n.args.length
                      + " values but the loop binds "
                      + l.outs
                      + " output vars");
            }
            s.otherwise = l.meta;
            break;
          }
        case STREAM_DECL:
          {
            String[] decl = (String[]) n.fn;
            int[] streamSlots = new int[decl.length - 2];
            Set<String> streamBound = new HashSet<>(b);
            for (int v = 2; v < decl.length; v++) {
              if (!isVar(decl[v])) {
                throw new DeimosCompileException(
                    at + ": outStream var '" + decl[v] + "' must start with '*'");
              }
              streamSlots[v - 2] = slots.computeIfAbsent(decl[v], k -> slots.size());
              streamBound.add(decl[v]);
            }
            // d carries the stream's slots; its then is the anchor that hooks attach to.
            Step d = new Step(n, new Arg[0], streamSlots);
            d.then = new Step(n, new Arg[0], new int[0]);
            flow.newSegment(where, Collections.emptyList());
            flow.anchor(decl[1], d.then, streamBound, where, i, at);
            flow.newSegment(where, Collections.emptyList());
            d.otherwise = flow.pendingStreams;
            flow.pendingStreams = d;
            break;
          }
        case FRESH_SOURCE:
          // batch blocks rewrite their top-level freshBatchSource nodes before compiling
          throw new DeimosCompileException(
              at
                  + ": freshBatchSource is only allowed at the top level of a batchBlock's"
                  + " pre-aggregation (or of a subBatch or query body)");
        default:
          if (n.kind == Node.Kind.EACH_OP && flow.pendingStreams != null) {
            s.then = flow.pendingStreams;
            flow.pendingStreams = null;
          }
          break;
      }

      // ---- section C: compile checks for partitioners and topology-only nodes ----
      if (n.kind == Node.Kind.SOURCE) {
        if (i != 0 || !where.isEmpty()) {
          throw new DeimosCompileException(at + ": a depot source must be the first node");
        }
        for (String v : ((SourceSpec) n.fn).preBound) {
          slots.computeIfAbsent(v, k -> slots.size());
          b.add(v);
        }
        s.slotOf = slots;
      }
      if (n.kind == Node.Kind.PARTITION) {
        PartitionSpec.check((PartitionSpec) n.fn, at);
        s.slotOf = slots;
      }
      if (n.kind == Node.Kind.EACH_ASYNC) {
        if (n.outs.length > 1) {
          throw new DeimosCompileException(
              at + ": eachAsync produces one value but out binds " + n.outs.length + " vars");
        }
        s.slotOf = slots;
      }
      if (n.kind == Node.Kind.BATCH_BLOCK || n.kind == Node.Kind.SUB_BATCH) {
        // a distributed batch rebinds $$ vars on the tasks running post-aggregation
        s.slotOf = slots;
      }
      if (n.kind == Node.Kind.INVOKE_QUERY) {
        if (n.outs.length > 1) {
          throw new DeimosCompileException(
              at + ": invokeQuery produces one value but out binds " + n.outs.length + " vars");
        }
        s.slotOf = slots;
      }
      if (n.kind == Node.Kind.DEPOT_APPEND && !isVar(((Object[]) n.fn)[0])) {
        throw new DeimosCompileException(
            at + ": '" + ((Object[]) n.fn)[0] + "' must be a depot var starting with '*'");
      }

      for (String v : n.outs) {
        b.add(v);
      }
    }
    if (last != null) {
      last.next = cont;
    }
    // Branch tails were linked to a placeholder; point them at the step after each ifTrue.
    for (Step s : ifSteps) {
      if (s != null) {
        s.then = relink(s.then, s, s.next);
        s.otherwise = s.otherwise == null ? s.next : relink(s.otherwise, s, s.next);
      }
    }
    head[0] = first == null ? cont : first;
    return b;
  }

  private Set<String> seqBranch(
      Block block, Set<String> b, Step owner, boolean then, String where) {
    Step[] h = new Step[1];
    Set<String> out = shadowSafe(Chain.nodesOf(block), b, owner, h, where);
    if (then) {
      owner.then = h[0];
    } else {
      owner.otherwise = h[0];
    }
    return out;
  }

  /**
   * Compiles a branch (ifTrue side, cond or subSource case) continuing at {@code cont}. If it
   * rebinds vars bound before it, wraps it so that the code after the merge sees the original
   * bindings, as in Rama.
   */
  private Set<String> shadowSafe(
      List<Node> nodes, Set<String> b, Step cont, Step[] head, String where) {
    List<String> shadowed = new ArrayList<>();
    for (Node n : nodes) {
      for (String v : n.outs) {
        if (isVar(v) && b.contains(v) && !shadowed.contains(v)) {
          shadowed.add(v);
        }
      }
    }
    if (shadowed.isEmpty()) {
      return seq(nodes, b, cont, head, where);
    }
    String[] names = shadowed.toArray(new String[0]);
    int[] pairs = new int[names.length * 2];
    for (int k = 0; k < names.length; k++) {
      pairs[2 * k] = slots.get(names[k]);
      pairs[2 * k + 1] = slots.computeIfAbsent("\0shadow@" + where + names[k], x -> slots.size());
    }
    Step save = new Step(Node.names(Node.Kind.SHADOW_SAVE, names), new Arg[0], pairs);
    Step restore = new Step(Node.names(Node.Kind.SHADOW_RESTORE, names), new Arg[0], pairs);
    restore.next = cont;
    Step[] h = new Step[1];
    Set<String> out = seq(nodes, b, restore, h, where);
    save.next = h[0];
    head[0] = save;
    return out;
  }

  /** Replaces links to {@code placeholder} (the ifTrue step itself) inside a branch by target. */
  private static Step relink(Step branchHead, Step placeholder, Step target) {
    if (branchHead == placeholder) {
      return target;
    }
    Set<Step> seen = new HashSet<>();
    relinkFrom(branchHead, placeholder, target, seen);
    return branchHead;
  }

  private static void relinkFrom(Step s, Step placeholder, Step target, Set<Step> seen) {
    while (s != null && s != placeholder && seen.add(s)) {
      if (s.then != null) {
        if (s.then == placeholder) {
          s.then = target;
        } else {
          relinkFrom(s.then, placeholder, target, seen);
        }
      }
      if (s.otherwise != null) {
        if (s.otherwise == placeholder) {
          s.otherwise = target;
        } else {
          relinkFrom(s.otherwise, placeholder, target, seen);
        }
      }
      if (s.next == placeholder) {
        s.next = target;
        return;
      }
      s = s.next;
    }
  }

  private Arg arg(Object o, Set<String> bound, String at) {
    if (o instanceof Constant) {
      return new Arg.Lit(((Constant) o).getValue());
    }
    if (o instanceof Expr) {
      Expr e = (Expr) o;
      Arg[] sub = new Arg[e.arity()];
      for (int i = 0; i < sub.length; i++) {
        sub[i] = valueArg(e.getArg(i), arg(e.getArg(i), bound, at));
      }
      return new Arg.Call(e.getOp(), sub);
    }
    if (isVar(o) || isPStateVar(o)) {
      String v = (String) o;
      if (!bound.contains(v)) {
        throw new DeimosCompileException(
            at
                + ": var "
                + v
                + " is not bound here"
                + (isPStateVar(v)
                    ? " (no PState, mirror, task global or materialized table of that name is"
                        + " declared in the module or bound before this node)"
                    : ""));
      }
      return new Arg.Slot(slots.get(v));
    }
    return new Arg.Lit(o);
  }

  /**
   * Checks that every var read by the path of a localSelect, localTransform, select or
   * pathPartition node is bound here: the path resolves its vars only when it runs, where an
   * unbound var would read a stale or missing value instead of failing at launch.
   */
  private static void pathVars(Node n, Set<String> bound, String at) {
    Object p = null;
    if (n.kind == Node.Kind.LOCAL_SELECT || n.kind == Node.Kind.LOCAL_TRANSFORM) {
      p = n.fn;
    } else if (n.kind == Node.Kind.PARTITION && n.fn instanceof PartitionSpec) {
      p = ((PartitionSpec) n.fn).fn;
    }
    if (!(p instanceof dev.deimos.Path)) {
      return;
    }
    for (String v : Paths.vars((dev.deimos.Path) p)) {
      if (!bound.contains(v)) {
        throw new DeimosCompileException(
            at + ": var " + v + " is not bound here (the path reads it when the node runs)");
      }
    }
  }

  /**
   * Whether every argument of a node of this kind is a value handed to user code or a condition,
   * never a PState to read or write.
   */
  private static boolean takesValuesOnly(Node.Kind k) {
    return k == Node.Kind.EACH_FN
        || k == Node.Kind.EACH_OP
        || k == Node.Kind.EACH_ASYNC
        || k == Node.Kind.KEEP_TRUE
        || k == Node.Kind.IF_TRUE;
  }

  /** Makes a PState var in a value position bind the PState's value, not the PState. */
  static Arg valueArg(Object written, Arg compiled) {
    if (isPStateVar(written) && compiled instanceof Arg.Slot) {
      return new Arg.PStateValue(((Arg.Slot) compiled).index, (String) written);
    }
    return compiled;
  }

  static boolean isPStateVar(Object o) {
    return o instanceof String && ((String) o).length() > 2 && ((String) o).startsWith("$$");
  }

  static boolean isVar(Object o) {
    return o instanceof String && ((String) o).startsWith("*");
  }
}
