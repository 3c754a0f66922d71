package dev.deimos.impl.dataflow;

import dev.deimos.Path;
import dev.deimos.impl.data.Functions;
import dev.deimos.ops.OutputCollector;
import java.util.List;

/**
 * Runs compiled steps in the calling thread. Slots are shared across a fan-out: each emit writes
 * its outputs, then runs the rest of the chain to completion before the next emit overwrites them.
 */
final class Executor {
  private final ExecutionContext ctx;

  Executor(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  void run(Step s, Object[] slots) {
    while (s != null) {
      switch (s.node.kind) {
        case EACH_FN:
          {
            Object r = Functions.invoke(s.node.fn, Arg.evalAll(s.args, slots));
            if (s.outSlots.length == 1) {
              slots[s.outSlots[0]] = r;
            }
            s = s.next;
            break;
          }
        case EACH_OP:
          Invoke.operation(s.node.fn, Arg.evalAll(s.args, slots), new Emitter(s, slots));
          return;
        case KEEP_TRUE:
          if (!truthy(s.args[0].eval(slots))) {
            return;
          }
          s = s.next;
          break;
        case LOCAL_TRANSFORM:
          pstate(s, slots).transform((Path) s.node.fn, new SlotVars(s.slotOf, slots, at(s)));
          s = s.next;
          break;
        case LOCAL_SELECT:
          {
            List<Object> vals =
                pstate(s, slots).select((Path) s.node.fn, new SlotVars(s.slotOf, slots, at(s)));
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

        // ---- section B cases (control flow) ----

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
      throw new UnsupportedOperationException(
          "named output streams are not supported yet: " + stream);
    }
  }
}
