package dev.deimos.impl.path;

import dev.deimos.impl.data.Vars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Per-call state of one select or transform: vars, collected values, and where results go. */
final class Run {
  private static final Object[] NONE = new Object[0];

  final Vars vars;

  /** Receives each value that reaches the end of the current (sub-)path in a select. */
  Consumer<Object> sink;

  /** Computes the replacement of a value that reaches the end of the current (sub-)path. */
  UnaryOperator<Object> tail;

  private Object[] collected = NONE;
  private int ncollected;

  Run(Vars vars) {
    this.vars = vars;
  }

  int collectedCount() {
    return ncollected;
  }

  void push(Object v) {
    if (ncollected == collected.length) {
      collected = Arrays.copyOf(collected, Math.max(4, ncollected * 2));
    }
    collected[ncollected++] = v;
  }

  void pop() {
    collected[--ncollected] = null;
  }

  List<Object> collectedList() {
    List<Object> out = new ArrayList<>(ncollected);
    for (int i = 0; i < ncollected; i++) {
      out.add(collected[i]);
    }
    return out;
  }

  /** Collected values followed by {@code v}, as a select result. */
  Object withCollected(Object v) {
    if (ncollected == 0) {
      return v;
    }
    List<Object> out = collectedList();
    out.add(v);
    return out;
  }

  /** Collected values, then {@code v}, then {@code extra}: arguments of a term function. */
  Object[] termArgs(Object v, Object[] extra) {
    Object[] a = new Object[ncollected + 1 + extra.length];
    System.arraycopy(collected, 0, a, 0, ncollected);
    a[ncollected] = v;
    System.arraycopy(extra, 0, a, ncollected + 1, extra.length);
    return a;
  }

  /** Hides collected values while {@code body} runs (dispenseCollected). */
  Object[] takeCollected() {
    Object[] saved = Arrays.copyOf(collected, ncollected);
    Arrays.fill(collected, 0, ncollected, null);
    ncollected = 0;
    return saved;
  }

  void restoreCollected(Object[] saved) {
    collected = saved.length == 0 ? NONE : saved.clone();
    ncollected = saved.length;
  }
}
