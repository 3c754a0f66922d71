package dev.deimos.ops;

import java.util.function.Supplier;

/**
 * Implementation type of the {@link Ops} constants that take no argument, such as {@link
 * Ops#CURRENT_TASK_ID}.
 *
 * @param <R> type of the result
 */
public final class NativeDeimosFunction0<R> extends NativeOp implements DeimosFunction0<R> {
  private static final long serialVersionUID = 1L;

  private final transient Supplier<R> impl;

  NativeDeimosFunction0(String name, Supplier<R> impl) {
    super(name);
    this.impl = impl;
  }

  @Override
  public R invoke() {
    return impl.get();
  }
}
