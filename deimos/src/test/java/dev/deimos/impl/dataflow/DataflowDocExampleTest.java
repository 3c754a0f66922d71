package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/dataflow.md; keep the two in step. */
class DataflowDocExampleTest {
  @Test
  void wordCountExample_threeWords_countsIntoTestPState() throws Exception {
    try (TestPState counts = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      Block.each(Ops.IDENTITY, counts)
          .out("$$counts")
          .each(Ops.EXPLODE, Arrays.asList("apple", "pear", "apple"))
          .out("*word")
          .localSelect("$$counts", Path.key("*word"))
          .out("*old")
          .each((Long old) -> old == null ? 1L : old + 1, "*old")
          .out("*new")
          .localTransform("$$counts", Path.key("*word").termVal("*new"))
          .execute();

      assertThat((Long) counts.selectOne(Path.key("apple"))).isEqualTo(2L);
      assertThat((Long) counts.selectOne(Path.key("pear"))).isEqualTo(1L);
    }
  }
}
