package dev.deimos.impl.dataflow;

import dev.deimos.impl.dataflow.Node.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataflow graph of compiled plans as the compiler laid it out, for the console: one node per
 * compiled step (plus one per aggregator of a batch block), the edges between them, the segment
 * each node runs in (a partitioner ends a segment: what follows runs on the task it picks), the
 * batch phase of each node, and how many times each node has run so far.
 *
 * <pre>
 *   source(*depot) --next--> each(split) --next--> hashPartition(*w) ==hop==> compoundAgg($$c)
 *   [segment 0, stream]                                                      [segment 1, stream]
 * </pre>
 *
 * <p>A snapshot: the counts are read when {@link #of} runs, racing the task threads that bump them
 * (each count is at most a few runs behind).
 */
public final class PlanGraph {
  /**
   * One node.
   *
   * @param id index in {@link #nodes()}
   * @param label what the node does, as error messages name it
   * @param kind the node kind (e.g. {@code PARTITION}, {@code EACH_FN}, {@code AGGREGATOR})
   * @param phase {@code stream} outside batch blocks, else {@code pre-agg}, {@code agg} or {@code
   *     post-agg}
   * @param segment the segment the node runs in: nodes of one segment run on one task in one event
   * @param count how many times the node has run (an aggregator: how many inputs it has seen)
   */
  public record Node(int id, String label, String kind, String phase, int segment, long count) {}

  /**
   * One edge.
   *
   * @param from source node id
   * @param to target node id
   * @param kind {@code next}, {@code hop} (a partitioner moving to another task), {@code then} /
   *     {@code else} (branches, case bodies, forks, loops), {@code batch} (into a batch body) or
   *     {@code agg} (through the aggregation phase)
   */
  public record Edge(int from, int to, String kind) {}

  private final List<Node> nodes;
  private final List<Edge> edges;

  private PlanGraph(List<Node> nodes, List<Edge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
  }

  /**
   * Returns the nodes, in the order a depth-first walk from the first plan reaches them.
   *
   * @return the nodes
   */
  public List<Node> nodes() {
    return nodes;
  }

  /**
   * Returns the edges.
   *
   * @return the edges
   */
  public List<Edge> edges() {
    return edges;
  }

  /**
   * Builds the graph of several plans (the sources of one topology) as one graph.
   *
   * @param plans the plans
   * @return the graph with the counts as of now
   */
  public static PlanGraph of(List<Plan> plans) {
    Walk w = new Walk();
    for (Plan p : plans) {
      w.visit(p.head(), "stream", w.segments++);
    }
    return new PlanGraph(w.nodes, w.edges);
  }

  /** A depth-first walk assigning ids, phases and segments on first visit. */
  private static final class Walk {
    final Map<Step, Integer> ids = new IdentityHashMap<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    int segments;

    int visit(Step s, String phase, int segment) {
      Integer known = ids.get(s);
      if (known != null) {
        return known;
      }
      int id = add(s.node.describe(), s.kind.name(), phase, segment, s.count());
      ids.put(s, id);
      if (s.next != null) {
        boolean hop = s.kind == Kind.PARTITION;
        int to = visit(s.next, phase, hop ? segments++ : segment);
        edges.add(new Edge(id, to, hop ? "hop" : "next"));
      }
      if (s.then != null) {
        edges.add(new Edge(id, visit(s.then, phase, segment), "then"));
      }
      if (s.otherwise != null) {
        edges.add(new Edge(id, visit(s.otherwise, phase, segment), "else"));
      }
      for (Arg a : s.args) {
        BatchPlan bp =
            a instanceof BatchPlan
                ? (BatchPlan) a
                : a instanceof BatchPlan.SubBatchPlan ? ((BatchPlan.SubBatchPlan) a).batch : null;
        if (bp == null) {
          continue;
        }
        if (s.kind == Kind.BATCH_SINK) {
          aggregation(id, bp, segment, s.count());
        } else if (bp.pre != null) {
          edges.add(new Edge(id, visit(bp.pre, "pre-agg", segment), "batch"));
        }
      }
      return id;
    }

    /** The aggregators after a batch body's sink, then the post-aggregation steps. */
    private void aggregation(int sink, BatchPlan bp, int segment, long inputs) {
      List<Integer> aggs = new ArrayList<>();
      if (bp.agg != null) {
        int from = sink;
        if (bp.agg.groupKeys != null) {
          int g = add("groupBy", "GROUP_BY", "agg", segment, inputs);
          edges.add(new Edge(sink, g, "agg"));
          from = g;
        }
        for (BatchPlan.AggNode a : bp.agg.aggs) {
          int id = add(aggLabel(a.at), "AGGREGATOR", "agg", segment, inputs);
          edges.add(new Edge(from, id, "agg"));
          aggs.add(id);
        }
      }
      if (bp.post != null) {
        int post = visit(bp.post, "post-agg", segment);
        if (aggs.isEmpty()) {
          edges.add(new Edge(sink, post, "agg"));
        }
        for (int a : aggs) {
          edges.add(new Edge(a, post, "agg"));
        }
      }
    }

    private int add(String label, String kind, String phase, int segment, long count) {
      int id = nodes.size();
      nodes.add(new Node(id, label, kind, phase, segment, count));
      return id;
    }
  }

  /** "node 3.agg.0 compoundAgg(...)" names the aggregator at its position; keep what it does. */
  private static String aggLabel(String at) {
    int sp = at.indexOf(' ', "node ".length());
    return sp < 0 ? at : at.substring(sp + 1);
  }
}
