package dev.deimos.impl.dataflow;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.AggTemplate.Captures;
import dev.deimos.impl.dataflow.AggTemplate.MapState;
import dev.deimos.impl.dataflow.AggTemplate.State;
import dev.deimos.impl.dataflow.BatchPlan.AggNode;
import dev.deimos.impl.dataflow.BatchPlan.AggPhase;
import dev.deimos.impl.dataflow.BatchPlan.LimitPlan;
import dev.deimos.impl.dataflow.BatchPlan.StreamAgg;
import dev.deimos.impl.dataflow.BatchPlan.SubBatchPlan;
import dev.deimos.ops.DeimosFunction1;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the aggregation and batch steps (section A of the executor). A batch block runs its
 * pre-aggregation steps to completion (every emit ends at the sink, which feeds the aggregators),
 * then merges partial aggregations when the phase is two-phase, then runs the post-aggregation
 * steps once per group (once in all without groupBy).
 */
final class BatchRunner {
  private BatchRunner() {}

  /** Runs step {@code s}; returns the step to continue with, or null when it ran its own tail. */
  static Step run(Executor ex, Step s, Object[] slots) {
    Arg data = s.args[s.args.length - 1];
    switch (s.node.kind) {
      case AGG:
      case COMPOUND_AGG:
        return stream(ex, s, (StreamAgg) data, slots);
      case BATCH_BLOCK:
        // A task runtime may run the block across tasks (DistributedBatch); then it owns the rest.
        if (DistributedBatch.handOff(ex, s, (BatchPlan) data, slots)) {
          return null;
        }
        runBatch(ex, (BatchPlan) data, slots);
        return s.next;
      case BATCH_SINK:
        {
          Object st = slots[((BatchPlan) data).stateSlot];
          if (st instanceof BatchState) {
            ((BatchState) st).feed(slots);
          } else {
            ((DistributedBatch.TaskBuffer) st).feed(slots);
          }
          return null;
        }
      case MATERIALIZE:
        {
          Object t = slots[s.outSlots[0]];
          if (!(t instanceof TempPartition)) {
            // a runtime keeping temporary PStates per task (microbatch) owns the table
            PStateAccess p = ex.context().pstate(s.node.outs[0]);
            if (p instanceof TempPartition) {
              t = p;
              slots[s.outSlots[0]] = p;
            }
          }
          if (t instanceof TempPartition) {
            Object[] row = new Object[s.args.length - 1];
            for (int i = 0; i < row.length; i++) {
              row[i] = s.args[i].eval(slots);
            }
            ((TempPartition) t).rows.add(row);
            return s.next;
          }
          if (!(t instanceof MaterializedTable)) {
            t = new MaterializedTable();
            slots[s.outSlots[0]] = t;
          }
          Object[] row = new Object[s.args.length - 1];
          for (int i = 0; i < row.length; i++) {
            row[i] = s.args[i].eval(slots);
          }
          ((MaterializedTable) t).rows.add(row);
          return s.next;
        }
      case EXPLODE_MATERIALIZED:
        explode(ex, s, slots);
        return null;
      case SUB_BATCH:
        if (!DistributedBatch.handOff(ex, s, ((SubBatchPlan) data).batch, slots)) {
          runBatch(ex, ((SubBatchPlan) data).batch, slots);
        }
        return null;
      case SUB_BATCH_EMIT:
        {
          SubBatchPlan sp = (SubBatchPlan) data;
          for (int i = 0; i < sp.fromSlots.length; i++) {
            slots[sp.toSlots[i]] = slots[sp.fromSlots[i]];
          }
          ex.run(sp.owner.next, slots);
          return null;
        }
      default:
        throw new IllegalStateException("not an aggregation step: " + s.node.describe());
    }
  }

  /** Marks the step that emits the current task's rows of a temporary PState (see explode). */
  private static final Object EMIT_HERE = new Object();

  private static void explode(Executor ex, Step s, Object[] slots) {
    ExecutionContext ctx = ex.context();
    PStateAccess temp = ctx.pstate((String) s.node.args[0]);
    if (temp instanceof TempPartition) {
      if (s.fn == EMIT_HERE) {
        emitRows(ex, s, ((TempPartition) temp).rows, slots);
        return;
      }
      // the table is spread over the tasks: every task emits its own partition's tuples
      Resume r = Resume.of(emitHereStep(s));
      for (int t = 0, n = ctx.numTasks(); t < n; t++) {
        ctx.hop(t, r, slots.clone());
      }
      return;
    }
    Object t = s.args[0].eval(slots);
    if (t == null) {
      return;
    }
    if (!(t instanceof MaterializedTable)) {
      throw new IllegalStateException(
          s.node.describe() + ": " + s.node.args[0] + " is not bound to a materialized table");
    }
    emitRows(ex, s, ((MaterializedTable) t).rows, slots);
  }

