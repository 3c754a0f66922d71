package dev.deimos.impl.dataflow;

import dev.deimos.DeimosCompileException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compile-time bookkeeping for control flow (section B): anchors with the vars bound at them, and
 * the stack of loops enclosing the node being compiled.
 */
final class FlowState {
  static final Node FORK = Node.names(Node.Kind.FORK);
  static final Node ENTRY = Node.names(Node.Kind.HOOK, "<branch>");
  static final Node JOIN = Node.names(Node.Kind.JOIN);

  /** One recorded anchor: its step, the vars bound there, its block and straight-line segment. */
  static final class Anchor {
    final Step step;
    final Set<String> bound;
    final String block;
    final String segment;
    final String name;
    final int index;

    Anchor(Step step, Set<String> bound, String block, String segment, String name, int index) {
      this.step = step;
      this.bound = bound;
      this.block = block;
      this.segment = segment;
      this.name = name;
      this.index = index;
    }
  }

  /** A loop being compiled: the step holding its frame and loop var slots. */
  static final class Loop {
    final Step meta;
    final int vars;
    final int outs;

    Loop(Step meta, int vars, int outs) {
      this.meta = meta;
      this.vars = vars;
      this.outs = outs;
    }
  }

  private final Map<String, Anchor> anchors = new HashMap<>();
  private final Map<String, Integer> segments = new HashMap<>();

  /** For each segment started by a hook or unify, the anchors it continues from. */
  private final Map<String, List<Anchor>> parents = new HashMap<>();

  final ArrayDeque<Loop> loops = new ArrayDeque<>();

  /** outStream declarations waiting for the operation that follows them (linked by otherwise). */
  Step pendingStreams;

  String segment(String block) {
    return block + "#" + segments.getOrDefault(block, 0);
  }

  /** Starts a new straight-line segment in {@code block} continuing from {@code from}. */
  void newSegment(String block, List<Anchor> from) {
    segments.merge(block, 1, Integer::sum);
    parents.put(segment(block), from);
  }

  /** True if every arrival at {@code later} has passed {@code earlier} first. */
  boolean precedes(Anchor earlier, Anchor later) {
    if (earlier.segment.equals(later.segment)) {
      return earlier.index <= later.index;
    }
    List<Anchor> from = parents.getOrDefault(later.segment, Collections.emptyList());
    if (from.isEmpty()) {
      return false;
    }
    // A unify segment is preceded only by what precedes all its inputs; a hook has one input.
    for (Anchor p : from) {
      if (!precedes(earlier, p)) {
        return false;
      }
    }
    return true;
  }

  /** Rejects merging anchors where one lies on the path to another: they never meet as peers. */
  void checkSeparate(List<Anchor> merged, String at) {
    for (Anchor x : merged) {
      for (Anchor y : merged) {
        if (x != y && precedes(x, y)) {
          throw new DeimosCompileException(
              at
                  + ": anchors '"
                  + x.name
                  + "' and '"
                  + y.name
                  + "' lie on one path ('"
                  + x.name
                  + "' comes first), so they never meet as separate branches");
        }
      }
      if (merged.stream().filter(a -> a == x).count() > 1) {
        throw new DeimosCompileException(at + ": anchor '" + x.name + "' is unified with itself");
      }
    }
  }

  void anchor(String name, Step step, Set<String> bound, String block, int index, String at) {
    Anchor prev = anchors.get(name);
    if (prev != null) {
      throw new DeimosCompileException(
          at + ": duplicate anchor '" + name + "' (already defined at " + prev.step.node + ")");
    }
    anchors.put(name, new Anchor(step, new HashSet<>(bound), block, segment(block), name, index));
  }

  Anchor lookup(String name, String block, String at) {
    Anchor a = anchors.get(name);
    if (a == null) {
      throw new DeimosCompileException(
          at + ": unknown anchor '" + name + "' (anchors must be defined before use)");
    }
    if (!a.block.equals(block) && !insideBranchOf(a.block, block)) {
      throw new DeimosCompileException(
          at
              + ": anchor '"
              + name
              + "' is defined in another block (at block position '"
              + a.block
              + "') and never meets this one");
    }
    return a;
  }

  /**
   * True if {@code inner} is nested in {@code outer} through ifTrue sides and cond or subSource
   * cases only. Those bodies run in the frame of the block around them, so code hooked onto an
   * anchor inside them runs with the branch's bindings, as Rama's helpers rely on. Loop, atomic and
   * branch bodies are excluded: their arrivals do not follow the outer block's flow.
   */
  static boolean insideBranchOf(String inner, String outer) {
    return inner.startsWith(outer)
        && BRANCH_PATH.matcher(inner.substring(outer.length())).matches();
  }

  private static final Pattern BRANCH_PATH = Pattern.compile("(\\d+\\.(then|else|case\\d+)\\.)+");

  /** Makes every arrival at {@code a} also run from {@code target}'s successor (on a copy). */
  static void fork(Anchor a, Step target) {
    Step f = new Step(FORK, new Arg[0], new int[0]);
    f.then = target;
    f.next = a.step.next;
    a.step.next = f;
  }
}
