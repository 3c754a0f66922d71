package dev.deimos.impl.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Expr;
import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.ops.Ops;
import org.junit.jupiter.api.Test;

/** {@link Paths#vars} finds every var a path reads, in nested sub-paths and Exprs too. */
class PathVarsTest {

  @Test
  void pathWithoutVars_readsNone() {
    assertThat(Paths.vars(Path.key("a", "$$p").all().filterPred(Ops.IS_EVEN).termVal(1))).isEmpty();
  }

  @Test
  void argumentsOfEveryKindOfNavigator_inPathOrder() {
    Path p =
        Path.key("*k1")
            .must("*k2")
            .mapKey("*k3")
            .subMap("*k4", "lit")
            .nth("*i1")
            .sublist("*s", "*e")
            .beforeIndex("*i2")
            .sortedMapRange("*from", "*to")
            .sortedMapRangeFrom("*from2", "*max")
            .setElem("*el")
            .filterGreaterThan("*min")
            .nullToVal("*dflt")
            .putCollected("*put")
            .view(Ops.PLUS, "*inView")
            .customNavBuilder((Object x) -> (Navigator<Object>) null, "*inBuilder")
            .term(Ops.PLUS, "*inTerm");
    assertThat(Paths.vars(p))
        .containsExactly(
            "*k1",
            "*k2",
            "*k3",
            "*k4",
            "*i1",
            "*s",
            "*e",
            "*i2",
            "*from",
            "*to",
            "*from2",
            "*max",
            "*el",
            "*min",
            "*dflt",
            "*put",
            "*inView",
            "*inBuilder",
            "*inTerm");
  }

  @Test
  void subPathsAndExprs_areSearched() {
    Path p =
        Path.multiPath(Path.key("*m1"), Path.key("*m2"))
            .ifPath(Path.filterEqual("*c"), Path.key("*t"), Path.key("*f"))
            .filterSelected(Path.key("*sel"))
            .filterNotSelected(Path.key("*notSel"))
            .subselect(Path.key("*sub"))
            .collectOne(Path.key("*col"))
            .transformed(Path.key("*tr").termVal("*trVal"))
            .key(new Expr(Ops.PLUS, "*x", new Expr(Ops.INC, "*y")))
            .termVal("*k1");
    assertThat(Paths.vars(p))
        .containsExactly(
            "*m1", "*m2", "*c", "*t", "*f", "*sel", "*notSel", "*sub", "*col", "*tr", "*trVal",
            "*x", "*y", "*k1");
  }
}