  /**
   * A hop target continuing at a copy of explode step {@code s} that emits the tuples of the task
   * it runs on; built once per step.
   */
  static Step emitHereStep(Step s) {
    Step hop = s.emitHere;
    if (hop == null) {
      Step here = new Step(Node.sectionA(s.node.kind, EMIT_HERE, s.node.args), s.args, s.outSlots);
      here.next = s.next;
      here.slotOf = s.slotOf;
      hop = new Step(s.node, new Arg[0], new int[0]);
      hop.next = here;
      hop.slotOf = s.slotOf;
      // not part of the numbered graph: named by the explode step's id plus a flag
      hop.id = s.id < 0 ? -1 : s.id | Resume.EMIT_HERE;
      s.emitHere = hop;
    }
    return hop;
  }

  private static void emitRows(Executor ex, Step s, List<Object[]> table, Object[] slots) {
    List<Object[]> rows = new ArrayList<>(table);
    for (Object[] row : rows) {
      if (row.length != s.outSlots.length) {
        throw new IllegalStateException(
            s.node.describe()
                + ": the table holds tuples of "
                + row.length
                + " values but out binds "
                + s.outSlots.length);
      }
      for (int i = 0; i < row.length; i++) {
        slots[s.outSlots[i]] = row[i];
      }
      ex.run(s.next, slots);
    }
  }

  /** Aggregation into a PState outside a batch block: each input updates the PState at once. */
  private static Step stream(Executor ex, Step s, StreamAgg sa, Object[] slots) {
    PStateAccess p = pstate(s.args[0].eval(slots), s);
    State st = sa.template.newState(true);
    st.add(slots);
    Captures cap = new Captures();
    apply(p, st, cap);
    if (!sa.template.captures()) {
      return s.next;
    }
    for (int r = 0; r < cap.rowSlots.size(); r++) {
      cap.bind(r, slots);
      ex.run(s.next, slots);
    }
    return null;
  }

  /** How one aggregation changes a stored value; handed to the shared path through its var. */
  private interface Update {
    Object apply(Object stored);
  }

  private static final String UPDATE_VAR = "*#aggUpdate";

  /**
   * One path for every aggregation into a PState: the update travels as a path var, so the path is
   * compiled once and shared (paths are immutable and safe to use from many threads).
   */
  private static final Path UPDATE_ROOT =
      Path.term((Object stored, Update u) -> u.apply(stored), UPDATE_VAR);

  private static void transform(PStateAccess p, Update u) {
    p.transform(
        UPDATE_ROOT,
        name -> {
          if (UPDATE_VAR.equals(name)) {
            return u;
          }
          throw new IllegalStateException("aggregation path reads unknown var " + name);
        });
  }

  private static void apply(PStateAccess p, State st, Captures cap) {
    if (st instanceof MapState && ((MapState) st).touched()) {
      KeyWrites.write(p, (MapState) st, cap);
    } else {
      transform(p, stored -> st.applyTo(stored, cap));
    }
  }

  /**
   * Writes a compound map aggregation one key route at a time: for every location of the state
   * where something other than a map template applies, {@code key(k1)...key(kn).term(fn)}. Stores
   * run such a path on the touched keys alone (no copy of the partition, inner subindexed maps
   * updated by key), where one whole-root term would cost the whole partition per write. Same
   * result as {@link MapState#applyTo} on the root: same captures in the same order, same new
   * values; the only extra case is a null new value at an absent location, which the path engine
   * leaves absent while the map merge stores it, so that key is then put explicitly.
   */
  static final class KeyWrites {
    private KeyWrites() {}

    private static final String[] KEY_VARS = new String[16];
    private static final Path.Impl[] PREFIXES = new Path.Impl[KEY_VARS.length + 1];

    static {
      for (int i = 0; i < KEY_VARS.length; i++) {
        KEY_VARS[i] = "*#aggKey" + i;
        PREFIXES[i + 1] = i == 0 ? Path.key(KEY_VARS[0]) : PREFIXES[i].key(KEY_VARS[i]);
      }
    }

    /** The path {@code key(*#aggKey0)...key(*#aggKey(n-1))}; the keys travel as vars. */
    private static Path.Impl prefix(int n) {
      if (n > 0 && n < PREFIXES.length) {
        return PREFIXES[n];
      }
      throw new IllegalStateException(
          "CompoundAgg.map nested deeper than " + KEY_VARS.length + " levels");
    }

    /** The keys of one route as the prefix path's vars. */
    private static Vars vars(Object[] keys, int n) {
      return name -> {
        for (int i = 0; i < n; i++) {
          if (KEY_VARS[i].equals(name)) {
            return keys[i];
          }
        }
        throw new IllegalStateException("aggregation path reads unknown var " + name);
      };
    }

