package dev.deimos.impl.pstate.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The RocksDB store's lazy views against the memory store as a model: random writes into nested
 * subindexed maps and sets, commits and aborts; after every step both must read the same.
 */
class RocksVsMemoryPropertiesTest {
  private static final PStateDeclaration DECL =
      new PStateDeclaration(
          "$$h",
          PState.mapSchema(
              String.class,
              PState.mapSchema(Long.class, PState.setSchema(String.class).subindexed())
                  .subindexed()));

  /**
   * Each op is an int: its low digits pick user (0-1), key (0-5) and kind: add element, remove key,
   * remove element, replace the user's map, range add, commit, abort.
   */
  @Property(tries = 40)
  void randomOps_rocksReadsEqualMemoryReads(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 999) Integer> ops) throws IOException {
    java.nio.file.Path dir = Files.createTempDirectory("rocks-prop");
    PStateStore mem = new MemoryPStateStore(DECL);
    try (RocksPStateStore rocks = new RocksPStateStore(DECL, dir)) {
      int n = 0;
      for (int op : ops) {
        String user = "u" + (op % 2);
        long key = (op / 2) % 6;
        int kind = (op / 12) % 7;
        Path p;
        switch (kind) {
          case 0 -> p = Path.key(user).key(key).nullToSet().voidSetElem().termVal("e" + n);
          case 1 -> p = Path.key(user).key(key).termVoid();
          case 2 -> p = Path.key(user).key(key).setElem("e" + (n - 1)).termVoid();
          case 3 ->
              p =
                  Path.key(user)
                      .termVal(
                          new java.util.TreeMap<>(java.util.Map.of(key, java.util.Set.of("r"))));
          case 4 ->
              p = Path.key(user).sortedMapRange(key, key + 3).mapVals().voidSetElem().termVal("g");
          default -> p = null;
        }
        if (p != null) {
          mem.transform(p, Vars.NONE);
          rocks.transform(p, Vars.NONE);
        } else if (kind == 5) {
          mem.commit();
          rocks.commit();
        } else {
          mem.abort();
          rocks.abort();
        }
        n++;
        assertThat(rocks.selectOne(Path.stay(), Vars.NONE))
            .isEqualTo(mem.selectOne(Path.stay(), Vars.NONE));
        for (String u : List.of("u0", "u1")) {
          assertThat(rocks.selectOne(Path.key(u).view(Ops.SIZE), Vars.NONE))
              .isEqualTo(mem.selectOne(Path.key(u).view(Ops.SIZE), Vars.NONE));
          assertThat(rocks.selectOne(Path.key(u).sortedMapRangeFrom(2L, 2), Vars.NONE))
              .isEqualTo(mem.selectOne(Path.key(u).sortedMapRangeFrom(2L, 2), Vars.NONE));
        }
      }
      mem.commit();
      rocks.commit();
      assertThat(rocks.selectOne(Path.stay(), Vars.NONE))
          .isEqualTo(mem.selectOne(Path.stay(), Vars.NONE));
    } finally {
      mem.close();
      try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
