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
    Object fn = s.node.fn;
    Arg[] a = s.args;
    switch (a.length) {
      case 0:
        return ((DeimosFunction0<Object>) fn).invoke();
      case 1:
        return ((DeimosFunction1<Object, Object>) fn).invoke(a[0].eval(slots));
      case 2:
        return ((DeimosFunction2<Object, Object, Object>) fn)
            .invoke(a[0].eval(slots), a[1].eval(slots));
      case 3:
        return ((DeimosFunction3<Object, Object, Object, Object>) fn)
            .invoke(a[0].eval(slots), a[1].eval(slots), a[2].eval(slots));
      default:
        return Functions.invoke(fn, Arg.evalAll(a, slots));
    }
  }
}