    static void write(PStateAccess p, MapState root, Captures cap) {
      walk(p, root, new Object[4], 0, cap);
    }

    private static Object[] walk(
        PStateAccess p, MapState ms, Object[] route, int depth, Captures cap) {
      for (Map.Entry<Object, State> e : ms.entries().entrySet()) {
        Object k = e.getKey();
        State child = e.getValue();
        if (depth == route.length) {
          route = Arrays.copyOf(route, depth * 2);
        }
        route[depth] = k;
        cap.push(ms.keySlot(k), k);
        if (child instanceof MapState
            && ((MapState) child).touched()
            && depth + 1 < KEY_VARS.length) {
          route = walk(p, (MapState) child, route, depth + 1, cap);
        } else {
          leaf(p, child, route, depth + 1, cap);
        }
        cap.pop();
      }
      return route;
    }

    private static void leaf(PStateAccess p, State st, Object[] route, int n, Captures cap) {
      Object[] keys = Arrays.copyOf(route, n);
      boolean[] nullOnNull = new boolean[1];
      DeimosFunction1<Object, Object> fn =
          stored -> {
            Object v = st.applyTo(stored, cap);
            nullOnNull[0] = v == null && stored == null;
            return v;
          };
      p.aggregate(prefix(n).term(fn), vars(keys, n));
      if (nullOnNull[0]) {
        // key(k).term(f) leaves an absent location absent when f gives null; the merge puts null
        Object last = keys[n - 1];
        DeimosFunction1<Object, Object> put = stored -> putNull(stored, last);
        if (n == 1) {
          transform(p, put::invoke);
        } else {
          p.aggregate(prefix(n - 1).term(put), vars(keys, n - 1));
        }
      }
    }

    private static Object putNull(Object stored, Object k) {
      if (stored instanceof Map && ((Map<?, ?>) stored).containsKey(k)) {
        return stored;
      }
      Map<Object, Object> m = MapState.copy(stored);
      m.put(k, null);
      return m;
    }
  }

  /** A top-level aggregator of a batch block also gets its final touch (topMonotonic sorts). */
  private static void applyTopLevel(PStateAccess p, AggSpec spec, State st, Captures cap) {
    transform(p, stored -> spec.finish(st.applyTo(stored, cap)));
  }

  private static PStateAccess pstate(Object p, Step s) {
    if (!(p instanceof PStateAccess)) {
      throw new IllegalStateException(
          s.node.describe()
              + ": "
              + s.node.args[0]
              + " is bound to "
              + (p == null ? "null" : p.getClass().getName())
              + ", not a PState");
    }
    return (PStateAccess) p;
  }

  static void runBatch(Executor ex, BatchPlan plan, Object[] slots) {
    Object saved = slots[plan.stateSlot];
    BatchState st = new BatchState(plan.agg);
    slots[plan.stateSlot] = st;
    ex.run(plan.pre, slots);
    if (plan.agg != null) {
      st.finish(ex, plan.post, slots);
    }
    slots[plan.stateSlot] = saved;
  }

  /** The rows of a materialized table; lives for one run of the block. */
  static final class MaterializedTable {
    final List<Object[]> rows = new ArrayList<>();

    @Override
    public String toString() {
      return "MaterializedTable(" + rows.size() + " rows)";
    }
  }

  /** Per-run state of a batch block: the aggregation buffer of each group. */
  static final class BatchState {
    private final AggPhase ph;

    /** With two-phase aggregation this is the partial buffer of the (single, local) task. */
    private final Map<List<Object>, Group> buffer = new LinkedHashMap<>();

    BatchState(AggPhase ph) {
      this.ph = ph;
      if (ph != null && ph.groupKeys == null) {
        buffer.put(Collections.emptyList(), new Group(ph));
      }
    }

    void feed(Object[] slots) {
      if (ph == null) {
        return;
      }
      List<Object> key =
          ph.groupKeys == null
              ? Collections.emptyList()
              : Arrays.asList(Arg.evalAll(ph.groupKeys, slots));
      Group g = buffer.get(key);
      if (g == null) {
        g = new Group(ph);
        buffer.put(key, g);
      }
      g.add(slots);
    }

