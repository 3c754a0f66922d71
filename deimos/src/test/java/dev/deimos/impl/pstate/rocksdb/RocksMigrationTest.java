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
}
