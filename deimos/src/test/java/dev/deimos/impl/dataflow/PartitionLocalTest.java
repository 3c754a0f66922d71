package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionLocalTest {

  @Test
  void execute_partitioners_continueInPlaceOnce() {
    List<Object> seen = new ArrayList<>();
    Block.each(Ops.IDENTITY, "k")
        .out("*k")
        .hashPartition("*k")
        .allPartition()
        .shufflePartition()
        .globalPartition()
        .originPartition()
        .directPartition(0)
        .customPartition((Integer n) -> n - 1)
        .ackReturn("*k")
        .each((Object k) -> seen.add(k), "*k")
        .execute();
    assertThat(seen).containsExactly("k");
  }

  @Test
  void execute_directPartitionOutOfRange_failsNamingNode() {
    assertThatThrownBy(() -> Block.directPartition(3).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("directPartition(3)")
        .hasMessageContaining("outside [0, 1)");
  }

  @Test
  void execute_eachAsync_bindsFutureResult() {
    List<Object> seen = new ArrayList<>();
    Block.eachAsync(() -> java.util.concurrent.CompletableFuture.completedFuture(41))
        .out("*v")
        .each((Integer v) -> seen.add(v + 1), "*v")
        .execute();
    assertThat(seen).containsExactly(42);
  }

  @Test
  void compile_hashPartitionWithBadPStateVar_fails() {
    assertThatThrownBy(() -> Block.hashPartition("counts", 1).execute())
        .isInstanceOf(DeimosCompileException.class)
        .hasMessageContaining("'counts' must be a PState var");
  }

  @Test
  void execute_depotPartitionAppendOutsideModule_fails() {
    assertThatThrownBy(() -> Block.depotPartitionAppend("*d", 1).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only inside a module topology");
  }
}
