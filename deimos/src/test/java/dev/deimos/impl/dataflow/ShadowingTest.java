package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.SubSource;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rebinding a var shadows it: later code in the same scope sees the new value; code after a branch
 * merge (ifTrue, cond, subSource) sees the original binding of a var that a branch shadowed.
 */
class ShadowingTest {

  @Test
  void rebindInSameScope_laterCodeSeesNewValue() {
    List<Object> seen = new ArrayList<>();
    Block.each(Ops.IDENTITY, 1)
        .out("*a")
        .each(Ops.INC, "*a")
        .out("*a")
        .each((Integer a) -> seen.add(a), "*a")
        .execute();
    assertThat(seen).containsExactly(2);
  }

  @Test
  void ifTrue_branchShadows_insideNewValue_afterOriginal() {
    List<Object> inside = new ArrayList<>();
    List<Object> after = new ArrayList<>();
    Block.each(Ops.EXPLODE, List.of(true, false))
        .out("*c")
        .each(Ops.IDENTITY, 1)
        .out("*a")
        .ifTrue(
            "*c",
            Block.each(Ops.INC, "*a")
                .out("*a")
                .each(Ops.EXPLODE, List.of("x", "y"))
                .out("*x")
                .each((Integer a, String x) -> inside.add(x + a), "*a", "*x"))
        .each((Boolean c, Integer a) -> after.add(c + ":" + a), "*c", "*a")
        .execute();
    // the branch keeps its own binding for its second emit
    assertThat(inside).containsExactly("x2", "y2");
    assertThat(after).containsExactly("true:1", "true:1", "false:1");
  }

  @Test
  void ifTrue_elseShadows_varBoundOnBothSidesIsNew() {
    List<Object> after = new ArrayList<>();
    Block.each(Ops.IDENTITY, 1)
        .out("*a")
        .ifTrue(
            false,
            Block.each(Ops.IDENTITY, "t").out("*b"),
            Block.each(Ops.IDENTITY, 5).out("*a").each(Ops.IDENTITY, "e").out("*b"))
        .each((Integer a, String b) -> after.add(b + a), "*a", "*b")
        .execute();
    assertThat(after).containsExactly("e1");
  }

  @Test
  void cond_caseShadows_afterSeesOriginal() {
    List<Object> after = new ArrayList<>();
    Block.each(Ops.IDENTITY, 10)
        .out("*a")
        .cond(
            Case.create(false).each(Ops.IDENTITY, 0).out("*a"),
            Case.create(true).each(Ops.INC, "*a").out("*a"))
        .each((Integer a) -> after.add(a), "*a")
        .execute();
    assertThat(after).containsExactly(10);
  }

  @Test
  void subSource_caseShadows_afterSeesOriginal() {
    List<Object> inside = new ArrayList<>();
    List<Object> after = new ArrayList<>();
    Block.each(Ops.IDENTITY, "v")
        .out("*a")
        .subSource(
            "*a",
            SubSource.create(String.class)
                .each(Ops.TO_STRING, "*a", "!")
                .out("*a")
                .each((String a) -> inside.add(a), "*a"))
        .each((String a) -> after.add(a), "*a")
        .execute();
    assertThat(inside).containsExactly("v!");
    assertThat(after).containsExactly("v");
  }
}
