package dev.deimos.ops;

/**
 * Test-only copy of the overload shape of {@code Block.each}: one overload per arity for functions
 * and one per arity for operations. Each returns which overload it chose.
 */
final class Each {
  private Each() {}

  static <R> String each(DeimosFunction0<R> f) {
    return "F0";
  }

  static <T0, R> String each(DeimosFunction1<T0, R> f, Object a0) {
    return "F1";
  }

  static <T0, T1, R> String each(DeimosFunction2<T0, T1, R> f, Object a0, Object a1) {
    return "F2";
  }

  static <T0, T1, T2, R> String each(
      DeimosFunction3<T0, T1, T2, R> f, Object a0, Object a1, Object a2) {
    return "F3";
  }

  static <T0, T1, T2, T3, R> String each(
      DeimosFunction4<T0, T1, T2, T3, R> f, Object a0, Object a1, Object a2, Object a3) {
    return "F4";
  }

  static <T0, T1, T2, T3, T4, R> String each(
      DeimosFunction5<T0, T1, T2, T3, T4, R> f,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4) {
    return "F5";
  }

  static <T0, T1, T2, T3, T4, T5, R> String each(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> f,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5) {
    return "F6";
  }

  static <T0, T1, T2, T3, T4, T5, T6, R> String each(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> f,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6) {
    return "F7";
  }

  static <T0, T1, T2, T3, T4, T5, T6, T7, R> String each(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> f,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7) {
    return "F8";
  }

  static String each(DeimosOperation0 op) {
    return "O0";
  }

  static <T0> String each(DeimosOperation1<T0> op, Object a0) {
    return "O1";
  }

  static <T0, T1> String each(DeimosOperation2<T0, T1> op, Object a0, Object a1) {
    return "O2";
  }

  static <T0, T1, T2> String each(
      DeimosOperation3<T0, T1, T2> op, Object a0, Object a1, Object a2) {
    return "O3";
  }

  static <T0, T1, T2, T3> String each(
      DeimosOperation4<T0, T1, T2, T3> op, Object a0, Object a1, Object a2, Object a3) {
    return "O4";
  }

  static <T0, T1, T2, T3, T4> String each(
      DeimosOperation5<T0, T1, T2, T3, T4> op,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4) {
    return "O5";
  }

  static <T0, T1, T2, T3, T4, T5> String each(
      DeimosOperation6<T0, T1, T2, T3, T4, T5> op,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5) {
    return "O6";
  }

  static <T0, T1, T2, T3, T4, T5, T6> String each(
      DeimosOperation7<T0, T1, T2, T3, T4, T5, T6> op,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6) {
    return "O7";
  }

  static <T0, T1, T2, T3, T4, T5, T6, T7> String each(
      DeimosOperation8<T0, T1, T2, T3, T4, T5, T6, T7> op,
      Object a0,
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7) {
    return "O8";
  }

  /** Shape of {@code Path.view}/{@code Depot.hashBy}: a one-argument function. */
  static <T, R> String view(DeimosFunction1<T, R> f) {
    return "view";
  }

  /** Shape of {@code Path.term(f, arg)}: a two-argument function plus one argument. */
  static <T0, T1, R> String term(DeimosFunction2<T0, T1, R> f, Object a0) {
    return "term2";
  }

  /** Shape of {@code Path.term(f)}. */
  static <T0, R> String term(DeimosFunction1<T0, R> f) {
    return "term1";
  }
}
