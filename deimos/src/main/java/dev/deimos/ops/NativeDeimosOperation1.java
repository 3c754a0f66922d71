package dev.deimos.ops;

import java.util.function.BiConsumer;

/**
 * Implementation type of the {@link Ops} constants that take exactly one argument and emit, such as
 * {@link Ops#EXPLODE}.
 *
 * @param <T0> type of the argument
 */
public final class NativeDeimosOperation1<T0> extends NativeOp implements DeimosOperation1<T0> {
  private static final long serialVersionUID = 1L;

  private final transient BiConsumer<T0, OutputCollector> impl;

  NativeDeimosOperation1(String name, BiConsumer<T0, OutputCollector> impl) {
    super(name);
    this.impl = impl;
  }

  @Override
  public void invoke(T0 arg0, OutputCollector collector) {
    impl.accept(arg0, collector);
  }
}
