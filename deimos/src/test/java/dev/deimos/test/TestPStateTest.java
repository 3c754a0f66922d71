package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestPStateTest {

  @Test
  void transform_mapSchema_visibleImmediately() throws IOException {
    try (TestPState p = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      p.transform(Path.key("alice").termVal(3L));
      p.transform(Path.key("bob").termVal(4L));
      Long alice = p.selectOne(Path.key("alice"));
      assertThat(alice).isEqualTo(3L);
      assertThat(p.<Object>select(Path.mapKeys())).containsExactly("alice", "bob");
    }
  }

  @Test
  void transform_nestedSetSchema_createsAndAdds() throws IOException {
    try (TestPState p =
        TestPState.create(PState.mapSchema(String.class, PState.setSchema(String.class)))) {
      p.transform(Path.key("alice").nullToSet().voidSetElem().termVal("bob"));
      p.transform(Path.key("alice").nullToSet().voidSetElem().termVal("carol"));
      Object got = p.selectOne(Path.key("alice"));
      assertThat(got).isEqualTo(Set.of("bob", "carol"));
    }
  }

  @Test
  void transform_violatingSchema_throwsAndKeepsData() throws IOException {
    try (TestPState p = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      p.transform(Path.key("a").termVal(1L));
      assertThatThrownBy(() -> p.transform(Path.key("a").termVal("one")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"a\"")
          .hasMessageContaining("String");
      assertThat(p.<Object>selectOne(Path.stay())).isEqualTo(Map.of("a", 1L));
      // a later valid write still works after the failed one
      p.transform(Path.key("b").termVal(2L));
      assertThat(p.<Object>selectOne(Path.stay())).isEqualTo(Map.of("a", 1L, "b", 2L));
    }
  }

  @Test
  void create_classSchema_holdsSingleValue() throws IOException {
    try (TestPState p = TestPState.create(Long.class)) {
      assertThat(p.<Object>selectOne(Path.stay())).isNull();
      p.transform(Path.termVal(7L));
      assertThat(p.<Object>select(Path.stay())).containsExactly(7L);
    }
  }

  @Test
  void selectedList_mutated_pstateUnchanged() throws IOException {
    try (TestPState p =
        TestPState.create(PState.mapSchema(String.class, PState.listSchema(Long.class)))) {
      p.transform(Path.key("k").termVal(List.of(1L, 2L)));
      List<Long> got = p.selectOne(Path.key("k"));
      got.add(3L);
      assertThat(p.<Object>selectOne(Path.key("k"))).isEqualTo(List.of(1L, 2L));
    }
  }

  @Test
  void closed_select_throws() throws IOException {
    TestPState p = TestPState.create(PState.mapSchema(String.class, Long.class));
    p.close();
    assertThatThrownBy(() -> p.select(Path.mapKeys())).isInstanceOf(IllegalStateException.class);
  }
}
