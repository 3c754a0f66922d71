package dev.deimos.impl.dataflow;

import dev.deimos.ops.DeimosOperation0;
import dev.deimos.ops.DeimosOperation1;
import dev.deimos.ops.DeimosOperation2;
import dev.deimos.ops.DeimosOperation3;
import dev.deimos.ops.DeimosOperation4;
import dev.deimos.ops.DeimosOperation5;
import dev.deimos.ops.DeimosOperation6;
import dev.deimos.ops.DeimosOperation7;
import dev.deimos.ops.DeimosOperation8;
import dev.deimos.ops.OutputCollector;

/** Calls operations by arity; the builder guarantees the arity matches the argument count. */
final class Invoke {
  private Invoke() {}

  /**
   * Calls the operation of step {@code s}; arities 0-3 read their arguments without building an
   * argument array (the executor's hot path for EXPLODE-like operations).
   */
  @SuppressWarnings("unchecked")
  static void operation(Step s, Object[] slots, OutputCollector c) {
    Object op = s.fn;
    switch (s.argSlot.length) {
      case 0:
        ((DeimosOperation0) op).invoke(c);
        return;
      case 1:
        ((DeimosOperation1<Object>) op).invoke(FastCall.arg(s, 0, slots), c);
        return;
      case 2:
        ((DeimosOperation2<Object, Object>) op)
            .invoke(FastCall.arg(s, 0, slots), FastCall.arg(s, 1, slots), c);
        return;
      case 3:
        ((DeimosOperation3<Object, Object, Object>) op)
            .invoke(
                FastCall.arg(s, 0, slots), FastCall.arg(s, 1, slots), FastCall.arg(s, 2, slots), c);
        return;
      default:
        operation(op, FastCall.args(s, slots), c);
    }
  }

  @SuppressWarnings("unchecked")
  static void operation(Object op, Object[] a, OutputCollector c) {
    switch (a.length) {
      case 0:
        ((DeimosOperation0) op).invoke(c);
        return;
      case 1:
        ((DeimosOperation1<Object>) op).invoke(a[0], c);
        return;
      case 2:
        ((DeimosOperation2<Object, Object>) op).invoke(a[0], a[1], c);
        return;
      case 3:
        ((DeimosOperation3<Object, Object, Object>) op).invoke(a[0], a[1], a[2], c);
        return;
      case 4:
        ((DeimosOperation4<Object, Object, Object, Object>) op).invoke(a[0], a[1], a[2], a[3], c);
        return;
      case 5:
        ((DeimosOperation5<Object, Object, Object, Object, Object>) op)
            .invoke(a[0], a[1], a[2], a[3], a[4], c);
        return;
      case 6:
        ((DeimosOperation6<Object, Object, Object, Object, Object, Object>) op)
            .invoke(a[0], a[1], a[2], a[3], a[4], a[5], c);
        return;
      case 7:
        ((DeimosOperation7<Object, Object, Object, Object, Object, Object, Object>) op)
            .invoke(a[0], a[1], a[2], a[3], a[4], a[5], a[6], c);
        return;
      case 8:
        ((DeimosOperation8<Object, Object, Object, Object, Object, Object, Object, Object>) op)
            .invoke(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], c);
        return;
      default:
        throw new IllegalArgumentException("operations of arity " + a.length + " not supported");
    }
  }
}
