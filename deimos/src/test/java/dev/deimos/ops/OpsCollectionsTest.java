package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.impl.data.ExtractableValue;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpsCollectionsTest {

  @Test
  void size_collectionsMapsArraysStrings_returnInteger() {
    assertThat(Ops.SIZE.invoke(List.of(1, 2, 3))).isEqualTo(3).isInstanceOf(Integer.class);
    assertThat(Ops.SIZE.invoke(Map.of("a", 1))).isEqualTo(1);
    assertThat(Ops.SIZE.invoke(Set.of())).isEqualTo(0);
    assertThat(Ops.SIZE.invoke(new int[4])).isEqualTo(4);
    assertThat(Ops.SIZE.invoke("hello")).isEqualTo(5);
  }

  @Test
  void size_null_isZero() {
    assertThat(Ops.SIZE.invoke(null)).isEqualTo(0).isInstanceOf(Integer.class);
  }

  @Test
  void size_scalar_throwsNamingOp() {
    assertThatThrownBy(() -> Ops.SIZE.invoke(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.SIZE");
  }

  @Test
  void get_mapsByKeyListsByIndex() {
    assertThat(Ops.GET.invoke(Map.of("a", 1), "a")).isEqualTo(1);
    assertThat(Ops.GET.invoke(Map.of("a", 1), "b")).isNull();
    assertThat(Ops.GET.invoke(List.of("x", "y"), 1)).isEqualTo("y");
    assertThat(Ops.GET.invoke(List.of("x", "y"), 1L)).isEqualTo("y");
    assertThat(Ops.GET.invoke(List.of("x", "y"), 2)).isNull();
    assertThat(Ops.GET.invoke(List.of("x", "y"), -1)).isNull();
    assertThat(Ops.GET.invoke(new String[] {"p", "q"}, 0)).isEqualTo("p");
    assertThat(Ops.GET.invoke(Set.of("s"), "s")).isEqualTo("s");
  }

  @Test
  void get_nullCollection_actsAsEmptyMap() {
    assertThat(Ops.GET.invoke(null, "a")).isNull();
  }

  @Test
  void firstLast_lists_returnEnds() {
    assertThat(Ops.FIRST.invoke(List.of(1, 2, 3))).isEqualTo(1);
    assertThat(Ops.LAST.invoke(List.of(1, 2, 3))).isEqualTo(3);
    assertThat(Ops.FIRST.invoke(List.of())).isNull();
    assertThat(Ops.LAST.invoke(null)).isNull();
  }

  @Test
  void firstLast_orderedCollections_followIterationOrder() {
    assertThat(Ops.FIRST.invoke(new TreeSet<>(List.of(3, 1, 2)))).isEqualTo(1);
    assertThat(Ops.LAST.invoke(new TreeSet<>(List.of(3, 1, 2)))).isEqualTo(3);
    assertThat(Ops.LAST.invoke(new LinkedHashSet<>(List.of("b", "a")))).isEqualTo("a");
    TreeMap<String, Integer> m = new TreeMap<>(Map.of("a", 1, "b", 2));
    assertThat(Ops.FIRST.invoke(m)).isEqualTo(List.of("a", 1));
    assertThat(Ops.LAST.invoke(m)).isEqualTo(List.of("b", 2));
    assertThat(Ops.FIRST.invoke(new Object[] {"z"})).isEqualTo("z");
  }

  @Test
  void contains_collectionsAndMapKeys() {
    assertThat(Ops.CONTAINS.invoke(List.of(1, 2), 2)).isTrue();
    assertThat(Ops.CONTAINS.invoke(Set.of("a"), "b")).isFalse();
    assertThat(Ops.CONTAINS.invoke(Map.of("k", 1), "k")).isTrue();
    assertThat(Ops.CONTAINS.invoke(null, "k")).isFalse();
    assertThatThrownBy(() -> Ops.CONTAINS.invoke("abc", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.CONTAINS");
  }

  @Test
  void tuple_anyArity_returnsMutableListEqualToPlainList() {
    Object t = Ops.TUPLE.invoke(1, "a", null);
    assertThat(t).isInstanceOf(ArrayList.class).isEqualTo(Arrays.asList(1, "a", null));
    assertThat(Ops.TUPLE.invoke()).isEqualTo(List.of());
    assertThat(Ops.TUPLE.invokeAll(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
        .isEqualTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  }

  @Test
  void identity_returnsSameObject() {
    Object o = new Object();
    assertThat(Ops.IDENTITY.invoke(o)).isSameAs(o);
    assertThat(Ops.IDENTITY.invoke(null)).isNull();
  }

  @Test
  void toString_concatenatesSkippingNull() {
    assertThat(Ops.TO_STRING.invoke(42)).isEqualTo("42");
    assertThat(Ops.TO_STRING.invoke("a", 1, null, 2L, List.of(3))).isEqualTo("a12[3]");
    assertThat(Ops.TO_STRING.invoke(null)).isEqualTo("");
    assertThat(Ops.TO_STRING.invoke()).isEqualTo("");
  }

  @Test
  void classOp_returnsRuntimeClass() {
    assertThat(Ops.CLASS.invoke(1L)).isEqualTo(Long.class);
    assertThat(Ops.CLASS.invoke(null)).isNull();
  }

  @Test
  void extractValue_holdersEntriesAndPlainValues() {
    ExtractableValue holder = () -> 41L;
    assertThat(Ops.EXTRACT_VALUE.invoke(holder)).isEqualTo(41L);
    assertThat(Ops.EXTRACT_VALUE.invoke(new AbstractMap.SimpleEntry<>("k", "v"))).isEqualTo("v");
    assertThat(Ops.EXTRACT_VALUE.invoke("plain")).isEqualTo("plain");
    assertThat(Ops.EXTRACT_VALUE.invoke(null)).isNull();
  }
}
