package dev.deimos.impl.dataflow;

import dev.deimos.Path;
import dev.deimos.ops.OutputCollector;
import java.util.List;

/**
 * Runs compiled steps in the calling thread. Slots are shared across a fan-out: each emit writes
 * its outputs, then runs the rest of the chain to completion before the next emit overwrites them.
 */
final class Executor {
  private final ExecutionContext ctx;
  // where this executor's thread counts the steps it runs (see Step#counts)
  private final int countAt;

  Executor(ExecutionContext ctx) {
    this.ctx = ctx;
    this.countAt = Step.countIndex(ctx.counterSlot());
  }

  // the step running now, read only when a step throws, to name the node (diagnostics)
  private Step current;

  void run(Step s, Object[] slots) {
    try {
      steps(s, slots);
    } catch (Throwable e) {
      Step at = current;
      if (at != null && ctx != ExecutionContext.LOCAL) {
        FailedNode.mark(e, at.node.describe());
      }
      throw e;
    }
  }

  private void steps(Step s, Object[] slots) {
    while (s != null) {
      current = s;
      s.counts[countAt]++;
      switch (s.kind) {
        case EACH_FN:
          // Runs of plain functions stay in this inner loop instead of re-dispatching each step.
          while (true) {
            Object r = FastCall.function(s, slots);
            int out = s.out1;
            if (out >= 0) {
              slots[out] = r;
            }
            s = s.next;
            if (s == null || s.kind != Node.Kind.EACH_FN) {
              break;
            }
            current = s;
            s.counts[countAt]++;
          }
          break;
        case EACH_OP:
          Invoke.operation(s, slots, new Emitter(s, slots));
          return;
        case KEEP_TRUE:
          if (!truthy(s.args[0].eval(slots))) {
            return;
          }
          s = s.next;
          break;
        case LOCAL_TRANSFORM:
          pstate(s, slots).transform((Path) s.node.fn, new SlotVars(s.slotOf, slots, s.node));
          s = s.next;
          break;
        case LOCAL_SELECT:
          {
            List<Object> vals =
                pstate(s, slots).select((Path) s.node.fn, new SlotVars(s.slotOf, slots, s.node));
            int out = s.outSlots.length == 1 ? s.outSlots[0] : -1;
            for (int i = 0, n = vals.size(); i < n; i++) {
              if (out >= 0) {
                slots[out] = vals.get(i);
              }
              run(s.next, slots);
            }
            return;
          }
        // ---- section A cases (aggregation, batch) ----
        case AGG:
        case COMPOUND_AGG:
        case BATCH_BLOCK:
        case BATCH_SINK:
        case MATERIALIZE:
        case EXPLODE_MATERIALIZED:
        case SUB_BATCH:
        case SUB_BATCH_EMIT:
          s = BatchRunner.run(this, s, slots);
          if (s == null) {
            return;
          }
          break;

        // ---- section B cases (control flow) ----
        case ANCHOR:
        case BRANCH:
        case JOIN:
        case YIELD_IF_OVERTIME:
        case STREAM_DECL:
          s = s.next;
          break;
        case HOOK:
        case UNIFY:
          // Reached by falling through from the previous segment: that segment ends here. Anchors
          // enter the code after a hook or unify through their FORK steps.
          return;
        case SHADOW_SAVE:
          ControlFlow.saveShadowed(s, slots);
          s = s.next;
          break;
        case SHADOW_RESTORE:
          ControlFlow.restoreShadowed(this, s, slots);
          return;
        case FORK:
          run(s.then.next, slots.clone());
          s = s.next;
          break;
        case COND:
        case SUB_SOURCE:
          s = ControlFlow.pickCase(s, slots);
          if (s == null) {
            return;
          }
          break;
        case ATOMIC:
          run(s.then, slots.clone());
          s = s.next;
          break;
        case LOOP:
          ControlFlow.loop(this, s, slots);
          return;
        case CONTINUE_LOOP:
          ControlFlow.continueLoop(s, slots);
          s = s.next;
          break;
        case EMIT_LOOP:
          ControlFlow.emitLoop(this, s, slots);
          s = s.next;
          break;

        // ---- section C cases (partitioners, runtime) ----
        case SOURCE:
          if (s.outSlots.length > 0) {
            slots[s.outSlots[0]] = ctx.sourceRecord();
          }
          Resume.of(s).rebind(ctx, slots);
          s = s.next;
          break;
        case PARTITION:
          PartitionSpec.hop(s, Arg.evalAll(s.args, slots), slots, ctx);
          return;
        case ACK_RETURN:
          ctx.ackReturn(s.args[0].eval(slots));
          s = s.next;
          break;
        case EACH_ASYNC:
          AsyncSteps.eachAsync(s, slots, ctx);
          return;
        case DEPOT_APPEND:
          ctx.depotAppend(
              (String) ((Object[]) s.node.fn)[0], s.args[0].eval(slots), ((Object[]) s.node.fn)[1]);
          s = s.next;
          break;

        case INVOKE_QUERY:
          ctx.awaitAsync(
              ctx.invokeQuery((String) s.node.fn, Arg.evalAll(s.args, slots)),
              Resume.of(s),
              slots.clone());
          return;

        default:
          // Branch ends are linked to the step after the ifTrue by the compiler.
          s = truthy(s.args[0].eval(slots)) ? s.then : s.otherwise;
          break;
      }
    }
  }

  private static String at(Step s) {
    return s.node.describe();
  }

  private static PStateAccess pstate(Step s, Object[] slots) {
    Object p = s.args[0].eval(slots);
    if (!(p instanceof PStateAccess)) {
      throw new IllegalStateException(
          at(s)
              + ": "
              + s.node.args[0]
              + " is bound to "
              + (p == null ? "null" : p.getClass().getName())
              + ", not a PState");
    }
    return (PStateAccess) p;
  }

  static boolean truthy(Object o) {
    return o != null && !Boolean.FALSE.equals(o);
  }

  private final class Emitter implements OutputCollector {
    private final Step step;
    private final Object[] slots;

    Emitter(Step step, Object[] slots) {
      this.step = step;
      this.slots = slots;
    }

    @Override
    public void emit(Object... values) {
      int[] outs = step.outSlots;
      if (outs.length > 0 && values.length != outs.length) {
        throw new IllegalStateException(
            step.node.describe()
                + " emitted "
                + values.length
                + " values but binds "
                + outs.length
                + " vars");
      }
      for (int i = 0; i < outs.length; i++) {
        slots[outs[i]] = values[i];
      }
      run(step.next, slots);
    }

    @Override
    public void emitStream(String stream, Object... values) {
      ControlFlow.emitStream(Executor.this, step, slots, stream, values);
    }
  }

  // section C: the context this executor runs in (for the distributed batch hand-off)
  ExecutionContext context() {
    return ctx;
  }
}
