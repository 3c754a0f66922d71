package dev.deimos.impl.path;

import dev.deimos.Constant;
import dev.deimos.Expr;
import dev.deimos.impl.data.Functions;
import dev.deimos.impl.data.Vars;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/** Resolves navigator arguments and compares values the way filters and ranges need. */
final class Args {
  private Args() {}

  /** A literal, a var ({@code "*x"}), a {@link Constant} or an {@link Expr}, resolved. */
  static Object resolve(Object arg, Vars vars) {
    if (arg instanceof String) {
      return Vars.isVar(arg) ? vars.get((String) arg) : arg;
    }
    if (arg instanceof Constant) {
      return ((Constant) arg).getValue();
    }
    if (arg instanceof Expr) {
      Expr e = (Expr) arg;
      Object[] a = new Object[e.arity()];
      for (int i = 0; i < a.length; i++) {
        a[i] = resolve(e.getArg(i), vars);
      }
      return Functions.invoke(e.getOp(), a);
    }
    return arg;
  }

  static Object[] resolveAll(Object[] args, Vars vars) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = resolve(args[i], vars);
    }
    return out;
  }

  /** Adds the vars an argument reads (itself, or those nested in an {@link Expr}) to out. */
  static void vars(Object arg, java.util.Set<String> out) {
    if (Vars.isVar(arg)) {
      out.add((String) arg);
    } else if (arg instanceof Expr) {
      Expr e = (Expr) arg;
      for (int i = 0; i < e.arity(); i++) {
        vars(e.getArg(i), out);
      }
    }
  }

  static void varsAll(Object[] args, java.util.Set<String> out) {
    for (Object a : args) {
      vars(a, out);
    }
  }

  /** True when the argument is the same for every call, so it can be resolved once. */
  static boolean isStatic(Object arg) {
    return !(arg instanceof Expr) && !Vars.isVar(arg);
  }

  static String show(Object arg) {
    if (arg instanceof String && !Vars.isVar(arg)) {
      return "\"" + arg + "\"";
    }
    return String.valueOf(arg);
  }

  static String showAll(Object[] args) {
    String s = Arrays.toString(Arrays.stream(args).map(Args::show).toArray());
    return s.substring(1, s.length() - 1);
  }

  static boolean truthy(Object o) {
    return o != null && !Boolean.FALSE.equals(o);
  }

  /** Resolves an int argument (any integral Number), naming the step on failure. */
  static int toInt(Object o, Node n, String what) {
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return Math.toIntExact(((Number) o).longValue());
    }
    throw PathErrors.at(n, what + " must be an integer but was " + PathErrors.className(o));
  }

  /** Equality where numbers of different boxed integral types compare by value. */
  static boolean equal(Object a, Object b) {
    if (a instanceof Number && b instanceof Number && a.getClass() != b.getClass()) {
      return compareNumbers((Number) a, (Number) b) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  /** Orders two values: numbers by value across boxed types, otherwise {@code compareTo}. */
  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    if (a instanceof Number && b instanceof Number && a.getClass() != b.getClass()) {
      return compareNumbers((Number) a, (Number) b);
    }
    if (a instanceof Comparable && b != null) {
      return ((Comparable<Object>) a).compareTo(b);
    }
    throw new ClassCastException(
        "cannot compare " + PathErrors.className(a) + " with " + PathErrors.className(b));
  }

  private static boolean integral(Number x) {
    return x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte;
  }

  private static int compareNumbers(Number a, Number b) {
    if (integral(a) && integral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if ((a instanceof Double || a instanceof Float || integral(a))
        && (b instanceof Double || b instanceof Float || integral(b))) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return big(a).compareTo(big(b));
  }

  private static BigDecimal big(Number x) {
    if (x instanceof BigDecimal) {
      return (BigDecimal) x;
    }
    if (x instanceof BigInteger) {
      return new BigDecimal((BigInteger) x);
    }
    if (integral(x)) {
      return BigDecimal.valueOf(x.longValue());
    }
    return BigDecimal.valueOf(x.doubleValue());
  }
}
