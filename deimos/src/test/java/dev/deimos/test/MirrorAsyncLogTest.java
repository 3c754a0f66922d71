package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.Path;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.storage.MemoryStorageFactory;
import dev.deimos.impl.storage.ProgressStore;
import dev.deimos.impl.storage.StorageFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A mirror source over a depot log whose reads complete later, on another thread, as a disk log's
 * may: the consuming module still starts every record exactly once, and its task threads never wait
 * for such a read (a wait on a task thread is recorded by the futures the log hands out).
 */
class MirrorAsyncLogTest {
  private static final String WORDS = MirrorDepotSourceTest.Words.class.getName();
  private static final String STREAM = MirrorDepotSourceTest.StreamCounter.class.getName();

  /** Waits recorded on task threads for futures not complete yet. */
  private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

  private static boolean onTaskThread() {
    return Thread.currentThread().getName().matches("deimos-.*-thread-\\d+");
  }

  /** A future that records a wait for it on a task thread while it is not complete. */
  private static final class WatchedFuture<T> extends CompletableFuture<T> {
    private void check() {
      if (!isDone() && onTaskThread()) {
        BLOCKED.add(Thread.currentThread().getName());
      }
    }

    @Override
    public T join() {
      check();
      return super.join();
    }

    @Override
    public T get() throws InterruptedException, java.util.concurrent.ExecutionException {
      check();
      return super.get();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new WatchedFuture<>();
    }
  }

  /** Completes reads and end offsets a few milliseconds later on another thread. */
  private static final class LaterLog implements DepotLog {
    private static final Executor LATER =
        CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS);
    private final DepotLog inner;

    LaterLog(DepotLog inner) {
      this.inner = inner;
    }

    private static <T> CompletableFuture<T> later(CompletableFuture<T> f) {
      WatchedFuture<T> out = new WatchedFuture<>();
      f.whenComplete(
          (v, e) ->
              LATER.execute(
                  () -> {
                    if (e != null) {
                      out.completeExceptionally(e);
                    } else {
                      out.complete(v);
                    }
                  }));
      return out;
    }

    @Override
    public int numPartitions() {
      return inner.numPartitions();
    }

    @Override
    public CompletableFuture<Long> append(int partition, byte[] record) {
      return inner.append(partition, record);
    }

    @Override
    public CompletableFuture<byte[]> read(int partition, long offset) {
      return later(inner.read(partition, offset));
    }

    @Override
    public CompletableFuture<List<byte[]>> read(int partition, long from, long to) {
      return later(inner.read(partition, from, to));
    }

    @Override
    public CompletableFuture<Long> endOffset(int partition) {
      return later(inner.endOffset(partition));
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** The memory factory, with the producer's depot logs completing later. */
  private static final class LaterFactory implements StorageFactory {
    private final StorageFactory inner = MemoryStorageFactory.INSTANCE;

    @Override
    public DepotLog openDepotLog(String module, String depotVar, int partitions) {
      DepotLog log = inner.openDepotLog(module, depotVar, partitions);
      return module.equals(WORDS) ? new LaterLog(log) : log;
    }

    @Override
    public PStateStore openPStateStore(String module, int task, PStateDeclaration declaration) {
      return inner.openPStateStore(module, task, declaration);
    }

    @Override
    public ProgressStore openProgressStore(String module, int task) {
      return inner.openProgressStore(module, task);
    }

    @Override
    public void closeModule(String module) {
      inner.closeModule(module);
    }

    @Override
    public void destroyModule(String module) {
      inner.destroyModule(module);
    }
  }

  @Test
  void mirrorStream_overALogThatCompletesLater_countsEveryRecordOnce_neverWaitsOnATask()
      throws Exception {
    BLOCKED.clear();
    try (InProcessCluster cluster = new InProcessClusterImpl(List.of(), new LaterFactory())) {
      cluster.launchModule(new MirrorDepotSourceTest.Words(), new LaunchConfig(4, 2));
      Depot words = cluster.clusterDepot(WORDS, "*words");
      for (int i = 0; i < 300; i++) {
        words.append("w" + (i % 10));
      }
      cluster.launchModule(new MirrorDepotSourceTest.StreamCounter(), new LaunchConfig(2, 1));
      for (int i = 0; i < 200; i++) {
        words.append("w" + (i % 10));
      }
      // startFromBeginning: all 500 (50 per word); the default start: only the 200 after launch
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!(counted(cluster, "$$counts", 50) && counted(cluster, "$$lateCounts", 20))) {
        assertThat(System.nanoTime()).as("counts reached within 30 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      Thread.sleep(100);
      assertThat(counted(cluster, "$$counts", 50)).as("no record counted twice").isTrue();
      assertThat(counted(cluster, "$$lateCounts", 20)).isTrue();
    }
    assertThat(BLOCKED).as("task threads that waited for the log").isEmpty();
  }

  private static boolean counted(InProcessCluster cluster, String pstate, long n) {
    for (int i = 0; i < 10; i++) {
      Object c = cluster.clusterPState(STREAM, pstate).selectOne(Path.key("w" + i));
      if (!Long.valueOf(n).equals(c)) {
        return false;
      }
    }
    return true;
  }
}
