package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.SubSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the chain types in step: every chain method of {@code Block.Impl} must exist with the same
 * parameters on {@code Case.Impl} and {@code SubSource.Impl} (whose types mirror Block's), and as a
 * static twin on {@code Block}. When this fails after adding a method to {@code Block.Impl}, run
 * {@code python3 build-tools/gen-chain-mirrors.py} and then spotless:apply.
 */
class ChainMirrorTest {

  private static List<Method> chainMethods() {
    List<Method> out = new ArrayList<>();
    for (Method m : Block.Impl.class.getDeclaredMethods()) {
      if (!m.getName().equals("execute") && !Modifier.isStatic(m.getModifiers())) {
        out.add(m);
      }
    }
    return out;
  }

  private static String sig(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static List<String> missingOn(Class<?> mirror, String owner) {
    List<String> missing = new ArrayList<>();
    for (Method m : chainMethods()) {
      try {
        Method other = mirror.getMethod(m.getName(), m.getParameterTypes());
        // Block.Impl -> Case.Impl, Block.OutImpl -> Case.OutImpl, ...
        Class<?> want = m.getReturnType();
        Class<?> got = other.getReturnType();
        if (!got.getSimpleName().equals(want.getSimpleName())
            || got.getEnclosingClass() != mirror.getEnclosingClass()) {
          missing.add(sig(m) + " returns " + got.getName() + " instead of " + owner + "." + want);
        }
      } catch (NoSuchMethodException e) {
        missing.add(sig(m));
      }
    }
    return missing;
  }

  @Test
  void caseImpl_hasEveryBlockChainMethod() {
    assertThat(missingOn(Case.Impl.class, "Case")).isEmpty();
  }

  @Test
  void subSourceImpl_hasEveryBlockChainMethod() {
    assertThat(missingOn(SubSource.Impl.class, "SubSource")).isEmpty();
  }

  @Test
  void block_hasStaticTwinOfEveryChainMethod() {
    List<String> missing = new ArrayList<>();
    for (Method m : chainMethods()) {
      try {
        Method s = Block.class.getMethod(m.getName(), m.getParameterTypes());
        if (!Modifier.isStatic(s.getModifiers()) || s.getReturnType() != m.getReturnType()) {
          missing.add(sig(m) + " (not a static returning " + m.getReturnType() + ")");
        }
      } catch (NoSuchMethodException e) {
        missing.add(sig(m));
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void caseChains_areNotExecutable() {
    assertThat(Arrays.stream(Case.Impl.class.getMethods()).map(Method::getName))
        .doesNotContain("execute");
    assertThat(Arrays.stream(SubSource.Impl.class.getMethods()).map(Method::getName))
        .doesNotContain("execute");
  }

  /** Overload counts of Rama's Block.Impl (from its javadoc), so no overload goes missing. */
  @Test
  void blockImpl_overloadCountsMatchRama() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Method m : Block.Impl.class.getDeclaredMethods()) {
      counts.merge(m.getName(), 1, Integer::sum);
    }
    assertThat(counts)
        .containsEntry("each", 18)
        .containsEntry("eachAsync", 9)
        .containsEntry("customPartition", 16)
        .containsEntry("groupBy", 6)
        .containsEntry("agg", 2)
        .containsEntry("compoundAgg", 2)
        .containsEntry("allPartition", 2)
        .containsEntry("directPartition", 2)
        .containsEntry("globalPartition", 2)
        .containsEntry("hashPartition", 2)
        .containsEntry("ifTrue", 2)
        .containsEntry("localSelect", 2)
        .containsEntry("select", 2)
        .containsEntry("depotPartitionAppend", 2);
    for (String one :
        List.of(
            "ackReturn",
            "anchor",
            "atomicBlock",
            "batchBlock",
            "branch",
            "cond",
            "continueLoop",
            "emitLoop",
            "execute",
            "explodeMaterialized",
            "explodeMicrobatch",
            "freshBatchSource",
            "hook",
            "invokeQuery",
            "keepTrue",
            "limitAgg",
            "localClear",
            "localTransform",
            "loop",
            "loopWithVars",
            "macro",
            "materialize",
            "originPartition",
            "pathPartition",
            "shufflePartition",
            "subBatch",
            "subSource",
            "unify",
            "yieldIfOvertime")) {
      assertThat(counts).as(one).containsEntry(one, 1);
    }
  }
}
