package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.Functions;
import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;

/**
 * Calls an each-function step without building an argument array for the common arities (0-3); the
 * executor's hot path. Wider calls fall back to {@link Functions#invoke}.
 */
final class FastCall {
  private FastCall() {}

  @SuppressWarnings("unchecked")
  static Object function(Step s, Object[] slots) {
    Object fn = s.fn;
    switch (s.argSlot.length) {
      case 0:
        return ((DeimosFunction0<Object>) fn).invoke();
      case 1:
        return ((DeimosFunction1<Object, Object>) fn).invoke(arg(s, 0, slots));
      case 2:
        return ((DeimosFunction2<Object, Object, Object>) fn)
            .invoke(arg(s, 0, slots), arg(s, 1, slots));
      case 3:
        return ((DeimosFunction3<Object, Object, Object, Object>) fn)
            .invoke(arg(s, 0, slots), arg(s, 1, slots), arg(s, 2, slots));
      default:
        return Functions.invoke(fn, args(s, slots));
    }
  }

  /** Argument {@code i} of step {@code s}: a slot read for vars, else the compiled argument. */
  static Object arg(Step s, int i, Object[] slots) {
    int k = s.argSlot[i];
    return k >= 0 ? slots[k] : s.args[i].eval(slots);
  }

  /** All arguments of step {@code s}, in a new array. */
  static Object[] args(Step s, Object[] slots) {
    Object[] out = new Object[s.argSlot.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = arg(s, i, slots);
    }
    return out;
  }
}
