package dev.deimos.impl.runtime;

import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.storage.ProgressStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream topology progress on a durable cluster: per source and depot partition, the offset below
 * which every record has finished ({@link OffsetTracker}), written to the progress store of the
 * task reading that partition, and where a source resumes after a restart (at-least-once: records
 * after the last checkpoint run again).
 *
 * <p>Checkpoints run every {@link #INTERVAL_MILLIS} from the cluster's timer, never on the record
 * path. A record's PState writes may land on any task, and each task's writes become durable with
 * that task's next progress batch ({@link ProgressStore}). So a checkpoint round first captures the
 * marks, then commits a batch on every task that wrote something, and only the next round, after
 * every task's batch of this one committed, writes the captured marks: by then every write of every
 * record below them is durable on every task. The stored offsets thus lag by one interval, which a
 * restart pays as a slightly longer replay.
 */
final class StreamCheckpoints {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCheckpoints.class);

  /** How often the marks are checkpointed. */
  static final long INTERVAL_MILLIS = 100;

  /** One source partition being tracked. */
  private static final class Entry {
    final String topology;
    final String depotKey;
    final int partition;
    final Task task;
    final OffsetTracker tracker;
    // the mark captured by the last round, written by the next one (round thread only)
    long captured;
    // the offset last stored (task thread only)
    long written;

    Entry(
        String topology,
        String depotKey,
        int partition,
        Task task,
        OffsetTracker tracker,
        long start,
        long written) {
      this.topology = topology;
      this.depotKey = depotKey;
      this.partition = partition;
      this.task = task;
      this.tracker = tracker;
      this.captured = start;
      this.written = written;
    }
  }

  private final ModuleRuntime rt;
  private final Task[] tasks;
  private volatile List<Entry> entries = List.of();
  private final AtomicBoolean inRound = new AtomicBoolean();
  private volatile Future<?> timer;
  private volatile boolean stopped;

  StreamCheckpoints(ModuleRuntime rt, Task[] tasks) {
    this.rt = rt;
    this.tasks = tasks;
  }

  /** The depot part of a source's progress key: its depot var and source id, if any. */
  static String depotKey(ModuleRuntime.SourceRt s) {
    String id = s.options.sourceId();
    return id == null ? s.depotVar : s.depotVar + "#" + id;
  }

  private Task taskOf(int partition) {
    return tasks[partition % tasks.length];
  }

  /**
   * At launch: gives each source its trackers and the offsets to resume from, the stored ones where
   * a checkpoint exists, else where the source's options say (stored at once, so that a crash
   * before the first checkpoint does not move the start).
   *
   * @param sources the stream sources with the logs they read (tick depots excluded)
   */
  void launch(Map<ModuleRuntime.SourceRt, DepotLog> sources) {
    long now = rt.clock().millis();
    List<Entry> out = new ArrayList<>();
    Map<Task, List<Entry>> fresh = new HashMap<>();
    for (Map.Entry<ModuleRuntime.SourceRt, DepotLog> e : sources.entrySet()) {
      ModuleRuntime.SourceRt s = e.getKey();
      DepotLog log = e.getValue();
      int n = log.numPartitions();
      OffsetTracker[] trackers = new OffsetTracker[n];
      long[] from = new long[n];
      String dk = depotKey(s);
      for (int p = 0; p < n; p++) {
        Task t = taskOf(p);
        long stored = t.progress().streamOffset(s.topology, dk, p);
        long start;
        if (stored == ProgressStore.NONE) {
          start = s.options.startOffset(log, p, now);
        } else {
          long end = log.endOffset(p).join();
          start = stored;
          if (stored > end) {
            LOG.warn(
                "module {}, topology {}: stored offset {} of depot {} partition {} is beyond the"
                    + " depot's end {}; resuming at the end",
                rt.moduleName(),
                s.topology,
                stored,
                s.depotVar,
                p,
                end);
            start = end;
          }
        }
        trackers[p] = new OffsetTracker(start);
        from[p] = start;
        Entry en = new Entry(s.topology, dk, p, t, trackers[p], start, stored);
        out.add(en);
        if (stored == ProgressStore.NONE) {
          fresh.computeIfAbsent(t, k -> new ArrayList<>()).add(en);
        }
      }
      s.trackers = trackers;
      s.resumeFrom = from;
    }
    entries = List.copyOf(out);
    // the starting offsets of new sources, durable before any record is appended
    List<CompletableFuture<Object>> writes = new ArrayList<>();
    for (Map.Entry<Task, List<Entry>> f : fresh.entrySet()) {
      writes.add(rt.callOn(f.getKey(), () -> write(f.getKey(), f.getValue(), null, false)));
    }
    for (CompletableFuture<Object> w : writes) {
      w.join();
    }
  }

  /**
   * Module update: sources kept (by key) keep their trackers; new ones start where their options
   * say, captured by the next rounds.
   */
  void update(Map<ModuleRuntime.SourceRt, DepotLog> next, List<ModuleRuntime.SourceRt> old) {
    Map<String, ModuleRuntime.SourceRt> byKey = new HashMap<>();
    for (ModuleRuntime.SourceRt s : old) {
      byKey.put(s.key(), s);
    }
    Map<OffsetTracker, Entry> oldEntries = new HashMap<>();
    for (Entry e : entries) {
      oldEntries.put(e.tracker, e);
    }
    long now = rt.clock().millis();
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<ModuleRuntime.SourceRt, DepotLog> e : next.entrySet()) {
      ModuleRuntime.SourceRt s = e.getKey();
      ModuleRuntime.SourceRt prev = byKey.get(s.key());
      DepotLog log = e.getValue();
      int n = log.numPartitions();
      if (prev != null && prev.trackers != null && prev.trackers.length == n) {
        s.trackers = prev.trackers;
        for (OffsetTracker t : prev.trackers) {
          Entry oe = oldEntries.get(t);
          if (oe != null) {
            out.add(oe);
          }
        }
        continue;
      }
      OffsetTracker[] trackers = new OffsetTracker[n];
      long[] from = new long[n];
      for (int p = 0; p < n; p++) {
        from[p] = s.options.startOffset(log, p, now);
        trackers[p] = new OffsetTracker(from[p]);
        out.add(
            new Entry(
                s.topology, depotKey(s), p, taskOf(p), trackers[p], from[p], ProgressStore.NONE));
      }
      s.trackers = trackers;
      s.resumeFrom = from;
    }
    entries = List.copyOf(out);
  }

  /** Starts the periodic rounds. */
  void start() {
    timer = rt.scheduler().scheduleAtFixedRate(this::tick, INTERVAL_MILLIS);
  }

  private void tick() {
    if (!stopped) {
      round();
    }
  }

  /**
   * One round: writes the marks the previous round captured and captures the current ones, with a
   * batch commit on every task that has something to store.
   *
   * @return completes when every task's batch is done, or null if a round is still running
   */
  CompletableFuture<Void> round() {
    if (!inRound.compareAndSet(false, true)) {
      return null;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<Entry> es = entries;
    Map<Task, List<Entry>> perTask = new HashMap<>();
    Map<Task, long[]> values = new HashMap<>();
    for (Entry e : es) {
      perTask.computeIfAbsent(e.task, k -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<Task, List<Entry>> pt : perTask.entrySet()) {
      List<Entry> l = pt.getValue();
      long[] v = new long[l.size()];
      for (int i = 0; i < v.length; i++) {
        Entry e = l.get(i);
        v[i] = e.captured;
        e.captured = e.tracker.mark();
      }
      values.put(pt.getKey(), v);
    }
    AtomicInteger left = new AtomicInteger(tasks.length);
    Runnable oneDone =
        () -> {
          if (left.decrementAndGet() == 0) {
            inRound.set(false);
            done.complete(null);
          }
        };
    for (Task t : tasks) {
      List<Entry> l = perTask.getOrDefault(t, List.of());
      long[] v = values.get(t);
      boolean queued =
          t.thread.submit(
              () -> {
                try {
                  write(t, l, v, true);
                } catch (RuntimeException ex) {
                  LOG.warn(
                      "module {}: stream checkpoint on task {} failed",
                      rt.moduleName(),
                      t.id(),
                      ex);
                } finally {
                  oneDone.run();
                }
              });
      if (!queued) {
        oneDone.run();
      }
    }
    return done;
  }

  /**
   * On {@code t}'s thread: stores the given offsets (or the entries' starts when {@code values} is
   * null) where they moved, in one batch that also makes the task's PState commits durable.
   */
  private Object write(Task t, List<Entry> l, long[] values, boolean onlyIfNeeded) {
    ProgressStore.Batch b = null;
    for (int i = 0; i < l.size(); i++) {
      Entry e = l.get(i);
      long v = values == null ? e.captured : values[i];
      if (v > e.written) {
        if (b == null) {
          b = t.progress().begin();
        }
        b.streamOffset(e.topology, e.depotKey, e.partition, v);
      }
    }
    boolean dirty = t.takeDirty();
    if (b == null && (dirty || !onlyIfNeeded)) {
      b = t.progress().begin();
    }
    if (b != null) {
      b.commit();
      for (int i = 0; i < l.size(); i++) {
        Entry e = l.get(i);
        long v = values == null ? e.captured : values[i];
        if (v > e.written) {
          e.written = v;
        }
      }
    }
    return null;
  }

  /**
   * Graceful stop: waits for a running round, then runs two more so the marks of now are stored
   * (the second writes what the first captured). Best effort within {@code timeoutMillis}.
   */
  void stop(long timeoutMillis) {
    stopped = true;
    Future<?> f = timer;
    if (f != null) {
      f.cancel(false);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (int i = 0; i < 2; i++) {
      CompletableFuture<Void> r;
      while ((r = round()) == null) {
        if (System.nanoTime() > deadline) {
          return;
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        r.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        LOG.warn("module {}: final stream checkpoint did not complete", rt.moduleName(), e);
        return;
      }
    }
  }
}
