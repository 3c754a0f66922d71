package dev.deimos.ops;

import java.util.function.BiConsumer;

/**
 * Implementation type of the {@link Ops} constants that take a variable number of arguments and
 * emit, such as {@link Ops#PRINTLN} and {@link Ops#RANGE}.
 *
 * <p>It implements every {@code DeimosOperation0..8} and no {@code DeimosFunctionN}, so a call site
 * with one overload per arity picks exactly one overload for each argument count. Argument counts
 * the constant does not accept fail at run time with an {@link IllegalArgumentException} naming the
 * constant.
 */
public final class NativeAnyArityDeimosOperation extends NativeOp
    implements DeimosOperation0,
        DeimosOperation1<Object>,
        DeimosOperation2<Object, Object>,
        DeimosOperation3<Object, Object, Object>,
        DeimosOperation4<Object, Object, Object, Object>,
        DeimosOperation5<Object, Object, Object, Object, Object>,
        DeimosOperation6<Object, Object, Object, Object, Object, Object>,
        DeimosOperation7<Object, Object, Object, Object, Object, Object, Object>,
        DeimosOperation8<Object, Object, Object, Object, Object, Object, Object, Object> {
  private static final long serialVersionUID = 1L;

  private final int minArity;
  private final int maxArity;
  private final transient BiConsumer<Object[], OutputCollector> impl;

  NativeAnyArityDeimosOperation(
      String name, int minArity, int maxArity, BiConsumer<Object[], OutputCollector> impl) {
    super(name);
    this.minArity = minArity;
    this.maxArity = maxArity;
    this.impl = impl;
  }

  /**
   * Runs the operation with any number of arguments, including more than eight.
   *
   * @param args the arguments; the array is not kept
   * @param collector receives what the operation emits
   * @throws IllegalArgumentException if this constant does not take {@code args.length} arguments
   */
  public void invokeAll(Object[] args, OutputCollector collector) {
    if (args.length < minArity || args.length > maxArity) {
      throw arityError(args.length, Arities.describe(minArity, maxArity));
    }
    impl.accept(args, collector);
  }

  @Override
  public void invoke(OutputCollector collector) {
    invokeAll(new Object[] {}, collector);
  }

  @Override
  public void invoke(Object arg0, OutputCollector collector) {
    invokeAll(new Object[] {arg0}, collector);
  }

  @Override
  public void invoke(Object arg0, Object arg1, OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1}, collector);
  }

  @Override
  public void invoke(Object arg0, Object arg1, Object arg2, OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1, arg2}, collector);
  }

  @Override
  public void invoke(
      Object arg0, Object arg1, Object arg2, Object arg3, OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1, arg2, arg3}, collector);
  }

  @Override
  public void invoke(
      Object arg0, Object arg1, Object arg2, Object arg3, Object arg4, OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4}, collector);
  }

  @Override
  public void invoke(
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5}, collector);
  }

  @Override
  public void invoke(
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6}, collector);
  }

  @Override
  public void invoke(
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7,
      OutputCollector collector) {
    invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7}, collector);
  }
}
