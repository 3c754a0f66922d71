package dev.deimos.impl.data;

import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import dev.deimos.ops.NativeOp;

/**
 * Calls user and built-in functions by arity without reflection.
 *
 * <p>Shared by the path engine ({@code view}, {@code term}, {@code filterPred}), by {@link
 * dev.deimos.Expr} evaluation and by the dataflow executor.
 */
public final class Functions {
  private Functions() {}

  /**
   * Calls {@code fn} with the given arguments.
   *
   * @param fn a {@code DeimosFunctionN} where N is {@code a.length}
   * @param a the arguments, already resolved
   * @return what the function returned
   * @throws IllegalArgumentException if {@code fn} is not a function of that arity
   */
  @SuppressWarnings("unchecked")
  public static Object invoke(Object fn, Object... a) {
    switch (a.length) {
      case 0:
        if (fn instanceof DeimosFunction0) {
          return ((DeimosFunction0<Object>) fn).invoke();
        }
        break;
      case 1:
        if (fn instanceof DeimosFunction1) {
          return ((DeimosFunction1<Object, Object>) fn).invoke(a[0]);
        }
        break;
      case 2:
        if (fn instanceof DeimosFunction2) {
          return ((DeimosFunction2<Object, Object, Object>) fn).invoke(a[0], a[1]);
        }
        break;
      case 3:
        if (fn instanceof DeimosFunction3) {
          return ((DeimosFunction3<Object, Object, Object, Object>) fn).invoke(a[0], a[1], a[2]);
        }
        break;
      case 4:
        if (fn instanceof DeimosFunction4) {
          return ((DeimosFunction4<Object, Object, Object, Object, Object>) fn)
              .invoke(a[0], a[1], a[2], a[3]);
        }
        break;
      case 5:
        if (fn instanceof DeimosFunction5) {
          return ((DeimosFunction5<Object, Object, Object, Object, Object, Object>) fn)
              .invoke(a[0], a[1], a[2], a[3], a[4]);
        }
        break;
      case 6:
        if (fn instanceof DeimosFunction6) {
          return ((DeimosFunction6<Object, Object, Object, Object, Object, Object, Object>) fn)
              .invoke(a[0], a[1], a[2], a[3], a[4], a[5]);
        }
        break;
      case 7:
        if (fn instanceof DeimosFunction7) {
          return ((DeimosFunction7<Object, Object, Object, Object, Object, Object, Object, Object>)
                  fn)
              .invoke(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
        }
        break;
      case 8:
        if (fn instanceof DeimosFunction8) {
          return ((DeimosFunction8<
                      Object, Object, Object, Object, Object, Object, Object, Object, Object>)
                  fn)
              .invoke(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        describe(fn)
            + " is not a DeimosFunction"
            + a.length
            + " but was called with "
            + a.length
            + " argument"
            + (a.length == 1 ? "" : "s"));
  }

  /**
   * Tells whether {@code fn} can be called with {@code arity} arguments.
   *
   * @param fn any object
   * @param arity number of arguments
   * @return true if {@code fn} implements {@code DeimosFunction<arity>}
   */
  public static boolean isFunction(Object fn, int arity) {
    switch (arity) {
      case 0:
        return fn instanceof DeimosFunction0;
      case 1:
        return fn instanceof DeimosFunction1;
      case 2:
        return fn instanceof DeimosFunction2;
      case 3:
        return fn instanceof DeimosFunction3;
      case 4:
        return fn instanceof DeimosFunction4;
      case 5:
        return fn instanceof DeimosFunction5;
      case 6:
        return fn instanceof DeimosFunction6;
      case 7:
        return fn instanceof DeimosFunction7;
      case 8:
        return fn instanceof DeimosFunction8;
      default:
        return false;
    }
  }

  /**
   * Describes a function for error messages: its class, or "lambda" for synthetic classes.
   *
   * @param fn any object
   * @return a short human-readable description
   */
  public static String describe(Object fn) {
    if (fn == null) {
      return "null";
    }
    if (fn instanceof NativeOp) {
      return fn.toString();
    }
    String name = fn.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda >= 0 ? "lambda in " + name.substring(0, lambda) : name;
  }
}
