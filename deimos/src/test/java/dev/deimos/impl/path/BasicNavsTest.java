package dev.deimos.impl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Expr;
import dev.deimos.Path;
import dev.deimos.PathException;
import dev.deimos.impl.data.Vars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicNavsTest {
  private static final Vars NONE = Vars.NONE;

  private static List<Object> sel(Path p, Object root) {
    return Paths.select(p, root, NONE);
  }

  private static Object tx(Path p, Object root) {
    return Paths.transform(p, root, NONE);
  }

  private static Map<Object, Object> nested() {
    Map<Object, Object> inner = new HashMap<>();
    inner.put("b", 1);
    inner.put("c", 2);
    Map<Object, Object> m = new HashMap<>();
    m.put("a", inner);
    m.put("l", new ArrayList<>(List.of(10, 20, 30)));
    return m;
  }

  @Test
  void key_nestedMap_selectsValue() {
    assertThat(sel(Path.key("a", "b"), nested())).containsExactly(1);
    assertThat(sel(Path.key("a", "zz"), nested())).containsExactly((Object) null);
  }

  @Test
  void must_missingKey_selectsNothing() {
    assertThat(sel(Path.must("a", "zz"), nested())).isEmpty();
    assertThat(sel(Path.must("a", "c"), nested())).containsExactly(2);
  }

  @Test
  void key_transform_copiesAndLeavesInputUnchanged() {
    Map<Object, Object> in = nested();
    Object out = tx(Path.key("a", "b").termVal(5), in);
    assertThat(in).isEqualTo(nested());
    assertThat(out).isEqualTo(Map.of("a", Map.of("b", 5, "c", 2), "l", List.of(10, 20, 30)));
  }

  @Test
  void key_missingPath_transformCreatesMaps() {
    assertThat(tx(Path.key("x", "y").termVal(1), null)).isEqualTo(Map.of("x", Map.of("y", 1)));
  }

  @Test
  void termVoid_onKey_removesEntry() {
    Object out = tx(Path.key("a", "b").termVoid(), nested());
    assertThat(Paths.select(Path.key("a"), out, NONE)).containsExactly(Map.of("c", 2));
  }

  @Test
  void mapVals_term_incrementsEveryValue() {
    Object out = tx(Path.key("a").mapVals().term((Integer x) -> x + 1), nested());
    assertThat(sel(Path.key("a"), out)).containsExactly(Map.of("b", 2, "c", 3));
    assertThat(sel(Path.key("a").mapVals(), nested())).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void mapKeys_transform_renamesKeys() {
    assertThat(sel(Path.key("a").mapKeys(), nested())).containsExactlyInAnyOrder("b", "c");
    Object out = tx(Path.key("a").mapKeys().term((String k) -> k + k), nested());
    assertThat(sel(Path.key("a"), out)).containsExactly(Map.of("bb", 1, "cc", 2));
  }

  @Test
  void mapKey_transform_renamesOneKey() {
    Object out = tx(Path.key("a").mapKey("b").termVal("z"), nested());
    assertThat(sel(Path.key("a"), out)).containsExactly(Map.of("z", 1, "c", 2));
  }

  @Test
  void listNavs_select_reachExpectedElements() {
    Map<Object, Object> m = nested();
    assertThat(sel(Path.key("l").first(), m)).containsExactly(10);
    assertThat(sel(Path.key("l").last(), m)).containsExactly(30);
    assertThat(sel(Path.key("l").nth(1), m)).containsExactly(20);
    assertThat(sel(Path.key("l").sublist(1, 3), m)).containsExactly(List.of(20, 30));
    assertThat(sel(Path.key("l").all(), m)).containsExactly(10, 20, 30);
  }

  @Test
  void listNavs_transform_rewriteExpectedElements() {
    Map<Object, Object> m = nested();
    assertThat(sel(Path.key("l"), tx(Path.key("l").nth(1).termVal(0), m)))
        .containsExactly(List.of(10, 0, 30));
    assertThat(sel(Path.key("l"), tx(Path.key("l").first().termVoid(), m)))
        .containsExactly(List.of(20, 30));
    assertThat(sel(Path.key("l"), tx(Path.key("l").all().filterGreaterThan(15).termVoid(), m)))
        .containsExactly(List.of(10));
    assertThat(sel(Path.key("l"), tx(Path.key("l").sublist(0, 2).termVal(List.of(1)), m)))
        .containsExactly(List.of(1, 30));
    assertThat(m).isEqualTo(nested());
  }

  @Test
  void insertNavs_transform_addElements() {
    List<Object> l = List.of(1, 2, 3);
    assertThat(tx(Path.beforeElem().termVal(0), l)).isEqualTo(List.of(0, 1, 2, 3));
    assertThat(tx(Path.afterElem().termVal(4), l)).isEqualTo(List.of(1, 2, 3, 4));
    assertThat(tx(Path.beforeIndex(1).termVal(9), l)).isEqualTo(List.of(1, 9, 2, 3));
    assertThat(tx(Path.beginning().termVal(List.of(7, 8)), l)).isEqualTo(List.of(7, 8, 1, 2, 3));
    assertThat(tx(Path.end().termVal(List.of(7, 8)), l)).isEqualTo(List.of(1, 2, 3, 7, 8));
  }

  @Test
  void all_onMap_navigatesPairs() {
    assertThat(sel(Path.all(), Map.of("k", 1))).containsExactly(List.of("k", 1));
  }

  @Test
  void subMap_select_returnsPresentKeysOnly() {
    assertThat(sel(Path.key("a").subMap("b", "q"), nested())).containsExactly(Map.of("b", 1));
  }

  @Test
  void vars_keyAndExpr_resolvedPerCall() {
    Vars vars = name -> "*k".equals(name) ? "a" : "b";
    Path p = Path.key("*k", "*j");
    assertThat(Paths.select(p, nested(), vars)).containsExactly(1);
    Path e = Path.key("l").nth(new Expr((Integer x) -> x + 1, 0));
    assertThat(sel(e, nested())).containsExactly(20);
    assertThatThrownBy(() -> sel(p, nested())).hasMessageContaining("*k");
  }

  @Test
  void error_wrongShape_namesStepNavigatorAndClass() {
    assertThatThrownBy(() -> sel(Path.key("a").nth(0), nested()))
        .isInstanceOf(PathException.class)
        .hasMessageContaining("step 1")
        .hasMessageContaining("nth(0)")
        .hasMessageContaining("java.util.HashMap");
  }

  @Test
  void selectOne_manyResults_failsNamingPath() {
    assertThat(Paths.selectOne(Path.key("a", "b"), nested(), NONE)).isEqualTo(1);
    assertThat(Paths.selectOne(Path.must("zz"), nested(), NONE)).isNull();
    assertThatThrownBy(() -> Paths.selectOne(Path.key("l").all(), nested(), NONE))
        .isInstanceOf(PathException.class)
        .hasMessageContaining("all()")
        .hasMessageContaining("3 values");
  }
}
