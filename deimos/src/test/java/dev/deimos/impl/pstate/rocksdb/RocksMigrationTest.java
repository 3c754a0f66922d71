package dev.deimos.impl.pstate.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.ops.DeimosFunction1;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background migrations on RocksDB: lazy reads, bounded steps, persisted finished ids. */
class RocksMigrationTest {
  @TempDir java.nio.file.Path dir;

  private static final DeimosFunction1<Object, Object> TO_LONG =
      v -> v instanceof Integer ? Long.valueOf((Integer) v) : v;

  private RocksPStateStore openOld() {
    return new RocksPStateStore(
        new PStateDeclaration("$$n", PState.mapSchema(String.class, Integer.class)), dir);
  }

  private RocksPStateStore openMigrated() {
    return new RocksPStateStore(
        new PStateDeclaration(
            "$$n", PState.mapSchema(String.class, PState.migrated(Long.class, "to-long", TO_LONG))),
        dir);
  }

  @Test
  void migratedSchema_readsBeforeBackgroundPass_seeNewShape() {
    try (RocksPStateStore old = openOld()) {
      old.transform(Path.key("a").termVal(1), Vars.NONE);
      old.commit();
    }
    try (RocksPStateStore s = openMigrated()) {
      assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(1L);
      s.transform(Path.key("a").term((Long v) -> v + 1), Vars.NONE);
      s.commit();
      assertThat(s.selectOne(Path.key("a"), Vars.NONE)).isEqualTo(2L);
    }
  }

  @Test
  void migrationStep_inBoundedSlices_rewritesAllAndRecordsIdAcrossReopen() {
    try (RocksPStateStore old = openOld()) {
      for (int i = 0; i < 25; i++) {
        old.transform(Path.key("k" + i).termVal(i), Vars.NONE);
      }
      old.commit();
    }
    try (RocksPStateStore s = openMigrated()) {
      int steps = 0;
      while (s.migrationStep(10)) {
        steps++;
      }
      assertThat(steps).isEqualTo(3);
      assertThat(s.finishedMigrations()).containsExactly("to-long");
    }
    // stored data itself now has the new shape: readable without the migration wrapper
    try (RocksPStateStore plain =
        new RocksPStateStore(
            new PStateDeclaration("$$n", PState.mapSchema(String.class, Long.class)), dir)) {
      assertThat(plain.select(Path.mapVals(), Vars.NONE))
          .hasSize(25)
          .allMatch(v -> v instanceof Long);
      assertThat(plain.finishedMigrations()).containsExactly("to-long");
    }
    try (RocksPStateStore again = openMigrated()) {
      assertThat(again.migrationStep(10)).isFalse();
    }
  }

  @Test
  void migration_insideSubindexedMap_rewritesElementValues() {
    PStateDeclaration old =
        new PStateDeclaration(
            "$$m",
            PState.mapSchema(
                String.class, PState.mapSchema(Long.class, Integer.class).subindexed()));
    try (RocksPStateStore s = new RocksPStateStore(old, dir)) {
      for (long i = 0; i < 5; i++) {
        s.transform(Path.key("u").key(i).termVal((int) i), Vars.NONE);
      }
      s.commit();
    }
    PStateDeclaration next =
        new PStateDeclaration(
            "$$m",
            PState.mapSchema(
                String.class,
                PState.mapSchema(Long.class, PState.migrated(Long.class, "inner", TO_LONG))
                    .subindexed()));
    try (RocksPStateStore s = new RocksPStateStore(next, dir)) {
      assertThat(s.select(Path.key("u").mapVals(), Vars.NONE))
          .isEqualTo(List.of(0L, 1L, 2L, 3L, 4L));
      while (s.migrationStep(100)) {
        // run to completion
      }
      assertThat(s.finishedMigrations()).contains("inner");
      assertThat(s.selectOne(Path.key("u").view(dev.deimos.ops.Ops.SIZE), Vars.NONE)).isEqualTo(5);
    }
  }

  @Test
  void migrateToSubindexed_convertsWholeValuesIntoElementRows() {
    PStateDeclaration old =
        new PStateDeclaration(
            "$$prefs", PState.mapSchema(String.class, PState.mapSchema(String.class, Long.class)));
    try (RocksPStateStore s = new RocksPStateStore(old, dir)) {
      for (int u = 0; u < 7; u++) {
        s.transform(
            Path.key("user" + u).termVal(java.util.Map.of("a", (long) u, "b", 10L + u)), Vars.NONE);
      }
      s.commit();
    }
    PState.Schema sub = PState.mapSchema(String.class, Long.class).subindexed();
    PStateDeclaration next =
        new PStateDeclaration(
            "$$prefs",
            PState.mapSchema(
                String.class, PState.migrated(sub, "prefs-sub", v -> v).migrateToSubindexed()));
    try (RocksPStateStore s = new RocksPStateStore(next, dir)) {
      // before the background pass: reads already see sorted, subindexed-shaped values
      Object before = s.selectOne(Path.key("user3"), Vars.NONE);
      assertThat(before).isInstanceOf(java.util.SortedMap.class);
      assertThat(before).isEqualTo(java.util.Map.of("a", 3L, "b", 13L));
      // a write during the migration lands in the new layout at once
      s.transform(Path.key("user0", "c").termVal(99L), Vars.NONE);
      s.commit();
      int steps = 0;
      while (s.migrationStep(3)) {
        steps++;
        // reads between slices see every value, converted or not
        assertThat(s.selectOne(Path.key("user5", "b"), Vars.NONE)).isEqualTo(15L);
      }
      assertThat(steps).isGreaterThanOrEqualTo(3);
      assertThat(s.finishedMigrations()).containsExactly("prefs-sub");
      assertThat(s.selectOne(Path.key("user0"), Vars.NONE))
          .isEqualTo(java.util.Map.of("a", 0L, "b", 10L, "c", 99L));
    }
    // the stored layout is now subindexed: readable under the plain subindexed schema, with sizes
    PStateDeclaration plain = new PStateDeclaration("$$prefs", PState.mapSchema(String.class, sub));
    try (RocksPStateStore s = new RocksPStateStore(plain, dir)) {
      long reads = s.rowReads();
      assertThat(s.selectOne(Path.key("user6", "b"), Vars.NONE)).isEqualTo(16L);
      assertThat(s.rowReads() - reads).isEqualTo(1);
      assertThat(s.selectOne(Path.key("user6").view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
          .isEqualTo(2);
      assertThat(s.selectOne(Path.key("user0").view(dev.deimos.ops.Ops.SIZE), Vars.NONE))
          .isEqualTo(3);
      assertThat(s.select(Path.key("user2").sortedMapRangeFrom("b", 5).mapKeys(), Vars.NONE))
          .containsExactly("b");
      assertThat(s.select(Path.mapKeys(), Vars.NONE)).hasSize(7);
    }
  }
}
