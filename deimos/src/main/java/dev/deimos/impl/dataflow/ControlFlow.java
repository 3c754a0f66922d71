package dev.deimos.impl.dataflow;

import dev.deimos.Block;
import java.util.ArrayDeque;
import java.util.Arrays;

/** Helpers for the control-flow nodes (section B): case lists, loop frames, descriptions. */
final class ControlFlow {
  private ControlFlow() {}

  /** The case bodies of a cond or subSource node; {@code types} is null for cond. */
  static final class Cases {
    final Class<?>[] types;
    final Block[] bodies;

    Cases(Class<?>[] types, Block[] bodies) {
      this.types = types;
      this.bodies = bodies;
    }
  }

  /**
   * One running loop. Kept in a hidden slot of the iteration's slot array so that continueLoop and
   * emitLoop find their loop without any executor state, even from nested loops.
   */
  static final class LoopFrame {
    final Step loop;
    final Object[] outer;
    final ArrayDeque<Object[]> pending = new ArrayDeque<>();

    LoopFrame(Step loop, Object[] outer) {
      this.loop = loop;
      this.outer = outer;
    }
  }

  /** Returns the body head of the first matching case of a cond/subSource step, or null. */
  static Step pickCase(Step s, Object[] slots) {
    boolean cond = s.node.kind == Node.Kind.COND;
    Object v = cond ? null : s.args[0].eval(slots);
    for (Step c = s.then; c != null; c = c.otherwise) {
      Object t = c.args[0].eval(slots);
      if (cond ? Executor.truthy(t) : ((Class<?>) t).isInstance(v)) {
        return c.then;
      }
    }
    return null;
  }

  /**
   * Runs a loop: iterations are queued, never nested, so the Java stack stays flat however many
   * iterations run. Each iteration gets its own copy of the slots.
   */
  static void loop(Executor ex, Step s, Object[] slots) {
    int[] meta = s.otherwise.outSlots;
    LoopFrame f = new LoopFrame(s, slots);
    Object[] first = slots.clone();
    first[meta[0]] = f;
    for (int k = 0; k < s.args.length; k++) {
      first[meta[k + 1]] = s.args[k].eval(slots);
    }
    f.pending.add(first);
    Object[] it;
    while ((it = f.pending.poll()) != null) {
      ex.run(s.then, it);
    }
  }

  static void continueLoop(Step s, Object[] slots) {
    int[] meta = s.otherwise.outSlots;
    Object[] next = slots.clone();
    for (int k = 0; k < s.args.length; k++) {
      next[meta[k + 1]] = s.args[k].eval(slots);
    }
    ((LoopFrame) slots[meta[0]]).pending.add(next);
  }

  static void emitLoop(Executor ex, Step s, Object[] slots) {
    LoopFrame f = (LoopFrame) slots[s.otherwise.outSlots[0]];
    int[] outs = f.loop.outSlots;
    Object[] vals = Arg.evalAll(s.args, slots);
    for (int k = 0; k < outs.length; k++) {
      f.outer[outs[k]] = vals[k];
    }
    ex.run(f.loop.next, f.outer);
  }

  /**
   * Delivers an emit to a named stream of operation step {@code op}: binds the stream's vars and
   * runs the code hooked at the stream's anchor. Emits to streams nobody bound are dropped, as
   * emits to the default stream are when nothing follows.
   */
  static void emitStream(Executor ex, Step op, Object[] slots, String stream, Object[] values) {
    for (Step d = op.then; d != null; d = d.otherwise) {
      String[] decl = (String[]) d.node.fn;
      if (!decl[0].equals(stream)) {
        continue;
      }
      int[] outs = d.outSlots;
      if (values.length != outs.length) {
        throw new IllegalStateException(
            op.node.describe()
                + " emitted "
                + values.length
                + " values to stream "
                + stream
                + " but outStream binds "
                + outs.length
                + " vars");
      }
      for (int i = 0; i < outs.length; i++) {
        slots[outs[i]] = values[i];
      }
      ex.run(d.then, slots);
      return;
    }
  }

  /**
   * At the start of a branch that rebinds vars bound before it: keeps their outer values. {@code
   * outSlots} holds (var slot, saved slot) pairs.
   */
  static void saveShadowed(Step s, Object[] slots) {
    int[] p = s.outSlots;
    for (int i = 0; i < p.length; i += 2) {
      slots[p[i + 1]] = slots[p[i]];
    }
  }

  /**
   * At the end of such a branch: the code after the merge sees the outer bindings again (Rama uses
   * the original binding of a var that only a branch shadowed). The branch's own values are put
   * back afterwards, since the branch may go on running, e.g. for the next emit of an operation.
   */
  static void restoreShadowed(Executor ex, Step s, Object[] slots) {
    int[] p = s.outSlots;
    Object[] inner = new Object[p.length / 2];
    for (int i = 0; i < p.length; i += 2) {
      inner[i / 2] = slots[p[i]];
      slots[p[i]] = slots[p[i + 1]];
    }
    ex.run(s.next, slots);
    for (int i = 0; i < p.length; i += 2) {
      slots[p[i]] = inner[i / 2];
    }
  }

  static String describe(Node n) {
    String[] names = (String[]) n.fn;
    switch (n.kind) {
      case ANCHOR:
        return "anchor(" + names[0] + ")";
      case HOOK:
        return "hook(" + names[0] + ")";
      case UNIFY:
        return "unify(" + String.join(", ", names) + ")";
      default:
        return "yieldIfOvertime" + Arrays.toString(names);
    }
  }
}
