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
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyToFixedItemsPStateGroupTest {
  static GroupModule module(Mode mode, int maxAmt, int clearBatch) {
    KeyToFixedItemsPStateGroup items =
        new KeyToFixedItemsPStateGroup("$$items", maxAmt, String.class, Object.class)
            .clearBatchSize(clearBatch);
    return new GroupModule(
        mode,
        items::declarePStates,
        (t, b) ->
            b.subSource(
                "*c",
                SubSource.create(Commands.AddItem.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*item"))
                    .macro(items.addItem("*key", "*item")),
                SubSource.create(Commands.RemoveItemById.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key", "*id"))
                    .macro(items.removeItemById("*key", "*id")),
                SubSource.create(Commands.RemoveKey.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key"))
                    .macro(items.removeKey("*key")),
                SubSource.create(Commands.ClearItems.class)
                    .macro(TopologyUtils.extractJavaFields("*c", "*key"))
                    .macro(items.clearItems("*key"))));
  }

  private static Map<Long, Object> itemsOf(PState p, String key) {
    SortedMap<Long, Object> m = p.selectOne(Path.key(key));
    return m;
  }

  private static List<Object> newestFirst(PState p, String key) {
    return p.select(Path.key(key).mapVals());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void addItem_assignsIdsDownFromMaxValue_andKeepsDuplicates(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, 5), 4)) {
      PState p = h.pstate("$$items");
      h.append(new Commands.AddItem("a", 1));
      assertThat((Object) p.selectOne(Path.key("a", Long.MAX_VALUE))).isEqualTo(1);
      h.append(new Commands.AddItem("a", 1));
      assertThat((Object) p.selectOne(Path.key("a", Long.MAX_VALUE))).isEqualTo(1);
      assertThat((Object) p.selectOne(Path.key("a", Long.MAX_VALUE - 1))).isEqualTo(1);
      h.append(new Commands.AddItem("a", 2));
      assertThat(newestFirst(p, "a")).containsExactly(2, 1, 1);
      assertThat(p.select(Path.key("a").mapKeys()))
          .containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
      // another key has its own ids and items
      h.append(new Commands.AddItem("b", "x"));
      assertThat(itemsOf(p, "b")).containsExactly(Map.entry(Long.MAX_VALUE, "x"));
      assertThat(newestFirst(p, "a")).containsExactly(2, 1, 1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void addItem_pastCapacity_dropsOldest(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, 5), 4)) {
      PState p = h.pstate("$$items");
      for (int i = 0; i < 25; i++) {
        h.append(new Commands.AddItem("a", i));
        assertThat((Integer) p.selectOne(Path.key("a").view(Ops.SIZE)))
            .isEqualTo(Math.min(i + 1, 10));
      }
      List<Object> expected = new ArrayList<>();
      for (int i = 24; i >= 15; i--) {
        expected.add(i);
      }
      assertThat(newestFirst(p, "a")).isEqualTo(expected);
      // the newest item has the 25th id
      assertThat(p.select(Path.key("a").mapKeys()).get(0)).isEqualTo(Long.MAX_VALUE - 24);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void removeItemById_removesOnlyThatItem_andMissingIdIsNoOp(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, 5), 4)) {
      PState p = h.pstate("$$items");
      h.append(new Commands.AddItem("a", "first"));
      h.append(new Commands.AddItem("a", "second"));
      Object id = p.selectOne(Path.key("a").mapKeys().filterEqual(Long.MAX_VALUE));
      h.append(new Commands.RemoveItemById("a", id));
      assertThat((Object) p.selectOne(Path.key("a", id))).isNull();
      assertThat(newestFirst(p, "a")).containsExactly("second");
      h.append(new Commands.RemoveItemById("a", 12345L));
      h.append(new Commands.RemoveItemById("nobody", Long.MAX_VALUE));
      assertThat(newestFirst(p, "a")).containsExactly("second");
      assertThat((Object) p.selectOne(Path.key("nobody"))).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void clearItems_overSeveralBatches_emptiesTheKey_andLaterAddsContinue(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 100, 5), 4)) {
      PState p = h.pstate("$$items");
      // 23 items: four full batches of 5 and a partial one; 10 (a multiple of 5) for "b"
      for (int i = 0; i < 23; i++) {
        h.append(new Commands.AddItem("a", i));
      }
      for (int i = 0; i < 10; i++) {
        h.append(new Commands.AddItem("b", i));
      }
      h.append(new Commands.ClearItems("a"));
      h.append(new Commands.ClearItems("b"));
      assertThat((Integer) p.selectOne(Path.key("a").view(Ops.SIZE))).isZero();
      assertThat((Integer) p.selectOne(Path.key("b").view(Ops.SIZE))).isZero();
      h.append(new Commands.AddItem("a", "again"));
      assertThat(newestFirst(p, "a")).containsExactly("again");
      // ids keep counting down after a clear: a cleared id is never handed out again
      assertThat(p.select(Path.key("a").mapKeys())).containsExactly(Long.MAX_VALUE - 23);
      h.append(new Commands.ClearItems("never-added"));
      assertThat((Integer) p.selectOne(Path.key("never-added").view(Ops.SIZE))).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void removeKey_dropsItemsAndRestartsIds(Mode mode) {
    try (GroupHarness h = new GroupHarness(module(mode, 10, 5), 4)) {
      PState p = h.pstate("$$items");
      for (int i = 0; i < 12; i++) {
        h.append(new Commands.AddItem("b", i));
      }
      h.append(new Commands.AddItem("c", "kept"));
      h.append(new Commands.RemoveKey("b"));
      assertThat((Object) p.selectOne(Path.key("b"))).isNull();
      assertThat(newestFirst(p, "c")).containsExactly("kept");
      h.append(new Commands.AddItem("b", "new"));
      assertThat(itemsOf(p, "b")).containsExactly(Map.entry(Long.MAX_VALUE, "new"));
    }
  }

  @Test
  void constructor_rejectsBadNameAndCapacity() {
    assertThatThrownBy(() -> new KeyToFixedItemsPStateGroup("items", 3, String.class, Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$");
    assertThatThrownBy(() -> new KeyToFixedItemsPStateGroup("$$items", 0, String.class, Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAmt");
    assertThatThrownBy(
            () ->
                new KeyToFixedItemsPStateGroup("$$items", 3, String.class, Long.class)
                    .clearBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clearBatchSize");
  }
}
