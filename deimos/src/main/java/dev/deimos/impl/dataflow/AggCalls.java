package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.Numbers;
import dev.deimos.ops.DeimosAccumulatorAgg0;
import dev.deimos.ops.DeimosAccumulatorAgg1;
import dev.deimos.ops.DeimosAccumulatorAgg2;
import dev.deimos.ops.DeimosAccumulatorAgg3;
import dev.deimos.ops.DeimosAccumulatorAgg4;
import dev.deimos.ops.DeimosAccumulatorAgg5;
import dev.deimos.ops.DeimosAccumulatorAgg6;
import dev.deimos.ops.DeimosAccumulatorAgg7;
import dev.deimos.ops.DeimosAccumulatorAgg8;

/** Calls user accumulators by arity and compares values for min, max, sorting and limits. */
final class AggCalls {
  private AggCalls() {}

  /** Calls {@code u.accumulate(v, a...)}; the builder guarantees the arity matches. */
  @SuppressWarnings("unchecked")
  static Object accumulate(Object u, Object v, Object[] a) {
    switch (a.length) {
      case 0:
        return ((DeimosAccumulatorAgg0<Object>) u).accumulate(v);
      case 1:
        return ((DeimosAccumulatorAgg1<Object, Object>) u).accumulate(v, a[0]);
      case 2:
        return ((DeimosAccumulatorAgg2<Object, Object, Object>) u).accumulate(v, a[0], a[1]);
      case 3:
        return ((DeimosAccumulatorAgg3<Object, Object, Object, Object>) u)
            .accumulate(v, a[0], a[1], a[2]);
      case 4:
        return ((DeimosAccumulatorAgg4<Object, Object, Object, Object, Object>) u)
            .accumulate(v, a[0], a[1], a[2], a[3]);
      case 5:
        return ((DeimosAccumulatorAgg5<Object, Object, Object, Object, Object, Object>) u)
            .accumulate(v, a[0], a[1], a[2], a[3], a[4]);
      case 6:
        return ((DeimosAccumulatorAgg6<Object, Object, Object, Object, Object, Object, Object>) u)
            .accumulate(v, a[0], a[1], a[2], a[3], a[4], a[5]);
      case 7:
        return ((DeimosAccumulatorAgg7<
                    Object, Object, Object, Object, Object, Object, Object, Object>)
                u)
            .accumulate(v, a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      default:
        return ((DeimosAccumulatorAgg8<
                    Object, Object, Object, Object, Object, Object, Object, Object, Object>)
                u)
            .accumulate(v, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }
  }

  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
      return Numbers.compare(a, b);
    }
    if (a instanceof Comparable && b != null) {
      return ((Comparable<Object>) a).compareTo(b);
    }
    throw new IllegalArgumentException(
        "cannot compare "
            + (a == null ? "null" : a.getClass().getName())
            + " with "
            + (b == null ? "null" : b.getClass().getName()));
  }
}
