package dev.deimos.ops;

import java.util.function.BiFunction;

/**
 * Implementation type of the {@link Ops} constants that take exactly two arguments, such as {@link
 * Ops#GET}.
 *
 * @param <T0> type of argument 0
 * @param <T1> type of argument 1
 * @param <R> type of the result
 */
public final class NativeDeimosFunction2<T0, T1, R> extends NativeOp
    implements DeimosFunction2<T0, T1, R> {
  private static final long serialVersionUID = 1L;

  private final transient BiFunction<T0, T1, R> impl;

  NativeDeimosFunction2(String name, BiFunction<T0, T1, R> impl) {
    super(name);
    this.impl = impl;
  }

  @Override
  public R invoke(T0 arg0, T1 arg1) {
    return impl.apply(arg0, arg1);
  }
}
