package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SubSource;
import dev.deimos.helpers.GroupHarness.GroupModule;
import dev.deimos.helpers.GroupHarness.Mode;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyToLinkedEntitySetPStateGroupTest {
  static GroupModule module(Mode mode, boolean descending, boolean byFirst) {
    KeyToLinkedEntitySetPStateGroup set =
        new KeyToLinkedEntitySetPStateGroup("$$set", String.class, Object.class);
    if (descending) {
      set.descending();
    }
    if (byFirst) {
      set.entityIdFunction(String.class, Ops.FIRST);
    }
    return new GroupModule(
        mode,
        set::declarePStates,
        (t, b) ->
            b.subSource(
                "*c",
                SubSource.create(Commands.AddItem.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*item"))
                    .macro(set.addToLinkedSet("*key", "*item")),
                SubSource.create(Commands.RemoveItem.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*item"))
                    .macro(set.removeFromLinkedSet("*key", "*item")),
                SubSource.create(Commands.RemoveByEntityId.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*entityId"))
                    .macro(set.removeFromLinkedSetByEntityId("*key", "*entityId")),
                SubSource.create(Commands.RemoveKey.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key"))
                    .macro(set.removeKey("*key"))));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void add_remove_readd_givesFreshIdsInInsertionOrder(Mode mode) {
    // one task: ids are then 0, 1, 2, ... as the module-wide generator's task 0 counter
    try (GroupHarness h = new GroupHarness(module(mode, false, false), 1)) {
      PState set = h.pstate("$$set");
      PState byId = h.pstate("$$setById");
      h.append(new Commands.AddItem("a", "a"));
      assertThat((Object) set.selectOne(Path.key("a", "a"))).isEqualTo(0L);
      assertThat((Object) byId.selectOne(Path.key("a", 0L))).isEqualTo("a");
      h.append(new Commands.AddItem("a", "b"));
      assertThat((Object) set.selectOne(Path.key("a", "b"))).isEqualTo(1L);
      h.append(new Commands.RemoveItem("a", "a"));
      assertThat((Object) set.selectOne(Path.key("a", "a"))).isNull();
      assertThat((Object) byId.selectOne(Path.key("a", 0L))).isNull();
      h.append(new Commands.AddItem("a", "a"));
      assertThat((Object) set.selectOne(Path.key("a", "a"))).isEqualTo(2L);
      // re-adding a member moves it to the end and frees its old position
      h.append(new Commands.AddItem("a", "b"));
      assertThat((Object) set.selectOne(Path.key("a", "b"))).isEqualTo(3L);
      assertThat((Object) byId.selectOne(Path.key("a", 1L))).isNull();
      assertThat(byId.select(Path.key("a").mapVals())).containsExactly("a", "b");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void byIdPState_pagesInInsertionOrder(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, false, false), 1)) {
      PState byId = h.pstate("$$setById");
      for (int i = 0; i < 20; i++) {
        h.append(new Commands.AddItem("b", String.valueOf(i)));
      }
      assertThat(byId.select(Path.key("b").sortedMapRange(0L, 5L).all()))
          .containsExactly(
              List.of(0L, "0"),
              List.of(1L, "1"),
              List.of(2L, "2"),
              List.of(3L, "3"),
              List.of(4L, "4"));
      List<Object> page = byId.select(Path.key("b").sortedMapRange(15L, 100L).mapVals());
      assertThat(page).containsExactly("15", "16", "17", "18", "19");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void manyTasks_idsAreUniquePerKeyAndOrderFollowsInsertion(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, false, false), 4)) {
      PState set = h.pstate("$$set");
      PState byId = h.pstate("$$setById");
      List<String> keys = List.of("k1", "k2", "k3", "k4", "k5");
      for (int i = 0; i < 10; i++) {
        for (String k : keys) {
          h.append(new Commands.AddItem(k, "e" + i));
        }
      }
      for (String k : keys) {
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          expected.add("e" + i);
        }
        assertThat(byId.select(Path.key(k).mapVals())).isEqualTo(expected);
        Map<Object, Object> members = set.selectOne(Path.key(k));
        assertThat(members).hasSize(10);
        assertThat(new java.util.HashSet<>(members.values())).hasSize(10);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void descending_iteratesNewestFirst(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, true, false), 1)) {
      PState byId = h.pstate("$$setById");
      h.append(new Commands.AddItem("a", "x"));
      h.append(new Commands.AddItem("a", "y"));
      h.append(new Commands.AddItem("a", "z"));
      h.append(new Commands.AddItem("a", "x"));
      assertThat(byId.select(Path.key("a").mapVals())).containsExactly("x", "z", "y");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void entityIdFunction_and_removeKey(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, false, true), 2)) {
      PState set = h.pstate("$$set");
      PState byId = h.pstate("$$setById");
      h.append(new Commands.AddItem("a", List.of("u1", 1)));
      h.append(new Commands.AddItem("a", List.of("u2", 1)));
      h.append(new Commands.AddItem("a", List.of("u1", 2)));
      assertThat(set.select(Path.key("a").mapKeys())).containsExactlyInAnyOrder("u1", "u2");
      assertThat(byId.select(Path.key("a").mapVals()))
          .containsExactly(List.of("u2", 1), List.of("u1", 2));
      h.append(new Commands.RemoveByEntityId("a", "u2"));
      assertThat(byId.select(Path.key("a").mapVals())).containsExactly(List.of("u1", 2));
      h.append(new Commands.AddItem("b", List.of("u9", 0)));
      h.append(new Commands.RemoveKey("a"));
      assertThat((Object) set.selectOne(Path.key("a"))).isNull();
      assertThat((Object) byId.selectOne(Path.key("a"))).isNull();
      assertThat(byId.select(Path.key("b").mapVals())).containsExactly(List.of("u9", 0));
    }
  }

  @Test
  void constructor_rejectsNameWithoutDollars() {
    assertThatThrownBy(() -> new KeyToLinkedEntitySetPStateGroup("*set", String.class, Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$");
  }
}
