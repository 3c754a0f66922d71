package dev.deimos.impl.dataflow;

import dev.deimos.Agg;
import dev.deimos.impl.data.Functions;
import dev.deimos.impl.data.Numbers;
import dev.deimos.ops.DeimosAccumulatorAgg;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.TopMonotonicAgg;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one implementation of {@link Agg}: a named aggregator with its argument expressions.
 * Combiners turn one input into a partial value ({@link #lift}) and merge partials ({@link
 * #merge}); accumulators fold argument tuples in order ({@link #accumulate}).
 */
public final class AggSpec implements TopMonotonicAgg {
  /** Built-in behaviours; USER_* delegate to the user's object. */
  enum Kind {
    COUNT,
    SUM,
    MIN,
    MAX,
    FIRST,
    LAST,
    LIST,
    SET,
    MAP,
    AND,
    OR,
    TOP,
    USER_COMBINER,
    SET_REMOVE,
    USER_ACCUMULATOR
  }

  final Kind kind;
  final Object[] args;
  final Object user;
  final String captureVar;
  final int topAmount;
  final DeimosFunction1<Object, Object> idFn;
  final DeimosFunction1<Object, Object> sortFn;
  final boolean ascending;

  private AggSpec(
      Kind kind,
      Object[] args,
      Object user,
      String captureVar,
      int topAmount,
      DeimosFunction1<Object, Object> idFn,
      DeimosFunction1<Object, Object> sortFn,
      boolean ascending) {
    this.kind = kind;
    this.args = args;
    this.user = user;
    this.captureVar = captureVar;
    this.topAmount = topAmount;
    this.idFn = idFn;
    this.sortFn = sortFn;
    this.ascending = ascending;
  }

  private static AggSpec of(Kind kind, Object user, Object... args) {
    return new AggSpec(kind, args, user, null, 0, null, null, false);
  }

  /**
   * Backs {@code Agg.count()}.
   *
   * @return the aggregator
   */
  public static Agg count() {
    return of(Kind.COUNT, null);
  }

  /**
   * Backs {@code Agg.sum}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg sum(Object arg) {
    return of(Kind.SUM, null, arg);
  }

  /**
   * Backs {@code Agg.min}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg min(Object arg) {
    return of(Kind.MIN, null, arg);
  }

  /**
   * Backs {@code Agg.max}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg max(Object arg) {
    return of(Kind.MAX, null, arg);
  }

  /**
   * Backs {@code Agg.first}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg first(Object arg) {
    return of(Kind.FIRST, null, arg);
  }

  /**
   * Backs {@code Agg.last}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg last(Object arg) {
    return of(Kind.LAST, null, arg);
  }

  /**
   * Backs {@code Agg.list}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg list(Object arg) {
    return of(Kind.LIST, null, arg);
  }

  /**
   * Backs {@code Agg.set}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg set(Object arg) {
    return of(Kind.SET, null, arg);
  }

  /**
   * Backs {@code Agg.setRemove}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg setRemove(Object arg) {
    return of(Kind.SET_REMOVE, null, arg);
  }

  /**
   * Backs {@code Agg.map}.
   *
   * @param key the key input
   * @param val the value input
   * @return the aggregator
   */
  public static Agg map(Object key, Object val) {
    return of(Kind.MAP, null, key, val);
  }

  /**
   * Backs {@code Agg.and}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg and(Object arg) {
    return of(Kind.AND, null, arg);
  }

  /**
   * Backs {@code Agg.or}.
   *
   * @param arg the input
   * @return the aggregator
   */
  public static Agg or(Object arg) {
    return of(Kind.OR, null, arg);
  }

  /**
   * Backs {@code Agg.combiner}.
   *
   * @param combiner the user's combiner
   * @param arg the input
   * @return the aggregator
   */
  public static Agg combiner(DeimosCombinerAgg<?> combiner, Object arg) {
    return of(Kind.USER_COMBINER, Objects.requireNonNull(combiner, "combiner"), arg);
  }

  /**
   * Backs {@code Agg.accumulator}; the accumulator's arity must match the argument count.
   *
   * @param accumulator the user's accumulator
   * @param args its inputs
   * @return the aggregator
   */
  public static Agg accumulator(DeimosAccumulatorAgg<?> accumulator, Object... args) {
    return of(Kind.USER_ACCUMULATOR, Objects.requireNonNull(accumulator, "accumulator"), args);
  }

  /**
   * Backs {@code Agg.topMonotonic}.
   *
   * @param amount how many inputs to keep
   * @param var the var holding the input
   * @return the aggregator
   */
  public static TopMonotonicAgg topMonotonic(int amount, String var) {
    if (amount < 0) {
      throw new IllegalArgumentException("topMonotonic amount must be >= 0, got " + amount);
    }
    return new AggSpec(Kind.TOP, new Object[] {var}, null, null, amount, null, null, false);
  }

  @Override
  public Agg captureNewValInto(String var) {
    if (!Compiler.isVar(var)) {
      throw new IllegalArgumentException("captureNewValInto needs a var starting with '*': " + var);
    }
    return new AggSpec(kind, args, user, var, topAmount, idFn, sortFn, ascending);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T, R> TopMonotonicAgg idFunction(DeimosFunction1<T, R> fn) {
    requireTop("idFunction");
    return new AggSpec(
        kind,
        args,
        user,
        captureVar,
        topAmount,
        (DeimosFunction1<Object, Object>) Objects.requireNonNull(fn),
        sortFn,
        ascending);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T, R> TopMonotonicAgg sortValFunction(DeimosFunction1<T, R> fn) {
    requireTop("sortValFunction");
    return new AggSpec(
        kind,
        args,
        user,
        captureVar,
        topAmount,
        idFn,
        (DeimosFunction1<Object, Object>) Objects.requireNonNull(fn),
        ascending);
  }

  @Override
  public TopMonotonicAgg ascending() {
    requireTop("ascending");
    return new AggSpec(kind, args, user, captureVar, topAmount, idFn, sortFn, true);
  }

  private void requireTop(String what) {
    if (kind != Kind.TOP) {
      throw new IllegalStateException(what + " only applies to topMonotonic, not " + describe());
    }
  }

  /** True when inputs merge associatively, so partial aggregation per task is allowed. */
  boolean isCombiner() {
    return kind != Kind.SET_REMOVE && kind != Kind.USER_ACCUMULATOR;
  }

  /** Turns one input's evaluated arguments into a fresh partial value owned by the caller. */
  Object lift(Object[] a) {
    switch (kind) {
      case COUNT:
        return 1L;
      case SUM:
        return Numbers.atLeastLong(a[0]);
      case LIST:
      case TOP:
        {
          List<Object> l = new ArrayList<>();
          l.add(a[0]);
          return l;
        }
      case SET:
        {
          Set<Object> s = new HashSet<>();
          s.add(a[0]);
          return s;
        }
      case MAP:
        {
          Map<Object, Object> m = new HashMap<>();
          m.put(a[0], a[1]);
          return m;
        }
      default:
        return a[0];
    }
  }

  /**
   * Merges partial {@code arg} into {@code curr}. When {@code owned}, {@code curr} was made by this
   * aggregation and may be changed in place; otherwise (a stored value) it is copied first.
   */
  @SuppressWarnings("unchecked")
  Object merge(Object curr, Object arg, boolean owned) {
    switch (kind) {
      case COUNT:
      case SUM:
        return curr == null ? arg : Numbers.plus(curr, arg);
      case MIN:
        return curr == null || AggCalls.compare(arg, curr) < 0 ? arg : curr;
      case MAX:
        return curr == null || AggCalls.compare(arg, curr) > 0 ? arg : curr;
      case FIRST:
        return curr == null ? arg : curr;
      case LAST:
        return arg;
      case AND:
        return curr == null || Executor.truthy(curr) ? arg : curr;
      case OR:
        return curr != null && Executor.truthy(curr) ? curr : arg;
      case LIST:
      case SET:
        {
          if (curr == null) {
            return arg;
          }
          Collection<Object> c = (Collection<Object>) curr;
          if (!owned) {
            c = kind == Kind.LIST ? new ArrayList<>(c) : new HashSet<>(c);
          }
          c.addAll((Collection<Object>) arg);
          return c;
        }
      case MAP:
        {
          if (curr == null) {
            return arg;
          }
          Map<Object, Object> m =
              owned ? (Map<Object, Object>) curr : new HashMap<>((Map<?, ?>) curr);
          m.putAll((Map<Object, Object>) arg);
          return m;
        }
      case TOP:
        {
          List<Object> l = curr == null ? new ArrayList<>() : (List<Object>) curr;
          if (!owned) {
            l = new ArrayList<>(l);
          }
          l.addAll((List<Object>) arg);
          return l.size() >= 2 * Math.max(1, topAmount) ? finish(l) : l;
        }
      case USER_COMBINER:
        {
          DeimosCombinerAgg<Object> c = (DeimosCombinerAgg<Object>) user;
          return c.combine(curr == null ? c.zeroVal() : curr, arg);
        }
      default:
        throw new IllegalStateException(describe() + " is not a combiner");
    }
  }

  /** The value of an aggregation that saw no input. */
  @SuppressWarnings("unchecked")
  Object zero() {
    switch (kind) {
      case COUNT:
      case SUM:
        return 0L;
      case LIST:
      case TOP:
        return new ArrayList<>();
      case AND:
        return Boolean.TRUE;
      case OR:
        return Boolean.FALSE;
      case USER_COMBINER:
        return ((DeimosCombinerAgg<Object>) user).zeroVal();
      case SET_REMOVE:
        return new HashSet<>();
      case USER_ACCUMULATOR:
        return ((DeimosAccumulatorAgg<Object>) user).initVal();
      default:
        return null;
    }
  }

  /** Final touch of a top-level batch result: topMonotonic sorts, de-duplicates and cuts. */
  Object finish(Object v) {
    if (kind != Kind.TOP || v == null) {
      return v;
    }
    @SuppressWarnings("unchecked")
    List<Object> in = (List<Object>) v;
    Map<Object, Object> best = new HashMap<>();
    List<Object> order = new ArrayList<>();
    for (Object x : in) {
      Object id = idFn == null ? x : idFn.invoke(x);
      Object prev = best.get(id);
      if (!best.containsKey(id)) {
        order.add(id);
        best.put(id, x);
      } else if (better(x, prev) >= 0) {
        best.put(id, x);
      }
    }
    List<Object> out = new ArrayList<>(order.size());
    for (Object id : order) {
      out.add(best.get(id));
    }
    out.sort((x, y) -> -better(x, y));
    return out.size() > topAmount ? new ArrayList<>(out.subList(0, topAmount)) : out;
  }

  /** Positive when {@code x} ranks before {@code y} in topMonotonic order. */
  private int better(Object x, Object y) {
    Object sx = sortFn == null ? x : sortFn.invoke(x);
    Object sy = sortFn == null ? y : sortFn.invoke(y);
    int c = AggCalls.compare(sx, sy);
    return ascending ? -c : c;
  }

  /**
   * Folds one input's arguments into {@code curr}; callers start from {@link #zero()} (the initial
   * value), so a null produced by a user accumulator is passed on as is.
   */
  @SuppressWarnings("unchecked")
  Object accumulate(Object curr, Object[] a) {
    if (kind == Kind.SET_REMOVE) {
      Set<Object> s = curr == null ? new HashSet<>() : new HashSet<>((Collection<Object>) curr);
      s.remove(a[0]);
      return s;
    }
    return AggCalls.accumulate(user, curr, a);
  }

  /** Short form for error messages, e.g. {@code Agg.sum(*x)}. */
  String describe() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (kind == Kind.SET_REMOVE) {
      name = "setRemove";
    } else if (kind == Kind.TOP) {
      name = "topMonotonic";
    } else if (kind == Kind.USER_COMBINER) {
      name = "combiner(" + Functions.describe(user) + ")";
    } else if (kind == Kind.USER_ACCUMULATOR) {
      name = "accumulator(" + Functions.describe(user) + ")";
    }
    StringBuilder sb = new StringBuilder("Agg.").append(name).append('(');
    if (kind == Kind.TOP) {
      sb.append(topAmount).append(", ");
    }
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(args[i]);
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
