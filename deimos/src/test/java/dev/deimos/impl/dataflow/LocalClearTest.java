package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import org.junit.jupiter.api.Test;

class LocalClearTest {
  @Test
  void localClear_mapPState_removesEveryEntry() throws Exception {
    try (TestPState p = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      p.transform(Path.key("a").termVal(1L));
      p.transform(Path.key("b").termVal(2L));
      Block.each(Ops.IDENTITY, p).out("$$p").localClear("$$p").execute();
      assertThat(p.select(Path.mapKeys())).isEmpty();
      assertThat((Object) p.selectOne(Path.key("a"))).isNull();
    }
  }
}
