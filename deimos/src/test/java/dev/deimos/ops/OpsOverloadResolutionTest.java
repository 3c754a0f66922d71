package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Expr;
import org.junit.jupiter.api.Test;

/**
 * Compiles calls of every constant at the arities real code uses against one-overload-per-arity
 * APIs; an ambiguous or missing overload fails the build, a wrong pick fails the test.
 */
class OpsOverloadResolutionTest {
  private static final Object A = "*a";

  @Test
  void anyArityFunctions_everyArity_pickTheFunctionOverload() {
    NativeAnyArityDeimosFunction[] fns = {
      Ops.AND, Ops.OR, Ops.EQUAL, Ops.NOT_EQUAL, Ops.LESS_THAN, Ops.LESS_THAN_OR_EQUAL,
      Ops.GREATER_THAN, Ops.GREATER_THAN_OR_EQUAL, Ops.MIN, Ops.MAX, Ops.PLUS, Ops.MINUS,
      Ops.TIMES, Ops.PLUS_LONG, Ops.MINUS_LONG, Ops.TIMES_LONG, Ops.TUPLE, Ops.TO_STRING
    };
    for (NativeAnyArityDeimosFunction f : fns) {
      assertThat(Each.each(f)).isEqualTo("F0");
      assertThat(Each.each(f, A)).isEqualTo("F1");
      assertThat(Each.each(f, A, A)).isEqualTo("F2");
      assertThat(Each.each(f, A, A, A)).isEqualTo("F3");
      assertThat(Each.each(f, A, A, A, A)).isEqualTo("F4");
      assertThat(Each.each(f, A, A, A, A, A)).isEqualTo("F5");
      assertThat(Each.each(f, A, A, A, A, A, A)).isEqualTo("F6");
      assertThat(Each.each(f, A, A, A, A, A, A, A)).isEqualTo("F7");
      assertThat(Each.each(f, A, A, A, A, A, A, A, A)).isEqualTo("F8");
    }
  }

  @Test
  void namedConstants_usualArities_pickTheFunctionOverload() {
    assertThat(Each.each(Ops.PLUS, A, A, A)).isEqualTo("F3");
    assertThat(Each.each(Ops.TUPLE, A, A, A, A, A)).isEqualTo("F5");
    assertThat(Each.each(Ops.EQUAL, A, A)).isEqualTo("F2");
    assertThat(Each.each(Ops.OR, A, A)).isEqualTo("F2");
    assertThat(Each.each(Ops.AND, A, A, A)).isEqualTo("F3");
    assertThat(Each.each(Ops.SIZE, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.IDENTITY, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.IS_NULL, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.IS_NOT_NULL, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.NOT, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.FIRST, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.LAST, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.INC, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.INC_LONG, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.DEC, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.DEC_LONG, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.SUM, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.IS_EVEN, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.IS_ODD, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.CLASS, A)).isEqualTo("F1");
    assertThat(Each.each(Ops.EXTRACT_VALUE, "$$p")).isEqualTo("F1");
    assertThat(Each.each(Ops.GET, A, "k")).isEqualTo("F2");
    assertThat(Each.each(Ops.CONTAINS, A, A)).isEqualTo("F2");
    assertThat(Each.each(Ops.IS_INSTANCE_OF, String.class, A)).isEqualTo("F2");
    assertThat(Each.each(Ops.DIV, A, A)).isEqualTo("F2");
    assertThat(Each.each(Ops.CURRENT_TASK_ID)).isEqualTo("F0");
    assertThat(Each.each(Ops.CURRENT_MICROBATCH_ID)).isEqualTo("F0");
    assertThat(Each.each(Ops.CURRENT_TOPOLOGY_TYPE)).isEqualTo("F0");
    assertThat(Each.each(Ops.MODULE_INSTANCE_INFO)).isEqualTo("F0");
  }

  @Test
  void operations_usualArities_pickTheOperationOverload() {
    assertThat(Each.each(Ops.EXPLODE, A)).isEqualTo("O1");
    assertThat(Each.each(Ops.EXPLODE_MAP, A)).isEqualTo("O1");
    assertThat(Each.each(Ops.EXPLODE_INDEXED, A)).isEqualTo("O1");
    assertThat(Each.each(Ops.EXPAND, A)).isEqualTo("O1");
    assertThat(Each.each(Ops.RANGE, 0, 10)).isEqualTo("O2");
    assertThat(Each.each(Ops.RANGE, 0, 10, 2)).isEqualTo("O3");
    NativeAnyArityDeimosOperation[] ops = {
      Ops.PRINTLN, Ops.LOG_TRACE, Ops.LOG_DEBUG, Ops.LOG_INFO, Ops.LOG_WARN, Ops.LOG_ERROR
    };
    for (NativeAnyArityDeimosOperation op : ops) {
      assertThat(Each.each(op)).isEqualTo("O0");
      assertThat(Each.each(op, A)).isEqualTo("O1");
      assertThat(Each.each(op, A, A)).isEqualTo("O2");
      assertThat(Each.each(op, A, A, A)).isEqualTo("O3");
      assertThat(Each.each(op, A, A, A, A)).isEqualTo("O4");
      assertThat(Each.each(op, A, A, A, A, A)).isEqualTo("O5");
      assertThat(Each.each(op, A, A, A, A, A, A)).isEqualTo("O6");
      assertThat(Each.each(op, A, A, A, A, A, A, A)).isEqualTo("O7");
      assertThat(Each.each(op, A, A, A, A, A, A, A, A)).isEqualTo("O8");
    }
  }

  @Test
  void pathAndDepotShapes_functionConstants_resolve() {
    assertThat(Each.view(Ops.SIZE)).isEqualTo("view");
    assertThat(Each.view(Ops.IDENTITY)).isEqualTo("view");
    assertThat(Each.view(Ops.FIRST)).isEqualTo("view");
    assertThat(Each.view(Ops.PLUS)).isEqualTo("view");
    assertThat(Each.term(Ops.PLUS, 1)).isEqualTo("term2");
    assertThat(Each.term(Ops.PLUS_LONG, 1)).isEqualTo("term2");
    assertThat(Each.term(Ops.INC)).isEqualTo("term1");
    assertThat(Each.term(Ops.DEC_LONG)).isEqualTo("term1");
  }

  @Test
  void expr_functionConstants_compileAndKeepTheirOperator() {
    Expr nested =
        new Expr(
            Ops.OR,
            new Expr(Ops.IS_NULL, "*x"),
            new Expr(Ops.AND, new Expr(Ops.NOT, "*y"), new Expr(Ops.EQUAL, "*a", "*b")));
    assertThat(nested.getOp()).isSameAs(Ops.OR);
    assertThat(new Expr(Ops.IS_INSTANCE_OF, String.class, "*v").getOp())
        .isSameAs(Ops.IS_INSTANCE_OF);
    assertThat(new Expr(Ops.TO_STRING, "a", "*b", "c", "*d", "e").arity()).isEqualTo(5);
    assertThat(new Expr(Ops.CURRENT_TASK_ID).arity()).isZero();
    assertThat(new Expr(Ops.GET, "*m", "k").getArg(1)).isEqualTo("k");
  }

  @Test
  void kinds_functionConstantsAreNeverOperations_andViceVersa() {
    for (NativeOp op : Ops.all()) {
      boolean fn = false;
      boolean operation = false;
      for (Class<?> i : op.getClass().getInterfaces()) {
        fn |= i.getSimpleName().startsWith("DeimosFunction");
        operation |= i.getSimpleName().startsWith("DeimosOperation");
      }
      assertThat(fn ^ operation).as(op.toString()).isTrue();
    }
  }
}
