package dev.deimos.impl.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link ProgressStore} in memory: gone with the object. Batches apply under one lock. */
public final class MemoryProgressStore implements ProgressStore {
  private final Map<OffsetKey, Long> offsets = new HashMap<>();
  private final Map<String, MicrobatchCommit> microbatches = new HashMap<>();
  private final Map<String, Long> counters = new HashMap<>();
  private boolean closed;

  /** A stream source partition; a record, so no two (topology, depot, partition) triples meet. */
  private record OffsetKey(String topology, String depotVar, int partition) {}

  @Override
  public synchronized long streamOffset(String topology, String depotVar, int partition) {
    Long o = offsets.get(new OffsetKey(topology, depotVar, partition));
    return o == null ? NONE : o;
  }

  @Override
  public synchronized MicrobatchCommit lastMicrobatch(String topology) {
    return microbatches.get(topology);
  }

  @Override
  public synchronized long counter(String name) {
    Long v = counters.get(name);
    return v == null ? NONE : v;
  }

  @Override
  public Batch begin() {
    return new MemoryBatch();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private synchronized void apply(List<Runnable> entries) {
    if (closed) {
      throw new IllegalStateException("progress store is closed");
    }
    for (Runnable r : entries) {
      r.run();
    }
  }

  /** Collects entries, checked when added, and applies them all in {@link #commit}. */
  private final class MemoryBatch implements Batch {
    private final List<Runnable> entries = new ArrayList<>(2);
    private boolean committed;

    @Override
    public Batch streamOffset(String topology, String depotVar, int partition, long offset) {
      ProgressStore.checkStreamOffset(topology, depotVar, partition, offset);
      OffsetKey k = new OffsetKey(topology, depotVar, partition);
      entries.add(() -> offsets.put(k, offset));
      return this;
    }

    @Override
    public Batch microbatch(String topology, MicrobatchCommit commit) {
      ProgressStore.checkMicrobatch(topology, commit);
      entries.add(() -> microbatches.put(topology, commit));
      return this;
    }

    @Override
    public Batch counter(String name, long value) {
      ProgressStore.checkCounter(name, value);
      entries.add(() -> counters.put(name, value));
      return this;
    }

    @Override
    public void commit() {
      if (committed) {
        throw new IllegalStateException("progress batch already committed");
      }
      committed = true;
      apply(entries);
    }
  }
}
