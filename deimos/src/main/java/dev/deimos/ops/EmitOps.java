package dev.deimos.ops;

import dev.deimos.impl.data.Numbers;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bodies of the constants of {@link Ops} that emit rather than return. */
final class EmitOps {
  private static final Logger LOG = LoggerFactory.getLogger(Ops.class);

  private EmitOps() {}

  static void explode(Object coll, OutputCollector out) {
    Iterator<?> it = CollectionOps.iterator("EXPLODE", coll);
    while (it != null && it.hasNext()) {
      out.emit(it.next());
    }
  }

  static void explodeMap(Object map, OutputCollector out) {
    if (map == null) {
      return;
    }
    if (!(map instanceof Map)) {
      throw new IllegalArgumentException(
          "Ops.EXPLODE_MAP: argument 0 must be a Map but was " + ArithmeticOps.describe(map));
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
      out.emit(e.getKey(), e.getValue());
    }
  }

  static void explodeIndexed(Object coll, OutputCollector out) {
    Iterator<?> it = CollectionOps.iterator("EXPLODE_INDEXED", coll);
    int i = 0;
    while (it != null && it.hasNext()) {
      out.emit(i++, it.next());
    }
  }

  static void expand(Object coll, OutputCollector out) {
    if (coll instanceof Collection) {
      out.emit(((Collection<?>) coll).toArray());
    } else if (coll instanceof Map.Entry) {
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) coll;
      out.emit(e.getKey(), e.getValue());
    } else if (coll instanceof Object[]) {
      out.emit(((Object[]) coll).clone());
    } else {
      throw new IllegalArgumentException(
          "Ops.EXPAND: argument 0 must be a list or other collection but was "
              + ArithmeticOps.describe(coll));
    }
  }

  /** Emits start, start + step, ... while short of end; Integer unless an argument is a Long. */
  static void range(Object[] a, OutputCollector out) {
    boolean asLong = false;
    for (int i = 0; i < a.length; i++) {
      Object v = a[i];
      if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
        throw new IllegalArgumentException(
            "Ops.RANGE: argument "
                + i
                + " must be an Integer or Long but was "
                + ArithmeticOps.describe(v));
      }
      asLong |= v instanceof Long;
    }
    long start = Numbers.toLong(a[0]);
    long end = Numbers.toLong(a[1]);
    long step = a.length > 2 ? Numbers.toLong(a[2]) : 1;
    if (step == 0) {
      throw new IllegalArgumentException("Ops.RANGE: step must not be 0");
    }
    for (long v = start; step > 0 ? v < end : v > end; v += step) {
      out.emit(asLong ? (Object) v : (Object) (int) v);
      if (step > 0 ? v > Long.MAX_VALUE - step : v < Long.MIN_VALUE - step) {
        break;
      }
    }
  }

  @SuppressWarnings("checkstyle:regexp")
  static void println(Object[] a, OutputCollector out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(a[i]);
    }
    System.out.println(sb);
    out.emit();
  }

  enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /**
   * Logs through SLF4J: an optional {@link Logger} first, then a message that may hold {@code {}}
   * placeholders for the remaining arguments. Emits once with no values.
   */
  static void log(Level level, Object[] a, OutputCollector out) {
    int i = 0;
    Logger logger = LOG;
    if (a[0] instanceof Logger) {
      logger = (Logger) a[0];
      i = 1;
    }
    if (i >= a.length) {
      throw new IllegalArgumentException("Ops.LOG_" + level + " needs a message after the logger");
    }
    String msg = String.valueOf(a[i]);
    Object[] rest = java.util.Arrays.copyOfRange(a, i + 1, a.length);
    switch (level) {
      case TRACE:
        logger.trace(msg, rest);
        break;
      case DEBUG:
        logger.debug(msg, rest);
        break;
      case INFO:
        logger.info(msg, rest);
        break;
      case WARN:
        logger.warn(msg, rest);
        break;
      default:
        logger.error(msg, rest);
        break;
    }
    out.emit();
  }
}
