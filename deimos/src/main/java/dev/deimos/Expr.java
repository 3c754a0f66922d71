package dev.deimos;

import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import java.util.Arrays;
import java.util.Objects;

/**
 * A nested function call used as an argument.
 *
 * <p>Wherever dataflow code or a path takes an argument, an {@code Expr} may stand in its place:
 * the function is called with the resolved arguments and its result is used. Arguments may be vars
 * ({@code "*x"}), literal values, {@link Constant}s or further {@code Expr}s. Only functions
 * ({@code DeimosFunction0..8} and the function constants of {@code Ops}) may be used, not
 * operations that emit.
 *
 * <pre>{@code
 * .each(Ops.IDENTITY, new Expr(Ops.PLUS, "*a", new Expr(Ops.INC, "*b"))).out("*sum")
 * }</pre>
 */
public final class Expr implements DeimosSerializable {
  private static final long serialVersionUID = 1L;

  private final Object op;
  private final Object[] args;

  /**
   * Calls a function of zero arguments.
   *
   * @param op the function
   */
  public <R> Expr(DeimosFunction0<R> op) {
    this(new Object[] {}, op);
  }

  /**
   * Calls a function of one argument.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   */
  public <T0, R> Expr(DeimosFunction1<T0, R> op, Object arg0) {
    this(new Object[] {arg0}, op);
  }

  /**
   * Calls a function of two arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, R> Expr(DeimosFunction2<T0, T1, R> op, Object arg0, Object arg1) {
    this(new Object[] {arg0, arg1}, op);
  }

  /**
   * Calls a function of three arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   * @param arg2 argument 2: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, T2, R> Expr(
      DeimosFunction3<T0, T1, T2, R> op, Object arg0, Object arg1, Object arg2) {
    this(new Object[] {arg0, arg1, arg2}, op);
  }

  /**
   * Calls a function of four arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   * @param arg2 argument 2: a var, a value, or a nested {@code Expr}
   * @param arg3 argument 3: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, T2, T3, R> Expr(
      DeimosFunction4<T0, T1, T2, T3, R> op, Object arg0, Object arg1, Object arg2, Object arg3) {
    this(new Object[] {arg0, arg1, arg2, arg3}, op);
  }

  /**
   * Calls a function of five arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   * @param arg2 argument 2: a var, a value, or a nested {@code Expr}
   * @param arg3 argument 3: a var, a value, or a nested {@code Expr}
   * @param arg4 argument 4: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, T2, T3, T4, R> Expr(
      DeimosFunction5<T0, T1, T2, T3, T4, R> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    this(new Object[] {arg0, arg1, arg2, arg3, arg4}, op);
  }

  /**
   * Calls a function of six arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   * @param arg2 argument 2: a var, a value, or a nested {@code Expr}
   * @param arg3 argument 3: a var, a value, or a nested {@code Expr}
   * @param arg4 argument 4: a var, a value, or a nested {@code Expr}
   * @param arg5 argument 5: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, T2, T3, T4, T5, R> Expr(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    this(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5}, op);
  }

  /**
   * Calls a function of seven arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   * @param arg2 argument 2: a var, a value, or a nested {@code Expr}
   * @param arg3 argument 3: a var, a value, or a nested {@code Expr}
   * @param arg4 argument 4: a var, a value, or a nested {@code Expr}
   * @param arg5 argument 5: a var, a value, or a nested {@code Expr}
   * @param arg6 argument 6: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, T2, T3, T4, T5, T6, R> Expr(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    this(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6}, op);
  }

  /**
   * Calls a function of eight arguments.
   *
   * @param op the function
   * @param arg0 argument 0: a var, a value, or a nested {@code Expr}
   * @param arg1 argument 1: a var, a value, or a nested {@code Expr}
   * @param arg2 argument 2: a var, a value, or a nested {@code Expr}
   * @param arg3 argument 3: a var, a value, or a nested {@code Expr}
   * @param arg4 argument 4: a var, a value, or a nested {@code Expr}
   * @param arg5 argument 5: a var, a value, or a nested {@code Expr}
   * @param arg6 argument 6: a var, a value, or a nested {@code Expr}
   * @param arg7 argument 7: a var, a value, or a nested {@code Expr}
   */
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> Expr(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    this(new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7}, op);
  }

  private Expr(Object[] args, Object op) {
    this.op = Objects.requireNonNull(op, "Expr function must not be null");
    this.args = args;
  }

  /**
   * Returns the function this expression calls. Used by the engine.
   *
   * @return the function, a {@code DeimosFunction0..8}
   */
  public Object getOp() {
    return op;
  }

  /**
   * Returns a copy of the unresolved arguments. Used by the engine.
   *
   * @return the arguments as given to the constructor
   */
  public Object[] getArgs() {
    return args.clone();
  }

  /**
   * Returns how many arguments the function receives.
   *
   * @return the arity
   */
  public int arity() {
    return args.length;
  }

  /**
   * Returns one unresolved argument without copying. Used by the engine.
   *
   * @param i the argument index
   * @return the argument as given to the constructor
   */
  public Object getArg(int i) {
    return args[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expr && ((Expr) o).op.equals(op) && Arrays.equals(((Expr) o).args, args);
  }

  @Override
  public int hashCode() {
    return op.hashCode() * 31 + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return "Expr(" + op + ", " + Arrays.toString(args) + ")";
  }
}
