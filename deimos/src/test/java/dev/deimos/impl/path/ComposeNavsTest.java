package dev.deimos.impl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.PathException;
import dev.deimos.SortedRangeFromOptions;
import dev.deimos.SortedRangeToOptions;
import dev.deimos.impl.data.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ComposeNavsTest {
  private static List<Object> sel(Path p, Object root) {
    return Paths.select(p, root, Vars.NONE);
  }

  private static Object tx(Path p, Object root) {
    return Paths.transform(p, root, Vars.NONE);
  }

  private static TreeMap<Object, Object> sorted() {
    TreeMap<Object, Object> m = new TreeMap<>();
    for (int i = 1; i <= 5; i++) {
      m.put(i, "v" + i);
    }
    return m;
  }

  @Test
  void sortedMapRange_select_usesHalfOpenRange() {
    assertThat(sel(Path.sortedMapRange(2, 4), sorted())).containsExactly(Map.of(2, "v2", 3, "v3"));
    assertThat(sel(Path.sortedMapRangeFrom(4), sorted())).containsExactly(Map.of(4, "v4", 5, "v5"));
    assertThat(sel(Path.sortedMapRangeFrom(1, 2), sorted()))
        .containsExactly(Map.of(1, "v1", 2, "v2"));
    assertThat(sel(Path.sortedMapRangeTo(3), sorted())).containsExactly(Map.of(1, "v1", 2, "v2"));
    assertThat(sel(Path.sortedMapRangeTo(5, 2), sorted()))
        .containsExactly(Map.of(3, "v3", 4, "v4"));
    assertThat(sel(Path.sortedMapRangeTo(3, SortedRangeToOptions.includeEnd().maxAmt(1)), sorted()))
        .containsExactly(Map.of(3, "v3"));
    assertThat(sel(Path.sortedMapRangeFrom(4, SortedRangeFromOptions.excludeStart()), sorted()))
        .containsExactly(Map.of(5, "v5"));
  }

  @Test
  void sortedMapRange_transform_replacesRangeOnly() {
    TreeMap<Object, Object> in = sorted();
    Object out = tx(Path.sortedMapRange(2, 4).termVal(Map.of(9, "n")), in);
    assertThat(out).isEqualTo(Map.of(1, "v1", 4, "v4", 5, "v5", 9, "n"));
    assertThat(in).isEqualTo(sorted());
    Object out2 = tx(Path.sortedMapRangeFrom(4).mapVals().termVal("x"), in);
    assertThat(out2).isEqualTo(Map.of(1, "v1", 2, "v2", 3, "v3", 4, "x", 5, "x"));
  }

  @Test
  void sortedSetRange_selectAndTransform() {
    TreeSet<Object> s = new TreeSet<>(List.of(1, 2, 3, 4));
    assertThat(sel(Path.sortedSetRange(2, 4), s)).containsExactly(Set.of(2, 3));
    assertThat(sel(Path.sortedSetRangeFrom(3), s)).containsExactly(Set.of(3, 4));
    assertThat(sel(Path.sortedSetRangeTo(2), s)).containsExactly(Set.of(1));
    assertThat(tx(Path.sortedSetRangeTo(3).termVoid(), s)).isEqualTo(Set.of(3, 4));
    assertThat(s).containsExactly(1, 2, 3, 4);
  }

  @Test
  void setElem_andVoidSetElem() {
    Set<Object> s = Set.of(1, 2);
    assertThat(sel(Path.setElem(1), s)).containsExactly(1);
    assertThat(sel(Path.setElem(7), s)).isEmpty();
    assertThat(tx(Path.setElem(1).termVoid(), s)).isEqualTo(Set.of(2));
    assertThat(tx(Path.voidSetElem().termVal(3), s)).isEqualTo(Set.of(1, 2, 3));
  }

  @Test
  void filters_selectMatchingOnly() {
    List<Object> l = List.of(1, 2, 3, 4);
    assertThat(sel(Path.all().filterPred((Integer x) -> x % 2 == 0), l)).containsExactly(2, 4);
    assertThat(sel(Path.all().filterEqual(3), l)).containsExactly(3);
    assertThat(sel(Path.all().filterNotEqual(3), l)).containsExactly(1, 2, 4);
    assertThat(sel(Path.all().filterLessThan(3), l)).containsExactly(1, 2);
    assertThat(sel(Path.all().filterLessThanOrEqual(3L), l)).containsExactly(1, 2, 3);
    assertThat(sel(Path.all().filterGreaterThanOrEqual(3), l)).containsExactly(3, 4);
  }

  @Test
  void filterSelected_andFilteredList() {
    List<Object> l = List.of(Map.of("a", 1), Map.of("b", 2), Map.of("a", 3));
    assertThat(sel(Path.all().filterSelected(Path.must("a")), l))
        .containsExactly(Map.of("a", 1), Map.of("a", 3));
    assertThat(sel(Path.all().filterNotSelected(Path.must("a")), l))
        .containsExactly(Map.of("b", 2));
    List<Object> nums = List.of(1, 5, 2, 6);
    assertThat(sel(Path.filteredList(Path.filterGreaterThan(3)), nums))
        .containsExactly(List.of(5, 6));
    assertThat(tx(Path.filteredList(Path.filterGreaterThan(3)).termVal(List.of(50, 60)), nums))
        .isEqualTo(List.of(1, 50, 2, 60));
  }

  @Test
  void ifPath_choosesBranch() {
    List<Object> l = List.of(1, 5);
    Path p = Path.all().ifPath(Path.filterGreaterThan(3), Path.termVal("big"), Path.termVal("s"));
    assertThat(tx(p, l)).isEqualTo(List.of("s", "big"));
    assertThat(sel(Path.all().ifPath(Path.filterLessThan(3), Path.stay()), l)).containsExactly(1);
  }

  @Test
  void multiPath_visitsEachInOrder() {
    Map<Object, Object> m = Map.of("a", 1, "b", 2);
    assertThat(sel(Path.multiPath(Path.key("b"), Path.key("a")), m)).containsExactly(2, 1);
    assertThat(tx(Path.multiPath(Path.key("a"), Path.key("b")).term((Integer x) -> x * 10), m))
        .isEqualTo(Map.of("a", 10, "b", 20));
  }

  @Test
  void subselect_transformWritesBackInOrder() {
    List<Object> l = List.of(List.of(3, 1), List.of(2));
    assertThat(sel(Path.subselect(Path.all().all()), l)).containsExactly(List.of(3, 1, 2));
    Object out =
        tx(
            Path.subselect(Path.all().all())
                .term(
                    (List<Object> x) -> {
                      List<Object> c = new ArrayList<>(x);
                      c.sort(null);
                      return c;
                    }),
            l);
    assertThat(out).isEqualTo(List.of(List.of(1, 2), List.of(3)));
  }

  @Test
  void nullTo_stayStop() {
    assertThat(sel(Path.key("a").nullToVal(7), Map.of())).containsExactly(7);
    assertThat(tx(Path.key("a").nullToList().afterElem().termVal(1), Map.of()))
        .isEqualTo(Map.of("a", List.of(1)));
    assertThat(tx(Path.key("a").nullToSet().voidSetElem().termVal(1), Map.of()))
        .isEqualTo(Map.of("a", Set.of(1)));
    assertThat(sel(Path.stay(), 4)).containsExactly(4);
    assertThat(sel(Path.stop(), 4)).isEmpty();
    assertThat(tx(Path.stop().termVal(1), 4)).isEqualTo(4);
  }

  @Test
  void viewAndTransformed() {
    assertThat(sel(Path.view((Integer x) -> x + 1), 1)).containsExactly(2);
    assertThat(sel(Path.view((Integer x, Integer y) -> x * y, 3), 2)).containsExactly(6);
    assertThat(sel(Path.transformed(Path.all().termVal(0)), List.of(1, 2)))
        .containsExactly(List.of(0, 0));
  }

  @Test
  void collect_prependsCollectedToResults() {
    Map<Object, Object> m = Map.of("id", 7, "l", List.of(1, 2));
    assertThat(sel(Path.collectOne(Path.key("id")).key("l").all(), m))
        .containsExactly(List.of(7, 1), List.of(7, 2));
    assertThat(sel(Path.collect(Path.key("l").all()).key("id"), m))
        .containsExactly(List.of(List.of(1, 2), 7));
    assertThat(sel(Path.putCollected("x").stay(), 1)).containsExactly(List.of("x", 1));
    assertThat(sel(Path.putCollected(1).isCollected((List<Object> c) -> c.size() == 1), 5))
        .containsExactly(List.of(1, 5));
    assertThat(sel(Path.putCollected(1).isCollected((List<Object> c) -> c.isEmpty()), 5)).isEmpty();
    assertThat(sel(Path.putCollected(1).dispenseCollected(), 5)).containsExactly(5);
  }

  @Test
  void customNav_selectsAndTransforms() {
    Navigator<List<Object>> second =
        new Navigator<>() {
          @Override
          public Object select(List<Object> obj, Next next) {
            return next.invokeNext(obj.get(1));
          }

          @Override
          public List<Object> transform(List<Object> obj, Next next) {
            obj.set(1, next.invokeNext(obj.get(1)));
            return obj;
          }
        };
    List<Object> in = List.of(1, 2, 3);
    assertThat(sel(Path.customNav(second), in)).containsExactly(2);
    assertThat(tx(Path.customNav(second).termVal(9), in)).isEqualTo(List.of(1, 9, 3));
    assertThat(in).isEqualTo(List.of(1, 2, 3));
  }

  @Test
  void termOnSelect_failsNamingStep() {
    assertThatThrownBy(() -> sel(Path.key("a").termVal(1), Map.of()))
        .isInstanceOf(PathException.class)
        .hasMessageContaining("step 1")
        .hasMessageContaining("termVal(1)");
  }

  /** A navigator to one index of a list, built per call from a resolved argument. */
  private static Navigator<List<Object>> at(Integer i) {
    return new Navigator<>() {
      @Override
      public Object select(List<Object> obj, Next next) {
        return next.invokeNext(obj.get(i));
      }

      @Override
      public List<Object> transform(List<Object> obj, Next next) {
        List<Object> out = new ArrayList<>(obj);
        out.set(i, next.invokeNext(obj.get(i)));
        return out;
      }
    };
  }

  @Test
  void customNavBuilder_varArgument_buildsNavigatorFromResolvedValue() {
    List<Object> in = List.of("a", "b", "c");
    Path p = Path.customNavBuilder(ComposeNavsTest::at, "*i");
    Vars i2 = name -> "*i".equals(name) ? 2 : Vars.NONE.get(name);
    assertThat(Paths.select(p, in, i2)).containsExactly("c");
    assertThat(
            Paths.transform(
                Path.customNavBuilder(ComposeNavsTest::at, 0).termVal("z"), in, Vars.NONE))
        .isEqualTo(List.of("z", "b", "c"));
    assertThat(in).isEqualTo(List.of("a", "b", "c"));
  }

  @Test
  void view_threeArguments_passesValueThenArgsInOrder() {
    assertThat(sel(Path.view((Integer v, Integer a, Integer b) -> v * 100 + a * 10 + b, 2, 3), 1))
        .containsExactly(123);
  }

  @Test
  void filterGreaterThan_aloneOnList_keepsOnlyLargerValues() {
    assertThat(sel(Path.all().filterGreaterThan(2), List.of(1, 2, 3, 4))).containsExactly(3, 4);
    assertThat(tx(Path.all().filterGreaterThan(2).termVal(0), List.of(1, 2, 3, 4)))
        .isEqualTo(List.of(1, 2, 0, 0));
  }
}
