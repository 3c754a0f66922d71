package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.Functions;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;

/** A compiled argument: a var slot, a literal, or a nested function call. */
abstract class Arg {
  abstract Object eval(Object[] slots);

  static final class Slot extends Arg {
    final int index;

    Slot(int index) {
      this.index = index;
    }

    @Override
    Object eval(Object[] slots) {
      return slots[index];
    }
  }

  /**
   * A PState var where a value is expected: binds the partition's value ({@link
   * PStateAccess#argumentValue}), never the PState object. A var rebound to a plain value (a
   * temporary PState written by an aggregator) passes through.
   */
  static final class PStateValue extends Arg {
    final int index;
    private final String var;

    PStateValue(int index, String var) {
      this.index = index;
      this.var = var;
    }

    @Override
    Object eval(Object[] slots) {
      Object o = slots[index];
      return o instanceof PStateAccess ? ((PStateAccess) o).argumentValue(var) : o;
    }
  }

  static final class Lit extends Arg {
    private final Object value;

    Lit(Object value) {
      this.value = value;
    }

    @Override
    Object eval(Object[] slots) {
      return value;
    }
  }

  static final class Call extends Arg {
    private final Object fn;
    private final Arg[] args;

    Call(Object fn, Arg[] args) {
      this.fn = fn;
      this.args = args;
    }

    @Override
    @SuppressWarnings("unchecked")
    Object eval(Object[] slots) {
      // Nested Exprs of one to three arguments skip the argument array.
      switch (args.length) {
        case 1:
          if (fn instanceof DeimosFunction1) {
            return ((DeimosFunction1<Object, Object>) fn).invoke(args[0].eval(slots));
          }
          break;
        case 2:
          if (fn instanceof DeimosFunction2) {
            return ((DeimosFunction2<Object, Object, Object>) fn)
                .invoke(args[0].eval(slots), args[1].eval(slots));
          }
          break;
        case 3:
          if (fn instanceof DeimosFunction3) {
            return ((DeimosFunction3<Object, Object, Object, Object>) fn)
                .invoke(args[0].eval(slots), args[1].eval(slots), args[2].eval(slots));
          }
          break;
        default:
          break;
      }
      return Functions.invoke(fn, evalAll(args, slots));
    }
  }

  static Object[] evalAll(Arg[] args, Object[] slots) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = args[i].eval(slots);
    }
    return out;
  }
}
