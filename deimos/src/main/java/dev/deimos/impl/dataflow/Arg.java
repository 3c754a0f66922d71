package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.Functions;

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
    Object eval(Object[] slots) {
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