    void finish(Executor ex, Step post, Object[] slots) {
      Map<List<Object>, Group> groups = buffer;
      if (ph.twoPhase) {
        // Final phase: merge the partial buffers (one per task; one locally) per group.
        groups = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Group> e : buffer.entrySet()) {
          Group g = groups.get(e.getKey());
          if (g == null) {
            g = new Group(ph);
            groups.put(e.getKey(), g);
          }
          g.mergeFrom(e.getValue());
        }
      }
      for (Map.Entry<List<Object>, Group> e : groups.entrySet()) {
        if (ph.groupKeys != null) {
          List<Object> key = e.getKey();
          for (int i = 0; i < ph.groupKeySlots.length; i++) {
            slots[ph.groupKeySlots[i]] = key.get(i);
          }
        }
        e.getValue().emit(ex, post, slots);
      }
    }
  }

  /** Aggregation states of one group. */
  static final class Group {
    private final AggPhase ph;
    private final State[] states;
    private final List<Object[]> rows;

    Group(AggPhase ph) {
      this.ph = ph;
      this.states = new State[ph.aggs.length];
      for (int i = 0; i < states.length; i++) {
        states[i] = ph.aggs[i].template.newState(ph.aggs[i].target != null);
      }
      this.rows = ph.limit == null ? null : new ArrayList<>();
    }

    void add(Object[] slots) {
      for (State s : states) {
        s.add(slots);
      }
      if (rows != null) {
        rows.add(Arg.evalAll(ph.limit.vals, slots));
      }
    }

    void mergeFrom(Group partial) {
      for (int i = 0; i < states.length; i++) {
        states[i].mergeFrom(partial.states[i]);
      }
      if (rows != null) {
        // A partial buffer only needs to send its own best rows.
        rows.addAll(Limits.keep(partial.rows, ph.limit));
      }
    }

    /** This partial group as plain values (two-phase aggregation across tasks). */
    Object export() {
      List<Object> out = new ArrayList<>(states.length + 1);
      for (State st : states) {
        out.add(st.export());
      }
      List<Object> kept = null;
      if (rows != null) {
        kept = new ArrayList<>();
        for (Object[] r : Limits.keep(rows, ph.limit)) {
          kept.add(new ArrayList<>(Arrays.asList(r)));
        }
      }
      out.add(kept);
      return out;
    }

    /** Merges a partial group given by {@link #export()}. */
    void mergeExported(Object exported) {
      List<?> l = (List<?>) exported;
      for (int i = 0; i < states.length; i++) {
        states[i].mergeExported(l.get(i));
      }
      if (rows != null) {
        for (Object r : (List<?>) l.get(states.length)) {
          rows.add(((List<?>) r).toArray());
        }
      }
    }

    void emit(Executor ex, Step post, Object[] slots) {
      Captures cap = new Captures();
      for (int i = 0; i < states.length; i++) {
        AggNode a = ph.aggs[i];
        State st = states[i];
        if (a.outSlot >= 0) {
          slots[a.outSlot] = st.result();
          if (a.template.captures()) {
            st.applyTo(null, cap);
          }
        } else if (st.touched()) {
          Object target = a.target.eval(slots);
          if (!(target instanceof PStateAccess)) {
            throw new IllegalStateException(
                a.at
                    + ": the aggregation target is not bound to a PState (an aggregator's out"
                    + " var starting with $$ is a temporary PState, kept only by microbatch"
                    + " topologies)");
          }
          PStateAccess p = (PStateAccess) target;
          if (a.template instanceof AggTemplate.Leaf) {
            applyTopLevel(p, ((AggTemplate.Leaf) a.template).spec, st, cap);
          } else {
            apply(p, st, cap);
          }
        }
      }
      if (rows != null) {
        LimitPlan lp = ph.limit;
        List<Object[]> kept = Limits.keep(rows, lp);
        for (int r = 0; r < kept.size(); r++) {
          Object[] row = kept.get(r);
          for (int i = 0; i < lp.valSlots.length; i++) {
            slots[lp.valSlots[i]] = row[i];
          }
          if (lp.indexSlot >= 0) {
            slots[lp.indexSlot] = (long) r;
          }
          ex.run(post, slots);
        }
      } else if (ph.captures()) {
        for (int r = 0; r < cap.rowSlots.size(); r++) {
          cap.bind(r, slots);
          ex.run(post, slots);
        }
      } else {
        ex.run(post, slots);
      }
    }
  }

  /**
   * limitAgg's selection: sort by the sort vars (stable), optionally reversed, keep the first n.
   */
  static final class Limits {
    private Limits() {}

    static List<Object[]> keep(List<Object[]> rows, LimitPlan lp) {
      List<Object[]> out = new ArrayList<>(rows);
      if (lp.sortCount > 0) {
        int from = lp.vals.length - lp.sortCount;
        out.sort(
            (x, y) -> {
              for (int i = from; i < x.length; i++) {
                int c = AggCalls.compare(x[i], y[i]);
                if (c != 0) {
                  return lp.reverse ? -c : c;
                }
              }
              return 0;
            });
      }
      return out.size() > lp.amount ? new ArrayList<>(out.subList(0, lp.amount)) : out;
    }
  }
}
