package dev.deimos.ops;

import java.util.function.Function;

/**
 * Implementation type of the {@link Ops} constants that take a variable number of arguments and
 * return one value, such as {@link Ops#PLUS} and {@link Ops#TUPLE}.
 *
 * <p>It implements every {@code DeimosFunction0..8} and no {@code DeimosOperationN}, so a call site
 * with one overload per arity picks exactly one overload for each argument count. Argument counts
 * the constant does not accept fail at run time with an {@link IllegalArgumentException} naming the
 * constant.
 */
public final class NativeAnyArityDeimosFunction extends NativeOp
    implements DeimosFunction0<Object>,
        DeimosFunction1<Object, Object>,
        DeimosFunction2<Object, Object, Object>,
        DeimosFunction3<Object, Object, Object, Object>,
        DeimosFunction4<Object, Object, Object, Object, Object>,
        DeimosFunction5<Object, Object, Object, Object, Object, Object>,
        DeimosFunction6<Object, Object, Object, Object, Object, Object, Object>,
        DeimosFunction7<Object, Object, Object, Object, Object, Object, Object, Object>,
        DeimosFunction8<Object, Object, Object, Object, Object, Object, Object, Object, Object> {
  private static final long serialVersionUID = 1L;

  private final int minArity;
  private final int maxArity;
  private final transient Function<Object[], Object> impl;

  NativeAnyArityDeimosFunction(
      String name, int minArity, int maxArity, Function<Object[], Object> impl) {
    super(name);
    this.minArity = minArity;
    this.maxArity = maxArity;
    this.impl = impl;
  }

  /**
   * Calls the function with any number of arguments, including more than eight.
   *
   * @param args the arguments; the array is not kept
   * @return the result
   * @throws IllegalArgumentException if this constant does not take {@code args.length} arguments
   */
  public Object invokeAll(Object[] args) {
    if (args.length < minArity || args.length > maxArity) {
      throw arityError(args.length, Arities.describe(minArity, maxArity));
    }
    return impl.apply(args);
  }

  @Override
  public Object invoke() {
    return invokeAll(new Object[] {});
  }

  @Override
  public Object invoke(Object arg0) {
    return invokeAll(new Object[] {arg0});
  }

  @Override
  public Object invoke(Object arg0, Object arg1) {
    return invokeAll(new Object[] {arg0, arg1});
  }

  @Override
  public Object invoke(Object arg0, Object arg1, Object arg2) {
    return invokeAll(new Object[] {arg0, arg1, arg2});
  }

  @Override
  public Object invoke(Object arg0, Object arg1, Object arg2, Object arg3) {
    return invokeAll(new Object[] {arg0, arg1, arg2, arg3});
  }

  @Override
  public Object invoke(Object arg0, Object arg1, Object arg2, Object arg3, Object arg4) {
    return invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4});
  }

  @Override
  public Object invoke(
      Object arg0, Object arg1, Object arg2, Object arg3, Object arg4, Object arg5) {
    return invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5});
  }

  @Override
  public Object invoke(
      Object arg0, Object arg1, Object arg2, Object arg3, Object arg4, Object arg5, Object arg6) {
    return invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6});
  }

  @Override
  public Object invoke(
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return invokeAll(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7});
  }
}
