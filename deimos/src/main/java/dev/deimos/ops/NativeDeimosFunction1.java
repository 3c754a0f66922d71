package dev.deimos.ops;

import java.util.function.Function;

/**
 * Implementation type of the {@link Ops} constants that take exactly one argument, such as {@link
 * Ops#SIZE}.
 *
 * @param <T0> type of the argument
 * @param <R> type of the result
 */
public final class NativeDeimosFunction1<T0, R> extends NativeOp implements DeimosFunction1<T0, R> {
  private static final long serialVersionUID = 1L;

  private final transient Function<T0, R> impl;

  NativeDeimosFunction1(String name, Function<T0, R> impl) {
    super(name);
    this.impl = impl;
  }

  @Override
  public R invoke(T0 arg0) {
    return impl.apply(arg0);
  }
}
