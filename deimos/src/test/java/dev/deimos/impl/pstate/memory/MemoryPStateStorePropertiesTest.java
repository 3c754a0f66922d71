package dev.deimos.impl.pstate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MemoryPStateStorePropertiesTest {

  /**
   * Ops are encoded as ints: 0..9 put key k=op, 10 commit, 11 abort, 12 remove key (op of the
   * previous put). The store must match a model that keeps committed and staged maps.
   */
  @Property(tries = 200)
  void randomWritesCommitsAborts_matchModel(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 12) Integer> ops) {
    MemoryPStateStore s =
        new MemoryPStateStore(
            new PStateDeclaration("$$m", PState.mapSchema(Integer.class, Long.class)));
    Map<Integer, Long> committed = new HashMap<>();
    Map<Integer, Long> staged = new HashMap<>();
    long counter = 0;
    int lastKey = 0;
    for (int op : ops) {
      if (op < 10) {
        long v = counter++;
        s.transform(Path.key(op).termVal(v), Vars.NONE);
        staged.put(op, v);
        lastKey = op;
      } else if (op == 10) {
        s.commit();
        committed = new HashMap<>(staged);
      } else if (op == 11) {
        s.abort();
        staged = new HashMap<>(committed);
      } else {
        s.transform(Path.key(lastKey).termVoid(), Vars.NONE);
        staged.remove(lastKey);
      }
      assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(committed);
    }
    s.commit();
    assertThat(s.selectOne(Path.stay(), Vars.NONE)).isEqualTo(staged);
  }
}
