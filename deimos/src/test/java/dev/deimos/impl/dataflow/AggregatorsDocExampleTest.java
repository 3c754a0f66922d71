package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.CompoundAgg;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ops.Ops;
import dev.deimos.test.TestPState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/aggregators.md; keep the two in step. */
class AggregatorsDocExampleTest {
  @Test
  void wordCountBatchExample_threeWords_countsOnceAndPerGroup() throws Exception {
    try (TestPState counts = TestPState.create(PState.mapSchema(String.class, Long.class))) {
      List<Object> perWord = new ArrayList<>();
      Block.each(Ops.IDENTITY, counts)
          .out("$$counts")
          .batchBlock(
              Block.each(Ops.EXPLODE, Arrays.asList("apple", "pear", "apple"))
                  .out("*word")
                  .compoundAgg("$$counts", CompoundAgg.map("*word", Agg.count()))
                  .agg(Agg.count())
                  .out("*total")
                  .each((Long total) -> perWord.add(total), "*total"))
          .batchBlock(
              Block.each(Ops.EXPLODE, Arrays.asList("apple", "pear", "apple"))
                  .out("*word")
                  .groupBy("*word", Block.agg(Agg.count()).out("*n"))
                  .each((String w, Long n) -> perWord.add(w + "=" + n), "*word", "*n"))
          .execute();

      assertThat((Long) counts.selectOne(Path.key("apple"))).isEqualTo(2L);
      assertThat((Long) counts.selectOne(Path.key("pear"))).isEqualTo(1L);
      assertThat(perWord.get(0)).isEqualTo(3L);
      assertThat(perWord.subList(1, 3)).containsExactlyInAnyOrder("apple=2", "pear=1");
    }
  }
}
