package dev.deimos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.impl.data.KeyHash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelpersTest {
  @Test
  void genVar_prefix_isVarRecognisedAsGeneratedWithItsPrefix() {
    String v = Helpers.genVar("my_key");
    assertThat(v).startsWith("*");
    assertThat(Helpers.isGeneratedVar(v)).isTrue();
    assertThat(Helpers.getGeneratedVarPrefix(v)).isEqualTo("my_key");
  }

  @Test
  void genPStateVar_isPStateVarAndGenerated() {
    String v = Helpers.genPStateVar("p");
    assertThat(v).startsWith("$$");
    assertThat(Helpers.getGeneratedVarPrefix(v)).isEqualTo("p");
  }

  @Test
  void isGeneratedVar_handWrittenVar_isFalse() {
    assertThat(Helpers.isGeneratedVar("*x")).isFalse();
    assertThat(Helpers.isGeneratedVar("*___x_y")).isFalse();
    assertThatThrownBy(() -> Helpers.getGeneratedVarPrefix("*x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("*x");
  }

  @Test
  void genVar_manyThreads_allNamesUnique() throws InterruptedException {
    Set<String> names = Collections.synchronizedSet(new HashSet<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  names.add(Helpers.genVar("v"));
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(names).hasSize(40_000);
  }

  @Test
  void genVar_usedInMacro_bindsFreshVar() {
    String v = Helpers.genVar("tmp");
    List<Object> seen = new ArrayList<>();
    Block piece = Block.each(() -> 41).out(v).each((Integer x) -> x + 1, v).out("*r");
    Block.macro(piece)
        .each(
            (Object r) -> {
              seen.add(r);
              return null;
            },
            "*r")
        .execute();
    assertThat(seen).containsExactly(42);
  }

  @Test
  void genHashingIndexKeys_keyIHashesToTaskI() {
    for (int n : new int[] {1, 2, 7, 64}) {
      java.util.List<String> keys = Helpers.genHashingIndexKeys(n);
      assertThat(keys).hasSize(n).doesNotHaveDuplicates();
      for (int i = 0; i < n; i++) {
        assertThat(KeyHash.taskFor(keys.get(i), n)).isEqualTo(i);
      }
    }
    assertThatThrownBy(() -> Helpers.genHashingIndexKeys(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numTasks");
  }
}
