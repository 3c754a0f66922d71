package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.module.StreamTopology;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UniqueIdPStateTest {
  private static final int TASKS = 8;

  /** Gives every record a module-wide id and a per-task id, returns both, indexes by module id. */
  static class IdModule implements DeimosModule {
    final boolean descending;

    IdModule(boolean descending) {
      this.descending = descending;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      StreamTopology s = topologies.stream("ids");
      ModuleUniqueIdPState ids = new ModuleUniqueIdPState("$$moduleIds");
      TaskUniqueIdPState local = new TaskUniqueIdPState("$$taskIds").integerIds();
      if (descending) {
        ids.descending();
        local.descending();
      }
      ids.declarePState(s);
      local.declarePState(s);
      s.pstate("$$byId", PState.mapSchema(Long.class, String.class));
      s.source("*d")
          .out("*x")
          .macro(ids.genId("*id"))
          .macro(local.genId("*localId"))
          .each((Long id, Integer localId) -> List.of(id, localId), "*id", "*localId")
          .out("*both")
          .ackReturn("*both")
          .hashPartition("*id")
          .localTransform("$$byId", Path.key("*id").termVal("*x"));
    }
  }

  private static List<List<Object>> appendConcurrently(InProcessCluster cluster, int perThread)
      throws Exception {
    dev.deimos.Depot depot = cluster.clusterDepot(IdModule.class.getName(), "*d");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<Object>>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<CompletableFuture<Map<String, Object>>> acks = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    acks.add(depot.appendAsync("r" + thread + "-" + i));
                  }
                  List<List<Object>> out = new ArrayList<>();
                  for (CompletableFuture<Map<String, Object>> ack : acks) {
                    @SuppressWarnings("unchecked")
                    List<Object> both = (List<Object>) ack.get(30, TimeUnit.SECONDS).get("ids");
                    out.add(both);
                  }
                  return out;
                }));
      }
      List<List<Object>> all = new ArrayList<>();
      for (Future<List<List<Object>>> f : futures) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void genId_concurrentAppendsOnEightTasks_idsUniqueAndCountersDenseFromZeroPerTask()
      throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new IdModule(false), new LaunchConfig(TASKS, 2));
      List<List<Object>> results = appendConcurrently(cluster, 100);

      Set<Long> ids = new HashSet<>();
      Map<Integer, List<Long>> countersByTask = new TreeMap<>();
      Map<Integer, List<Integer>> localByTask = new TreeMap<>();
      for (List<Object> both : results) {
        long id = (Long) both.get(0);
        ids.add(id);
        int task = ModuleUniqueIdPState.taskIdOf(id);
        countersByTask.computeIfAbsent(task, k -> new ArrayList<>()).add(id & ((1L << 42) - 1));
        localByTask.computeIfAbsent(task, k -> new ArrayList<>()).add((Integer) both.get(1));
      }
      assertThat(ids).hasSize(400);
      assertThat(countersByTask.keySet()).allMatch(t -> t >= 0 && t < TASKS);
      // each task hands out 0, 1, 2, ... with no gap and no repeat; the task-local id is the same
      for (Map.Entry<Integer, List<Long>> e : countersByTask.entrySet()) {
        List<Long> counters = e.getValue();
        counters.sort(null);
        List<Long> expected = new ArrayList<>();
        List<Integer> expectedLocal = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
          expected.add((long) i);
          expectedLocal.add(i);
        }
        assertThat(counters).isEqualTo(expected);
        List<Integer> local = localByTask.get(e.getKey());
        local.sort(null);
        assertThat(local).isEqualTo(expectedLocal);
      }
      // every id was stored once under its own key
      PState byId = cluster.clusterPState(IdModule.class.getName(), "$$byId");
      List<Object> stored = byId.select(Path.mapKeys());
      assertThat(new HashSet<>(stored)).isEqualTo(ids);
      assertThat(stored).hasSize(400);
      assertThatThrownBy(() -> cluster.clusterPState(IdModule.class.getName(), "$$moduleIds"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("private");
    }
  }

  @Test
  void genId_descending_countsDownFromMaximumPerTask() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new IdModule(true), new LaunchConfig(TASKS, 2));
      List<List<Object>> results = appendConcurrently(cluster, 25);
      Map<Integer, List<Long>> countersByTask = new TreeMap<>();
      Set<Long> ids = new HashSet<>();
      for (List<Object> both : results) {
        long id = (Long) both.get(0);
        ids.add(id);
        countersByTask
            .computeIfAbsent(ModuleUniqueIdPState.taskIdOf(id), k -> new ArrayList<>())
            .add(id & ModuleUniqueIdPState.MAX_COUNTER);
        assertThat((Integer) both.get(1)).isGreaterThan(Integer.MAX_VALUE - 100);
      }
      assertThat(ids).hasSize(100);
      for (List<Long> counters : countersByTask.values()) {
        counters.sort(null);
        long max = ModuleUniqueIdPState.MAX_COUNTER;
        assertThat(counters.get(counters.size() - 1)).isEqualTo(max);
        assertThat(counters.get(0)).isEqualTo(max - counters.size() + 1);
      }
    }
  }

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** genId in a microbatch topology; the first attempts of a microbatch fail after using ids. */
  static class MicrobatchIdModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*d", Depot.random());
      MicrobatchTopology mb = topologies.microbatch("ids");
      ModuleUniqueIdPState ids = new ModuleUniqueIdPState("$$moduleIds");
      ids.declarePState(mb);
      mb.pstate("$$byId", PState.mapSchema(Long.class, String.class));
      mb.source("*d")
          .out("*mb")
          .explodeMicrobatch("*mb")
          .out("*x")
          .macro(ids.genId("*id"))
          .hashPartition("*id")
          .localTransform("$$byId", Path.key("*id").termVal("*x"))
          .each(
              (Long id) -> {
                if (FAILURES_LEFT.getAndDecrement() > 0) {
                  throw new IllegalStateException("injected failure after id " + id);
                }
                return id;
              },
              "*id")
          .out("*checked");
    }
  }

  @Test
  void genId_inFailingMicrobatch_counterRolledBackWithTheWritesSoIdsStayDenseAndUnique() {
    FAILURES_LEFT.set(3);
    try (InProcessCluster cluster = InProcessCluster.create()) {
      String name = MicrobatchIdModule.class.getName();
      cluster.launchModule(new MicrobatchIdModule(), new LaunchConfig(4, 2));
      dev.deimos.Depot depot = cluster.clusterDepot(name, "*d");
      for (int i = 0; i < 200; i++) {
        depot.append("r" + i);
      }
      cluster.waitForMicrobatchProcessedCount(name, "ids", 200);
      assertThat(FAILURES_LEFT.get()).isNegative();
      PState byId = cluster.clusterPState(name, "$$byId");
      List<Object> stored = byId.select(Path.mapKeys());
      assertThat(stored).hasSize(200).doesNotHaveDuplicates();
      assertThat(byId.select(Path.mapVals())).hasSize(200).doesNotHaveDuplicates();
      // failed attempts left no trace: each task's counters are exactly 0..n-1
      Map<Integer, List<Long>> countersByTask = new TreeMap<>();
      for (Object id : stored) {
        countersByTask
            .computeIfAbsent(ModuleUniqueIdPState.taskIdOf((Long) id), k -> new ArrayList<>())
            .add((Long) id & ModuleUniqueIdPState.MAX_COUNTER);
      }
      for (List<Long> counters : countersByTask.values()) {
        counters.sort(null);
        assertThat(counters.get(counters.size() - 1)).isEqualTo(counters.size() - 1L);
      }
    }
  }

  @Test
  void makeId_packsTaskInHighBits() {
    long id = ModuleUniqueIdPState.makeId(5, 7L);
    assertThat(id).isEqualTo((5L << 42) | 7L);
    assertThat(ModuleUniqueIdPState.taskIdOf(id)).isEqualTo(5);
    assertThat(ModuleUniqueIdPState.taskIdOf(ModuleUniqueIdPState.makeId((1 << 22) - 1, 0)))
        .isEqualTo((1 << 22) - 1);
  }

  @Test
  void constructor_varWithoutDollars_throwsNamingHelper() {
    assertThatThrownBy(() -> new ModuleUniqueIdPState("*ids"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ModuleUniqueIdPState")
        .hasMessageContaining("*ids");
    assertThatThrownBy(() -> new TaskUniqueIdPState("ids"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TaskUniqueIdPState");
  }
}
