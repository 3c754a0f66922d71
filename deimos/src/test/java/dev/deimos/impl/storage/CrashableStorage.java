package dev.deimos.impl.storage;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.MemoryDepotLog;
import dev.deimos.impl.pstate.MigratableStore;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test storage factory that outlives clusters and can simulate a crash, with the durability rules
 * of the disk factory: depot appends are durable when they complete; a PState commit becomes
 * durable only with the task's next progress batch commit; progress batches apply atomically.
 * {@link #crash} stops a cluster as a SIGKILL would, as far as storage can tell: from that instant
 * nothing more is stored, and every PState returns to what its task's last progress commit made
 * durable. A new cluster on the same factory then sees exactly the durable data.
 *
 * <p>Depot logs are handed out without the in-memory append capability, so the runtime takes the
 * same path as with a log on disk (append on the task thread, records start after the append
 * completed).
 */
public final class CrashableStorage implements StorageFactory {
  /** Decides whether to crash at a progress commit (see {@link #crashAt}). */
  public interface CommitHook {
    /**
     * Called before a task's progress batch commits.
     *
     * @param module the module
     * @param task the task
     * @param microbatch the microbatch id the batch commits, or -1
     * @return true to crash at this instant: this commit and everything after it is lost
     */
    boolean crashBefore(String module, int task, long microbatch);
  }

  private static final class Durable {
    MemoryPStateStore store;
    Object durable;

    Durable(MemoryPStateStore store) {
      this.store = store;
      this.durable = store.snapshot();
    }
  }

  private final Object lock = new Object();
  // bumped by a crash: every store handed out before refuses to write from then on
  private int generation;
  private final Map<String, MemoryDepotLog> depots = new HashMap<>();
  private final Map<String, Durable> pstates = new LinkedHashMap<>();
  private final Map<String, MemoryProgressStore> progress = new HashMap<>();
  private volatile CommitHook hook;
  private int progressCommits;

  private static String key(String module, int task) {
    return module + '\u0000' + task;
  }

  /**
   * Makes a later progress commit the instant of a crash: the hook is asked before every commit.
   * After it answers true, call {@link #crash} on the cluster.
   *
   * @param h the hook, or null for none
   */
  public void crashAt(CommitHook h) {
    this.hook = h;
  }

  private boolean frozen;

  /** Returns how many progress batches committed so far. */
  public int progressCommits() {
    synchronized (lock) {
      return progressCommits;
    }
  }

  /** From now on nothing is stored, as if the process died now. */
  public void freeze() {
    synchronized (lock) {
      if (!frozen) {
        frozen = true;
        generation++;
      }
    }
  }

  /**
   * Crashes {@code cluster}: freezes the storage, stops the cluster's threads (whose writes are
   * refused from now on), then puts every PState back to its durable state.
   *
   * @param cluster the cluster to crash
   */
  public void crash(AutoCloseable cluster) {
    freeze();
    try {
      cluster.close();
    } catch (Exception e) {
      // a crashing cluster may fail anything while closing; nothing of it is kept
    }
    synchronized (lock) {
      for (Durable d : pstates.values()) {
        d.store.restore(d.durable);
      }
      frozen = false;
    }
  }

  private void check(int gen) {
    if (gen != generation || frozen) {
      throw new IllegalStateException("crashed: storage accepts nothing more from this cluster");
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public DepotLog openDepotLog(String module, String depotVar, int partitions) {
    synchronized (lock) {
      MemoryDepotLog log =
          depots.computeIfAbsent(module + '\u0000' + depotVar, k -> new MemoryDepotLog(partitions));
      return new LogView(log, generation);
    }
  }

  @Override
  public PStateStore openPStateStore(String module, int task, PStateDeclaration declaration) {
    synchronized (lock) {
      Durable d =
          pstates.computeIfAbsent(
              key(module, task) + '\u0000' + declaration.getName(),
              k -> new Durable(new MemoryPStateStore(declaration)));
      return new StoreView(d, d.store, generation);
    }
  }

  @Override
  public ProgressStore openProgressStore(String module, int task) {
    synchronized (lock) {
      MemoryProgressStore p = progress.computeIfAbsent(key(module, task), k -> newProgress());
      return new ProgressView(p, module, task, generation);
    }
  }

  private static MemoryProgressStore newProgress() {
    return new MemoryProgressStore();
  }

  @Override
  public void closeModule(String module) {
    // the data stays for the next cluster
  }

  @Override
  public void destroyModule(String module) {
    synchronized (lock) {
      String prefix = module + '\u0000';
      depots.keySet().removeIf(k -> k.startsWith(prefix));
      pstates.keySet().removeIf(k -> k.startsWith(prefix));
      progress.keySet().removeIf(k -> k.startsWith(prefix));
    }
  }

  /** Makes the PStates of one task durable as they are committed now (under the lock). */
  private void makeDurable(String module, int task) {
    String prefix = key(module, task) + '\u0000';
    for (Map.Entry<String, Durable> e : pstates.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        e.getValue().durable = e.getValue().store.snapshot();
      }
    }
  }

  private final class ProgressView implements ProgressStore {
    private final MemoryProgressStore p;
    private final String module;
    private final int task;
    private final int gen;

    ProgressView(MemoryProgressStore p, String module, int task, int gen) {
      this.p = p;
      this.module = module;
      this.task = task;
      this.gen = gen;
    }

    @Override
    public long streamOffset(String topology, String depotVar, int partition) {
      return p.streamOffset(topology, depotVar, partition);
    }

    @Override
    public MicrobatchCommit lastMicrobatch(String topology) {
      return p.lastMicrobatch(topology);
    }

    @Override
    public long counter(String name) {
      return p.counter(name);
    }

    @Override
    public Batch begin() {
      Batch inner = p.begin();
      long[] mb = {-1};
      return new Batch() {
        @Override
        public Batch streamOffset(String topology, String depotVar, int partition, long offset) {
          inner.streamOffset(topology, depotVar, partition, offset);
          return this;
        }

        @Override
        public Batch microbatch(String topology, MicrobatchCommit commit) {
          inner.microbatch(topology, commit);
          mb[0] = commit.id();
          return this;
        }

        @Override
        public Batch counter(String name, long value) {
          inner.counter(name, value);
          return this;
        }

        @Override
        public void commit() {
          synchronized (lock) {
            check(gen);
            CommitHook h = hook;
            if (h != null && h.crashBefore(module, task, mb[0])) {
              freeze();
              check(gen);
            }
            inner.commit();
            makeDurable(module, task);
            progressCommits++;
          }
        }
      };
    }

    @Override
    public void close() {
      // the data stays for the next cluster
    }
  }

  /** A depot log as seen by one cluster: appends refused after a crash; close keeps the data. */
  private final class LogView implements DepotLog {
    private final MemoryDepotLog log;
    private final int gen;

    LogView(MemoryDepotLog log, int gen) {
      this.log = log;
      this.gen = gen;
    }

    @Override
    public int numPartitions() {
      return log.numPartitions();
    }

    @Override
    public CompletableFuture<Long> append(int partition, byte[] record) {
      synchronized (lock) {
        check(gen);
        return log.append(partition, record);
      }
    }

    @Override
    public CompletableFuture<byte[]> read(int partition, long offset) {
      return log.read(partition, offset);
    }

    @Override
    public CompletableFuture<List<byte[]>> read(int partition, long from, long to) {
      return log.read(partition, from, to);
    }

    @Override
    public CompletableFuture<Long> endOffset(int partition) {
      return log.endOffset(partition);
    }

    @Override
    public CompletableFuture<Long> offsetAfterTimestamp(int partition, long millis) {
      return log.offsetAfterTimestamp(partition, millis);
    }

    @Override
    public void close() {
      // the records stay for the next cluster
    }
  }

  /** A PState partition as seen by one cluster: writes refused after a crash. */
  private final class StoreView implements MigratableStore {
    private final Durable d;
    private final MemoryPStateStore s;
    private final int gen;

    StoreView(Durable d, MemoryPStateStore s, int gen) {
      this.d = d;
      this.s = s;
      this.gen = gen;
    }

    @Override
    public PStateStore migrateTo(PStateDeclaration next) {
      w();
      MemoryPStateStore m = s.migrateTo(next);
      synchronized (lock) {
        // simplification: a module update's migration counts as durable at once
        d.store = m;
        d.durable = m.snapshot();
      }
      return new StoreView(d, m, gen);
    }

    private void w() {
      synchronized (lock) {
        check(gen);
      }
    }

    @Override
    public String name() {
      return s.name();
    }

    @Override
    public List<Object> select(Path path, Vars vars) {
      return s.select(path, vars);
    }

    @Override
    public Object selectOne(Path path, Vars vars) {
      return s.selectOne(path, vars);
    }

    @Override
    public List<Object> selectStaged(Path path, Vars vars) {
      return s.selectStaged(path, vars);
    }

    @Override
    public Object selectOneStaged(Path path, Vars vars) {
      return s.selectOneStaged(path, vars);
    }

    @Override
    public void transform(Path path, Vars vars) {
      w();
      s.transform(path, vars);
    }

    @Override
    public void commit() {
      w();
      s.commit();
    }

    @Override
    public void abort() {
      w();
      s.abort();
    }

    @Override
    public boolean hasStagedWrites() {
      return s.hasStagedWrites();
    }

    @Override
    public Object snapshot() {
      return s.snapshot();
    }

    @Override
    public List<Object> selectAt(Object snapshot, Path path, Vars vars) {
      return s.selectAt(snapshot, path, vars);
    }

    @Override
    public void restore(Object snapshot) {
      w();
      s.restore(snapshot);
    }

    @Override
    public Object commitKeepingPrevious() {
      w();
      return s.commitKeepingPrevious();
    }

    @Override
    public List<Object> selectBefore(List<Object> previous, Path path, Vars vars) {
      return s.selectBefore(previous, path, vars);
    }

    @Override
    public void close() {
      // the data stays for the next cluster
    }
  }

  /** Lists the stores held, for test diagnostics. */
  public List<String> storeNames() {
    synchronized (lock) {
      return new ArrayList<>(pstates.keySet());
    }
  }
}
