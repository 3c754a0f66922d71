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

class KeyToUniqueFixedItemsPStateGroupTest {
  /** Items are [entityId, payload] lists when {@code byFirst}, plain values otherwise. */
  static GroupModule module(Mode mode, int maxAmt, boolean byFirst) {
    KeyToUniqueFixedItemsPStateGroup items =
        new KeyToUniqueFixedItemsPStateGroup("$$items", maxAmt, String.class, Object.class)
            .clearBatchSize(4);
    if (byFirst) {
      items.entityIdFunction(String.class, Ops.FIRST);
    }
    return new GroupModule(
        mode,
        items::declarePStates,
        (t, b) ->
            b.subSource(
                "*c",
                SubSource.create(Commands.AddItem.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*item"))
                    .macro(items.addItem("*key", "*item")),
                SubSource.create(Commands.RemoveItem.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*item"))
                    .macro(items.removeItem("*key", "*item")),
                SubSource.create(Commands.RemoveItemById.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*id"))
                    .macro(items.removeItemById("*key", "*id")),
                SubSource.create(Commands.RemoveByEntityId.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*entityId"))
                    .macro(items.removeItemByEntityId("*key", "*entityId")),
                SubSource.create(Commands.RemoveKey.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key"))
                    .macro(items.removeKey("*key")),
                SubSource.create(Commands.ClearItems.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key"))
                    .macro(items.clearItems("*key"))));
  }

  private static List<Object> newestFirst(PState p, String key) {
    return p.select(Path.key(key).mapVals());
  }

  /** Every item has exactly one reverse entry pointing at its id, and nothing else is there. */
  private static void assertConsistent(PState p, PState reverse, String key) {
    Map<Object, Object> items = p.selectOne(Path.key(key));
    Map<Object, Object> rev = reverse.selectOne(Path.key(key));
    int n = items == null ? 0 : items.size();
    assertThat(rev == null ? 0 : rev.size()).as("reverse entries of " + key).isEqualTo(n);
    if (items != null) {
      for (Map.Entry<Object, Object> e : items.entrySet()) {
        assertThat(rev).containsEntry(e.getValue(), e.getKey());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void addItem_again_movesItToNewestWithOneEntry(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, false), 4)) {
      PState p = h.pstate("$$items");
      PState r = h.pstate("$$itemsReverse");
      h.append(new Commands.AddItem("a", 1));
      assertThat((Object) p.selectOne(Path.key("a", Long.MAX_VALUE))).isEqualTo(1);
      assertThat((Object) r.selectOne(Path.key("a", 1))).isEqualTo(Long.MAX_VALUE);
      h.append(new Commands.AddItem("a", 2));
      h.append(new Commands.AddItem("a", 1));
      assertThat((Object) p.selectOne(Path.key("a", Long.MAX_VALUE))).isNull();
      assertThat((Object) p.selectOne(Path.key("a", Long.MAX_VALUE - 2))).isEqualTo(1);
      assertThat((Object) r.selectOne(Path.key("a", 1))).isEqualTo(Long.MAX_VALUE - 2);
      assertThat(newestFirst(p, "a")).containsExactly(1, 2);
      assertConsistent(p, r, "a");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void removeItem_andRemoveItemById_clearBothPStates(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, false), 4)) {
      PState p = h.pstate("$$items");
      PState r = h.pstate("$$itemsReverse");
      h.append(new Commands.AddItem("a", 1));
      h.append(new Commands.AddItem("a", 2));
      h.append(new Commands.RemoveItem("a", 1));
      assertThat((Object) r.selectOne(Path.key("a", 1))).isNull();
      assertThat(newestFirst(p, "a")).containsExactly(2);
      long id = r.selectOne(Path.key("a", 2));
      h.append(new Commands.RemoveItemById("a", id));
      assertThat((Object) p.selectOne(Path.key("a", id))).isNull();
      assertThat((Object) r.selectOne(Path.key("a", 2))).isNull();
      // absent items and ids are no-ops
      h.append(new Commands.RemoveItem("a", 99));
      h.append(new Commands.RemoveItemById("a", 5L));
      h.append(new Commands.AddItem("a", 3));
      assertThat(newestFirst(p, "a")).containsExactly(3);
      assertConsistent(p, r, "a");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void addItem_pastCapacity_dropsOldestFromBothPStates(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, false), 4)) {
      PState p = h.pstate("$$items");
      PState r = h.pstate("$$itemsReverse");
      for (int i = 0; i < 20; i++) {
        h.append(new Commands.AddItem("a", i));
      }
      List<Object> expected = new ArrayList<>();
      for (int i = 19; i >= 10; i--) {
        expected.add(i);
      }
      assertThat(newestFirst(p, "a")).isEqualTo(expected);
      // The window is the last maxAmt ids, as in Rama: re-adding a kept item gives it a new id,
      // so the item whose id leaves the window (10, the oldest) is dropped and 9 items remain.
      h.append(new Commands.AddItem("a", 12));
      expected.clear();
      expected.add(12);
      for (int i = 19; i >= 11; i--) {
        if (i != 12) {
          expected.add(i);
        }
      }
      assertThat(newestFirst(p, "a")).isEqualTo(expected);
      assertThat((Object) r.selectOne(Path.key("a", 3))).isNull();
      assertConsistent(p, r, "a");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void clearItems_andRemoveKey_emptyBothPStates(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 50, false), 4)) {
      PState p = h.pstate("$$items");
      PState r = h.pstate("$$itemsReverse");
      for (int i = 0; i < 13; i++) {
        h.append(new Commands.AddItem("a", i));
        h.append(new Commands.AddItem("b", i));
      }
      h.append(new Commands.ClearItems("a"));
      assertThat((Integer) p.selectOne(Path.key("a").view(Ops.SIZE))).isZero();
      assertThat((Integer) r.selectOne(Path.key("a").view(Ops.SIZE))).isZero();
      h.append(new Commands.RemoveKey("b"));
      assertThat((Object) p.selectOne(Path.key("b"))).isNull();
      assertThat((Object) r.selectOne(Path.key("b"))).isNull();
      h.append(new Commands.AddItem("a", 5));
      assertThat(newestFirst(p, "a")).containsExactly(5);
      assertConsistent(p, r, "a");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void entityIdFunction_identifiesItemsByExtractedId(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 3, true), 4)) {
      PState p = h.pstate("$$items");
      PState r = h.pstate("$$itemsReverse");
      h.append(new Commands.AddItem("a", List.of("u1", "v1")));
      h.append(new Commands.AddItem("a", List.of("u2", "v1")));
      h.append(new Commands.AddItem("a", List.of("u1", "v2")));
      assertThat(newestFirst(p, "a")).containsExactly(List.of("u1", "v2"), List.of("u2", "v1"));
      assertThat(r.select(Path.key("a").mapKeys())).containsExactlyInAnyOrder("u1", "u2");
      h.append(new Commands.RemoveByEntityId("a", "u2"));
      assertThat(newestFirst(p, "a")).containsExactly(List.of("u1", "v2"));
      h.append(new Commands.RemoveItem("a", List.of("u1", "anything")));
      assertThat(newestFirst(p, "a")).isEmpty();
      // capacity drops go through the entity id too
      for (int i = 0; i < 5; i++) {
        h.append(new Commands.AddItem("a", List.of("e" + i, i)));
      }
      assertThat(r.select(Path.key("a").mapKeys())).containsExactlyInAnyOrder("e2", "e3", "e4");
      Map<Object, Object> items = p.selectOne(Path.key("a"));
      Map<Object, Object> rev = r.selectOne(Path.key("a"));
      for (Map.Entry<Object, Object> e : items.entrySet()) {
        assertThat(rev).containsEntry(((List<?>) e.getValue()).get(0), e.getKey());
      }
      assertThat(rev).hasSize(items.size());
    }
  }

  @Test
  void constructor_rejectsBadNameAndCapacity() {
    assertThatThrownBy(
            () -> new KeyToUniqueFixedItemsPStateGroup("$$", 3, String.class, Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$");
    assertThatThrownBy(
            () -> new KeyToUniqueFixedItemsPStateGroup("$$items", -1, String.class, Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAmt");
  }
}
