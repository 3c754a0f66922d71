package dev.deimos.impl.dataflow;

import dev.deimos.DeimosCompileException;
import dev.deimos.impl.data.Functions;
import dev.deimos.impl.path.PathKeys;
import java.io.Serializable;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Which task(s) a partitioner sends the rest of the plan to. */
final class PartitionSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Type {
    HASH,
    ALL,
    SHUFFLE,
    DIRECT,
    GLOBAL,
    ORIGIN,
    CUSTOM,
    PATH_KEY,
    /** explodeMicrobatch: every task holding records of the microbatch bound to args[0]. */
    MICROBATCH
  }

  final Type type;
  final String pstateVar;
  final Object fn;

  /** For PATH_KEY: true when written as pathPartition, false when inserted by select. */
  final boolean explicitPath;

  PartitionSpec(Type type, String pstateVar, Object fn) {
    this(type, pstateVar, fn, false);
  }

  PartitionSpec(Type type, String pstateVar, Object fn, boolean explicitPath) {
    this.type = type;
    this.pstateVar = pstateVar;
    this.fn = fn;
    this.explicitPath = explicitPath;
  }

  static void check(PartitionSpec spec, String at) {
    boolean depotOk = spec.type == Type.ALL || spec.type == Type.CUSTOM;
    if (spec.pstateVar != null
        && !Compiler.isPStateVar(spec.pstateVar)
        && !(depotOk && Compiler.isVar(spec.pstateVar))) {
      throw new DeimosCompileException(
          at
              + ": '"
              + spec.pstateVar
              + "' must be a PState var starting with '$$'"
              + (depotOk ? " or a depot var starting with '*'" : ""));
    }
  }

  String describe(Object[] args) {
    if (type == Type.MICROBATCH) {
      return "explodeMicrobatch(" + args[0] + ")";
    }
    String name =
        type == Type.PATH_KEY
            ? (explicitPath ? "pathPartition(" : "select(")
            : type.name().toLowerCase(java.util.Locale.ROOT) + "Partition(";
    StringBuilder sb = new StringBuilder(name);
    if (pstateVar != null) {
      sb.append(pstateVar).append(args.length > 0 || fn != null ? ", " : "");
    }
    if (fn instanceof dev.deimos.Path) {
      sb.append(fn).append(args.length > 0 ? ", " : "");
    } else if (fn != null) {
      sb.append(Functions.describe(fn)).append(args.length > 0 ? ", " : "");
    }
    String a = Arrays.toString(args);
    return sb.append(a, 1, a.length() - 1).append(')').toString();
  }

  /** Sends a copy of the frame to every target task of the partitioner at step {@code s}. */
  static void hop(Step s, Object[] args, Object[] slots, ExecutionContext ctx) {
    PartitionSpec spec = (PartitionSpec) s.node.fn;
    Resume next = Resume.of(s);
    // a global depot or PState has one partition, on task 0
    if (spec.type == Type.PATH_KEY && ctx.isMirror(spec.pstateVar)) {
      // another module's PState is read through its client from the current task
      ctx.hop(ctx.taskId(), next, slots.clone());
      return;
    }
    int n = spec.pstateVar != null && ctx.isGlobal(spec.pstateVar) ? 1 : ctx.numTasks();
    switch (spec.type) {
      case MICROBATCH:
        {
          if (!(args[0] instanceof MicrobatchRecords)) {
            throw new IllegalStateException(
                s.node.describe()
                    + ": "
                    + s.node.args[0]
                    + " is not bound to a microbatch (explodeMicrobatch runs only in a microbatch"
                    + " topology, on the var its source binds)");
          }
          MicrobatchRecords mb = (MicrobatchRecords) args[0];
          // the runtime may explode a task's records over several frames: it rebinds this slot
          int slot = s.args[0] instanceof Arg.Slot ? ((Arg.Slot) s.args[0]).index : -1;
          for (int t = 0; t < n; t++) {
            if (mb.hasRecords(t)) {
              ctx.explodeOn(t, next, slots.clone(), mb, slot);
            }
          }
          return;
        }
      case ALL:
        for (int t = 0; t < n; t++) {
          ctx.hop(t, next, slots.clone());
        }
        return;
      case HASH:
        ctx.hop(ctx.taskForKey(spec.pstateVar, args[0]), next, slots.clone());
        return;
      case SHUFFLE:
        ctx.hop(ThreadLocalRandom.current().nextInt(n), next, slots.clone());
        return;
      case GLOBAL:
        ctx.hop(0, next, slots.clone());
        return;
      case ORIGIN:
        ctx.hop(ctx.originTask(), next, slots.clone());
        return;
      case PATH_KEY:
        {
          Object key =
              PathKeys.firstKey((dev.deimos.Path) spec.fn, new SlotVars(s.slotOf, slots, s.node));
          if (ctx.isGlobal(spec.pstateVar)) {
            ctx.hop(0, next, slots.clone());
          } else if (key == PathKeys.NONE) {
            for (int t = 0; t < n; t++) {
              ctx.hop(t, next, slots.clone());
            }
          } else {
            ctx.hop(ctx.taskForKey(spec.pstateVar, key), next, slots.clone());
          }
          return;
        }
      case DIRECT:
        ctx.hop(checkTask(s, args[0], n), next, slots.clone());
        return;
      default:
        {
          Object[] callArgs = new Object[args.length + 1];
          callArgs[0] = n;
          System.arraycopy(args, 0, callArgs, 1, args.length);
          ctx.hop(checkTask(s, Functions.invoke(spec.fn, callArgs), n), next, slots.clone());
        }
    }
  }

  private static int checkTask(Step s, Object task, int n) {
    if (!(task instanceof Number)) {
      throw new IllegalStateException(
          s.node.describe() + ": the target task must be a number, got " + task);
    }
    int t = ((Number) task).intValue();
    if (t < 0 || t >= n) {
      throw new IllegalStateException(
          s.node.describe() + ": target task " + t + " is outside [0, " + n + ")");
    }
    return t;
  }
}
