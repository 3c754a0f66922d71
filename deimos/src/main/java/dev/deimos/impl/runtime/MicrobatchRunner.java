package dev.deimos.impl.runtime;

import dev.deimos.impl.dataflow.FailedNode;
import dev.deimos.impl.dataflow.MicrobatchRecords;
import dev.deimos.impl.dataflow.Plan;
import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.InlineAppendLog;
import dev.deimos.impl.storage.MicrobatchCommit;
import dev.deimos.impl.storage.ProgressStore;
import dev.deimos.ops.OutputCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator of one microbatch topology: picks each microbatch's offset range on every
 * partition of every source depot, runs it on all tasks as one {@link MicrobatchRun}, and commits
 * or rolls it back. Microbatches run one after another; the next starts when new records exist.
 *
 * <p>Exactly-once: an attempt's writes on each task stay staged in the stores (clients read the
 * committed data meanwhile). When every frame has ended without failure, one volatile write ({@link
 * Attempt#committed}) makes all its writes on all tasks visible at once, each task then commits its
 * stores in an event, and the committed offsets advance. A failure anywhere aborts the staged
 * writes on every task and the same offsets run again (same microbatch id, next attempt), after a
 * short backoff, until it succeeds. Each task's commit keeps what it replaced for a few
 * microbatches ({@link TaskPState#commitMicrobatch}), for client reads pinned to an earlier
 * microbatch.
 *
 * <p>State is guarded by {@code this}; frames run on task threads, the public calls on client
 * threads.
 */
final class MicrobatchRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MicrobatchRunner.class);

  /** Rama's option for the most records one microbatch takes from one depot partition. */
  static final String MAX_RECORDS_OPTION = "depot.microbatch.max.records";

  static final int DEFAULT_MAX_RECORDS = 100_000;

  /** Rama's option for how long one attempt may run before it fails and is retried (seconds). */
  static final String PHASE_TIMEOUT_OPTION = "topology.microbatch.phase.timeout.seconds";

  static final long DEFAULT_PHASE_TIMEOUT_SECONDS = 60;

  /** The first retry of a failed microbatch waits this long, each further one twice as long. */
  static final long FIRST_BACKOFF_MILLIS = 10;

  /** The longest pause between two attempts of a failing microbatch. */
  static final long MAX_BACKOFF_MILLIS = 1_000;

  /**
   * The most records of one depot partition one frame explodes: a microbatch's records on a task
   * run as a series of frames of this size, so the task's other events interleave with them.
   */
  static final int SLICE = 1000;

  /** One attempt's visibility switch: its writes are visible once {@link #committed} is true. */
  static final class Attempt {
    final long id;
    volatile boolean committed;

    Attempt(long id) {
      this.id = id;
    }
  }

  /** One compiled source: a depot subscription and the plan run on task 0 per microbatch. */
  static final class Source {
    final String key;
    final String depotVar;
    final DepotLog log;
    // the log's capability to share values kept from the append, or null
    final InlineAppendLog inline;
    final MicrobatchOptions options;
    final Plan plan;

    Source(String depotVar, DepotLog log, MicrobatchOptions options, Plan plan) {
      this.key = options.sourceId() == null ? depotVar : depotVar + "#" + options.sourceId();
      this.depotVar = depotVar;
      this.log = log;
      this.inline = InlineAppendLog.of(log);
      this.options = options;
      this.plan = plan;
    }
  }

  /**
   * What a topology has committed: the next microbatch id, the next offset per partition of each
   * source and the records processed so far. A module update hands it to the new runner.
   */
  static final class Progress {
    long nextId;
    long processed;
    final Map<String, long[]> offsets = new LinkedHashMap<>();
    // the start offsets of the latest committed microbatch per source (for getMicrobatchDepotInfo)
    final Map<String, long[]> lastStarts = new LinkedHashMap<>();
  }

  private final ModuleRuntime rt;
  private final String topology;
  private final List<Source> sources;
  private final List<String> ownPStates;
  private final Task[] tasks;
  private final int maxRecords;
  private final Progress progress;

  // the newest attempt started and the first id when none has (for readTarget)
  private volatile Attempt latest;
  private volatile long firstId;

  // pinned client reads in flight, per target id (see pinRead)
  private final java.util.TreeMap<Long, Integer> pins = new java.util.TreeMap<>();

  // when to run a microbatch without new records (guarded by this)
  private EmptyMicrobatches empty;
  // the cluster's clock and scheduler (retries, empty microbatches)
  private final RuntimeServices services;
  private boolean running;
  private boolean paused;
  private boolean closed;
  // the ends of the microbatch that failed and must run again over the same offsets, else null
  private long[][] retryEnds;
  private int failures;
  // a failed microbatch waits out its backoff: wakes (appends, reads) must not restart it early
  private boolean backingOff;
  // the stall, for status(): since when (wall millis) the current microbatch fails, and how
  private long failingSince;
  private String lastError;
  private long phaseTimeoutMillis = DEFAULT_PHASE_TIMEOUT_SECONDS * 1000;
  // when a failure logs its stack trace
  private final FailureLog failureLog = new FailureLog();
  // telemetry: attempts and their durations (the start is read only when a meter listens)
  private final EngineMetrics.TopologyMeter meter;
  private volatile long attemptStartNanos;
  // durable clusters: each task's commit of a microbatch is a progress batch, and the next
  // microbatch starts only once every task has made it (so tasks differ by at most one microbatch)
  private final boolean durable;
  // recovery rolling microbatch recoveringId forward: the tasks that had committed it keep their
  // state and discard the re-run's writes (see recover); -1 when not recovering
  private long recoveringId = -1;
  private boolean[] alreadyCommitted;
  // the topology's counts, kept by the module across updates
  private final TopologyStats stats;

  MicrobatchRunner(
      ModuleRuntime rt,
      String topology,
      List<Source> sources,
      List<String> ownPStates,
      Task[] tasks,
      int maxRecords,
      Progress previous,
      RuntimeServices services) {
    this.rt = rt;
    // a runner built without a module (unit tests) still counts
    this.stats = rt == null ? new TopologyStats() : rt.stats(topology);
    this.services = services;
    this.meter =
        services.metrics() == EngineMetrics.NONE
            ? EngineMetrics.TopologyMeter.NONE
            : services.metrics().topology(rt.moduleName(), topology, "microbatch");
    this.empty = new EmptyMicrobatches(EmptyMicrobatches.DEFAULT_MILLIS, services);
    this.topology = topology;
    this.sources = sources;
    this.ownPStates = ownPStates;
    this.tasks = tasks;
    this.maxRecords = maxRecords;
    this.progress = previous == null ? new Progress() : previous;
    long now = services.clock().millis();
    for (Source s : sources) {
      if (!progress.offsets.containsKey(s.key)) {
        long[] start = new long[s.log.numPartitions()];
        for (int p = 0; p < start.length; p++) {
          start[p] = s.options.startOffset(s.log, p, now);
        }
        progress.offsets.put(s.key, start);
      }
    }
    for (String v : ownPStates) {
      for (Task t : tasks) {
        t.pstate(v).ownedBy(this);
      }
    }
    firstId = progress.nextId;
    this.durable = services.durable();
  }

  /** The progress counter holding a source partition's start offset before any commit. */
  private String startCounter(Source s, int p) {
    return "microbatch.start " + topology + " " + s.key + " " + p;
  }

  /**
   * At launch on a durable cluster, before the first microbatch: brings every task to one outcome
   * of the last microbatch and resumes after it.
   *
   * <p>Tasks commit microbatch N one after another, each in its own atomic progress batch, and N+1
   * starts only once all have; so after a crash every task has committed either N or N-1 (or none
   * for N = 0). If they differ, we roll forward rather than back: microbatch N runs again over the
   * offsets recorded with it, and the tasks that had committed it discard the re-run's writes while
   * the others commit them. Rolling back would need each task to keep the values N replaced durably
   * until every task committed N, which the progress store does not hold; rolling forward needs
   * nothing beyond the commit record. Its price: the re-run must route each record to the same
   * tasks and compute the same writes as the first run, which holds for deterministic code (hash
   * partitioning, no shuffle or randomness feeding the writes). Records before the recorded starts
   * are never read again.
   */
  void recover() {
    MicrobatchCommit rec = null;
    long[] ids = new long[tasks.length];
    for (int i = 0; i < tasks.length; i++) {
      MicrobatchCommit c = tasks[i].progress().lastMicrobatch(topology);
      ids[i] = c == null ? -1 : c.id();
      if (c != null && (rec == null || c.id() > rec.id())) {
        rec = c;
      }
    }
    long[][] starts = new long[sources.size()][];
    long[][] ends = new long[sources.size()][];
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      long[] st = rec == null ? null : rec.starts(s.key);
      long[] en = rec == null ? null : rec.ends(s.key);
      if (st == null || st.length != s.log.numPartitions()) {
        // no commit covered this source yet: where it started when first launched
        st = storedStarts(s);
        en = st.clone();
      }
      starts[i] = st;
      ends[i] = en;
    }
    synchronized (this) {
      if (rec == null) {
        for (int i = 0; i < sources.size(); i++) {
          progress.offsets.put(sources.get(i).key, starts[i]);
        }
        return;
      }
      long max = rec.id();
      boolean[] has = new boolean[tasks.length];
      boolean behind = false;
      for (int i = 0; i < tasks.length; i++) {
        if (ids[i] == max) {
          has[i] = true;
        } else if (ids[i] == max - 1) {
          behind = true;
        } else {
          throw new IllegalStateException(
              "module "
                  + rt.moduleName()
                  + ", microbatch topology "
                  + topology
                  + ": task "
                  + i
                  + " committed microbatch "
                  + ids[i]
                  + " but another task committed "
                  + max
                  + "; tasks may differ by one microbatch only (damaged progress store?)");
        }
      }
      for (int i = 0; i < sources.size(); i++) {
        String k = sources.get(i).key;
        if (behind) {
          progress.offsets.put(k, starts[i]);
        } else {
          progress.offsets.put(k, ends[i]);
          progress.lastStarts.put(k, starts[i]);
        }
      }
      if (behind) {
        progress.nextId = max;
        retryEnds = ends;
        recoveringId = max;
        alreadyCommitted = has;
        LOG.info(
            "module {}, microbatch topology {}: microbatch {} committed on some tasks only before"
                + " the restart; running it again over the same offsets (tasks that committed it"
                + " keep their state)",
            rt.moduleName(),
            topology,
            max);
      } else {
        progress.nextId = max + 1;
      }
      firstId = progress.nextId;
    }
  }

  /** A source's start offsets before its first commit: stored at first launch, else now. */
  private long[] storedStarts(Source s) {
    ProgressStore ps = tasks[0].progress();
    long now = services.clock().millis();
    int n = s.log.numPartitions();
    long[] out = new long[n];
    boolean fresh = false;
    for (int p = 0; p < n; p++) {
      long v = ps.counter(startCounter(s, p));
      if (v == ProgressStore.NONE) {
        v = s.options.startOffset(s.log, p, now);
        fresh = true;
      }
      out[p] = v;
    }
    if (fresh) {
      rt.callOn(
              tasks[0],
              () -> {
                ProgressStore.Batch b = ps.begin();
                for (int p = 0; p < n; p++) {
                  b.counter(startCounter(s, p), out[p]);
                }
                b.commit();
                return null;
              })
          .join();
    }
    return out;
  }

  /** A new attempt of microbatch {@code id}, from now on the newest ({@link #latestAttempt}). */
  Attempt newAttempt(long id) {
    Attempt a = new Attempt(id);
    latest = a;
    return a;
  }

  /** The newest attempt started: while a frame of an attempt runs, that attempt. */
  Attempt latestAttempt() {
    return latest;
  }

  /**
   * The microbatch id a read spanning several tasks pins: it reads, on every task, the state made
   * of the microbatches with smaller ids, i.e. the state committed when the read started (see
   * {@link TaskPState#clientSelectAt}).
   */
  long readTarget() {
    Attempt a = latest;
    if (a == null) {
      return firstId;
    }
    return a.committed ? a.id + 1 : a.id;
  }

  String topology() {
    return topology;
  }

  String moduleName() {
    return rt.moduleName();
  }

  List<Source> sources() {
    return sources;
  }

  /**
   * Takes over the committed progress of the topology of the same name in the module version this
   * one replaces: its next id, processed count, and offsets of the sources both versions have.
   */
  synchronized void adopt(Progress previous) {
    progress.nextId = previous.nextId;
    firstId = previous.nextId;
    progress.processed = previous.processed;
    for (Map.Entry<String, long[]> e : previous.offsets.entrySet()) {
      if (progress.offsets.containsKey(e.getKey())) {
        progress.offsets.put(e.getKey(), e.getValue().clone());
        long[] last = previous.lastStarts.get(e.getKey());
        if (last != null) {
          progress.lastStarts.put(e.getKey(), last.clone());
        }
      }
    }
  }

  /**
   * The offset ranges of the latest committed microbatch per source and partition; where none ran
   * yet, an empty range at the offset the topology starts from.
   */
  synchronized Map<String, Map<Integer, dev.deimos.MicrobatchParams>> depotInfo() {
    Map<String, Map<Integer, dev.deimos.MicrobatchParams>> out = new LinkedHashMap<>();
    for (Source s : sources) {
      long[] end = progress.offsets.get(s.key);
      long[] start = progress.lastStarts.getOrDefault(s.key, end);
      Map<Integer, dev.deimos.MicrobatchParams> parts = new LinkedHashMap<>();
      for (int p = 0; p < end.length; p++) {
        parts.put(p, new dev.deimos.MicrobatchParams(start[p], end[p]));
      }
      out.put(s.key, java.util.Collections.unmodifiableMap(parts));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  synchronized Progress progress() {
    return progress;
  }

  /**
   * Pins a client read spanning several tasks to {@link #readTarget()} until {@link #unpinRead}:
   * meanwhile no attempt starts that would drop what the read needs on some task (each task keeps
   * what the commits of its last {@link TaskPState#KEPT} microbatches replaced).
   */
  long pinRead() {
    synchronized (this) {
      long t = readTarget();
      pins.merge(t, 1, Integer::sum);
      return t;
    }
  }

  void unpinRead(long target) {
    synchronized (this) {
      pins.computeIfPresent(target, (k, n) -> n == 1 ? null : n - 1);
    }
    kick();
  }

  /** New records may exist on a source depot: start a microbatch unless one runs. */
  void wake() {
    kick();
  }

  private void kick() {
    long[][] ends;
    synchronized (this) {
      if (running || paused || closed || backingOff) {
        return;
      }
      if (!pins.isEmpty() && progress.nextId > pins.firstKey() + TaskPState.KEPT - 1) {
        // a pinned read may still need a record this attempt's commit would drop: wait for it
        return;
      }
      ends = retryEnds != null ? retryEnds : nextEnds();
      if (ends == null) {
        ends = emptyEndsIfDue();
      }
      if (ends == null) {
        return;
      }
      running = true;
    }
    start(ends);
  }

  /** Sets the timeout of one attempt ({@link #PHASE_TIMEOUT_OPTION}). */
  synchronized void setPhaseTimeoutMillis(long millis) {
    phaseTimeoutMillis = millis;
  }

  /**
   * Reads {@value #PHASE_TIMEOUT_OPTION} from a module's options, in milliseconds.
   *
   * @throws IllegalArgumentException if it is not a positive number
   */
  static long phaseTimeoutMillis(Map<String, Object> moduleOptions) {
    Object o = moduleOptions.get(PHASE_TIMEOUT_OPTION);
    if (o == null) {
      return DEFAULT_PHASE_TIMEOUT_SECONDS * 1000;
    }
    if (!(o instanceof Number) || !(((Number) o).doubleValue() > 0)) {
      throw new IllegalArgumentException(
          PHASE_TIMEOUT_OPTION + " must be a positive number of seconds, got " + o);
    }
    return Math.max(1, (long) (((Number) o).doubleValue() * 1000));
  }

  /** Sets the pause between empty microbatches ({@link EmptyMicrobatches#OPTION}). */
  synchronized void setEmptySleepMillis(long millis) {
    empty = new EmptyMicrobatches(millis, services);
  }

  /** The timer of {@link EmptyMicrobatches} fired. */
  void emptyDue() {
    synchronized (this) {
      empty.fired();
    }
    kick();
  }

  /** The ends of an empty microbatch (where the last one ended) if one is due, else null. */
  private long[][] emptyEndsIfDue() {
    if (!empty.due(this)) {
      return null;
    }
    long[][] ends = new long[sources.size()][];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = progress.offsets.get(sources.get(i).key).clone();
    }
    return ends;
  }

  /** The ends of the next microbatch per source and partition, or null if there is no record. */
  private long[][] nextEnds() {
    long[][] ends = new long[sources.size()][];
    boolean any = false;
    for (int i = 0; i < ends.length; i++) {
      Source s = sources.get(i);
      long[] from = progress.offsets.get(s.key);
      long[] to = new long[from.length];
      for (int p = 0; p < to.length; p++) {
        to[p] = Math.min(s.log.endOffset(p).join(), from[p] + maxRecords);
        any |= to[p] > from[p];
      }
      ends[i] = to;
    }
    return any ? ends : null;
  }

  private void start(long[][] ends) {
    long id;
    int attemptNo;
    long timeout;
    long[][] starts = new long[sources.size()][];
    synchronized (this) {
      id = progress.nextId;
      attemptNo = failures;
      timeout = phaseTimeoutMillis;
      for (int i = 0; i < starts.length; i++) {
        starts[i] = progress.offsets.get(sources.get(i).key).clone();
      }
    }
    Attempt attempt = newAttempt(id);
    List<Batch> batches = new ArrayList<>(sources.size());
    for (int i = 0; i < starts.length; i++) {
      batches.add(new Batch(rt, sources.get(i), starts[i], ends[i]));
    }
    MicrobatchRun run = new MicrobatchRun(rt, this, attempt, attemptNo, batches, ends, timeout);
    if (meter != EngineMetrics.TopologyMeter.NONE) {
      attemptStartNanos = System.nanoTime();
    }
    // queued, never run inline on the calling task thread: the attempt must start behind the
    // previous attempt's commit (or abort) events, which its first frame on each task follows
    tasks[0].thread.submit(run::start);
  }

  /** Called once every frame of {@code run} has ended. */
  void finished(MicrobatchRun run, Throwable failure, String failedAt) {
    if (failure == null) {
      // the commit point: every task's writes of this attempt become visible together
      run.attempt.committed = true;
      MicrobatchCommit record = commitRecord(run);
      if (durable) {
        commitDurably(run, record);
        return;
      }
      // each task then commits its staging sessions, before the next attempt is primed there, and
      // ends that commit with the progress record (the commit group a durable store makes atomic)
      for (Task t : tasks) {
        t.thread.submit(
            () -> {
              for (String v : ownPStates) {
                t.pstate(v).commitMicrobatch(run.attempt);
              }
              t.progress().begin().microbatch(topology, record).commit();
            });
      }
      advance(run);
      return;
    }
    failed(run, failure, failedAt);
  }

  /**
   * Durable commit: every task commits its staging sessions with the progress record in one batch;
   * the offsets advance, and the next microbatch may start, once all tasks have. During a
   * roll-forward ({@link #recover}) the tasks that had committed the microbatch drop the re-run.
   */
  private void commitDurably(MicrobatchRun run, MicrobatchCommit record) {
    boolean[] skip;
    synchronized (this) {
      skip = run.attempt.id == recoveringId ? alreadyCommitted : null;
    }
    java.util.concurrent.atomic.AtomicInteger left =
        new java.util.concurrent.atomic.AtomicInteger(tasks.length);
    for (Task t : tasks) {
      Runnable commit =
          () -> {
            try {
              if (skip != null && skip[t.id()]) {
                for (String v : ownPStates) {
                  t.pstate(v).abortMicrobatch();
                }
              } else {
                for (String v : ownPStates) {
                  t.pstate(v).commitMicrobatch(run.attempt);
                }
                t.progress().begin().microbatch(topology, record).commit();
              }
            } catch (RuntimeException e) {
              LOG.error(
                  "module {}, microbatch topology {}: committing microbatch {} on task {} failed;"
                      + " a restart recovers it",
                  rt.moduleName(),
                  topology,
                  run.attempt.id,
                  t.id(),
                  e);
            } finally {
              if (left.decrementAndGet() == 0) {
                advance(run);
              }
            }
          };
      if (!t.thread.submit(commit) && left.decrementAndGet() == 0) {
        advance(run);
      }
    }
  }

  /** After a successful microbatch: its offsets become the committed ones, the next may start. */
  private void advance(MicrobatchRun run) {
    synchronized (this) {
      if (run.attempt.id == recoveringId) {
        recoveringId = -1;
        alreadyCommitted = null;
      }
      long n = 0;
      for (int i = 0; i < sources.size(); i++) {
        long[] from = progress.offsets.get(sources.get(i).key);
        long[] to = run.ends[i];
        for (int p = 0; p < to.length; p++) {
          n += to[p] - from[p];
        }
        progress.lastStarts.put(sources.get(i).key, from);
        progress.offsets.put(sources.get(i).key, to.clone());
      }
      progress.processed += n;
      progress.nextId++;
      if (meter != EngineMetrics.TopologyMeter.NONE) {
        meter.microbatchAttempt(true, n, System.nanoTime() - attemptStartNanos);
      }
      stats.microbatchCommitted(n, services.clock().nanos() - run.startedNanos);
      empty.ended();
      retryEnds = null;
      if (failures > 0) {
        LOG.info(
            "module {}, microbatch topology {}: microbatch {} succeeded after {} failed attempts",
            rt.moduleName(),
            topology,
            run.attempt.id,
            failures);
      }
      failures = 0;
      lastError = null;
      running = false;
      notifyAll();
    }
    kick();
  }

  private void failed(MicrobatchRun run, Throwable failure, String failedAt) {
    int attemptNo;
    long since;
    long delay;
    synchronized (this) {
      if (closed) {
        // the module closed under the attempt: nothing to roll back or retry
        running = false;
        notifyAll();
        return;
      }
      attemptNo = ++failures;
      if (meter != EngineMetrics.TopologyMeter.NONE) {
        meter.microbatchAttempt(false, 0, System.nanoTime() - attemptStartNanos);
      }
      stats.failed();
      stats.retried(); // a failed microbatch always runs again over the same offsets
      if (attemptNo == 1) {
        failingSince = services.clock().millis();
      }
      since = failingSince;
      lastError = FrameTracker.Cancelled.safeString(failure);
      delay = backoffMillis(attemptNo);
      backingOff = true;
    }
    String node = FailedNode.of(failure);
    if (node == null) {
      node = "(none: no node threw)";
    }
    String records = run.failedRecords();
    if (failureLog.firstOf(failure, node, services.clock())) {
      LOG.warn(
          "module {}, microbatch topology {}: microbatch {} (attempt {}) failed on {} at node {}"
              + " in the segment starting at {}; rolling back and retrying over the same offsets"
              + " in {} ms",
          rt.moduleName(),
          topology,
          run.attempt.id,
          attemptNo,
          records,
          node,
          failedAt,
          delay,
          failure);
    } else {
      LOG.warn(
          "module {}, microbatch topology {}: microbatch {} failed again (attempt {}, failing"
              + " since {}) on {} at node {}: {}; retrying in {} ms",
          rt.moduleName(),
          topology,
          run.attempt.id,
          attemptNo,
          java.time.Instant.ofEpochMilli(since),
          records,
          node,
          lastError,
          delay);
    }
    for (Task t : tasks) {
      t.thread.submit(
          () -> {
            for (String v : ownPStates) {
              t.pstate(v).abortMicrobatch();
            }
          });
    }
    synchronized (this) {
      retryEnds = run.ends;
      running = false;
      notifyAll();
      if (closed) {
        return;
      }
    }
    services.scheduler().schedule(this::backoffOver, delay);
  }

  /** The pause before attempt {@code n + 1} of a microbatch that failed {@code n} times. */
  static long backoffMillis(int n) {
    return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(n - 1, 20));
  }

  private void backoffOver() {
    synchronized (this) {
      backingOff = false;
    }
    kick();
  }

  /**
   * An attempt ran past {@link #PHASE_TIMEOUT_OPTION}: fails it (its frames are skipped, pending
   * async steps let go) so that it rolls back and runs again.
   */
  void phaseTimedOut(MicrobatchRun run, int generation, long timeoutMillis) {
    java.util.List<String> waiting = run.pendingWaits();
    java.util.concurrent.TimeoutException te =
        new java.util.concurrent.TimeoutException(
            "module "
                + rt.moduleName()
                + ", microbatch topology "
                + topology
                + ": microbatch "
                + run.attempt.id
                + " did not finish within "
                + timeoutMillis
                + " ms ("
                + PHASE_TIMEOUT_OPTION
                + ")"
                + (waiting.isEmpty() ? "" : "; still waiting at " + waiting));
    if (run.expire(generation, rt, te) != null) {
      LOG.warn("{}; cancelling the attempt", te.getMessage());
    }
  }

  /** The plans of this topology's sources, for the console's graph. */
  List<Plan> plans() {
    List<Plan> r = new ArrayList<>();
    for (Source s : sources) {
      r.add(s.plan);
    }
    return r;
  }

  /**
   * Per source depot: the committed offset and the end of the log, per partition; what the console
   * shows as the topology's progress against the depot.
   */
  List<ModuleView.SourceProgress> progressView() {
    List<ModuleView.SourceProgress> r = new ArrayList<>();
    for (Source s : sources) {
      long[] done;
      synchronized (this) {
        done = progress.offsets.get(s.key).clone();
      }
      long[] end = new long[done.length];
      for (int p = 0; p < end.length; p++) {
        end[p] = ModuleView.endOffset(s.log, p);
      }
      r.add(new ModuleView.SourceProgress(s.depotVar, done, end));
    }
    return r;
  }

  /** What this topology is doing, for a module's status (see {@link MicrobatchStatus}). */
  synchronized MicrobatchStatus status() {
    return new MicrobatchStatus(
        topology,
        progress.nextId,
        progress.processed,
        paused,
        failures,
        lastError,
        failures > 0 ? failingSince : 0L);
  }

  /** The progress record of a committed run: its id and per source its start and end offsets. */
  private synchronized MicrobatchCommit commitRecord(MicrobatchRun run) {
    Map<String, long[]> starts = new LinkedHashMap<>();
    Map<String, long[]> ends = new LinkedHashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      String k = sources.get(i).key;
      starts.put(k, progress.offsets.get(k));
      ends.put(k, run.ends[i]);
    }
    return new MicrobatchCommit(run.attempt.id, starts, ends);
  }

  /** Stops after the running microbatch (if any) has finished; a no-op when already paused. */
  void pause() {
    synchronized (this) {
      paused = true;
      while (running && !closed) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "interrupted while pausing microbatch topology " + topology, e);
        }
      }
    }
  }

  /** Starts processing again; a no-op when not paused. */
  void resume() {
    synchronized (this) {
      if (!paused) {
        return;
      }
      paused = false;
    }
    kick();
  }

  /**
   * Blocks until at least {@code count} records were processed since the topology started.
   *
   * @throws IllegalStateException on timeout or when the module closes first
   */
  void waitForProcessed(long count, long timeoutMillis) {
    long deadline = services.clock().nanos() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (this) {
      while (progress.processed < count) {
        if (closed) {
          throw new IllegalStateException(
              "module " + rt.moduleName() + " was closed while waiting for " + topology);
        }
        long left = deadline - services.clock().nanos();
        if (left <= 0) {
          throw new IllegalStateException(
              "module "
                  + rt.moduleName()
                  + ", microbatch topology "
                  + topology
                  + ": processed "
                  + progress.processed
                  + " records, not "
                  + count
                  + ", within "
                  + timeoutMillis
                  + " ms"
                  + (paused ? " (the topology is paused)" : "")
                  + (failures > 0
                      ? " (the current microbatch failed " + failures + " times)"
                      : ""));
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + topology, e);
        }
      }
    }
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /**
   * The records of one source depot in one microbatch: partition p is read on task p % numTasks (a
   * mirrored depot of another module may have more partitions than this module has tasks).
   */
  static final class Batch implements MicrobatchRecords {
    private final ModuleRuntime rt;
    private final Source source;
    private final long[] from;
    private final long[] to;

    Batch(ModuleRuntime rt, Source source, long[] from, long[] to) {
      this.rt = rt;
      this.source = source;
      this.from = from;
      this.to = to;
    }

    @Override
    public boolean hasRecords(int task) {
      for (int p = task, n = rt.numTasks(); p < to.length; p += n) {
        if (to[p] > from[p]) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void emit(int task, OutputCollector out) {
      for (int p = task, n = rt.numTasks(); p < to.length; p += n) {
        emitRange(p, from[p], to[p], out);
      }
    }

    /**
     * The first slice of {@code task}'s records: at most {@code max} records of one of its
     * partitions, or null when it has none.
     */
    Slice firstSlice(int task, int max) {
      return sliceFrom(task, task, from.length > task ? from[task] : 0, max);
    }

    /** The slice at partition {@code p} from {@code offset} on, or the next partition's first. */
    private Slice sliceFrom(int task, int p, long offset, int max) {
      for (int n = rt.numTasks(); p < to.length; p += n, offset = p < from.length ? from[p] : 0) {
        if (to[p] > offset) {
          return new Slice(this, task, p, offset, Math.min(to[p], offset + max), max);
        }
      }
      return null;
    }

    private void emitRange(int partition, long start, long end, OutputCollector out) {
      if (end <= start) {
        return;
      }
      // decoded here, on the task: each explode gets its own copies, decoding runs in parallel;
      // immutable values an in-memory log kept from the append are shared instead
      java.util.List<byte[]> records = source.log.read(partition, start, end).join();
      Object[] shared =
          source.inline != null ? source.inline.sharedValues(partition, start, end) : null;
      for (int i = 0, n = records.size(); i < n; i++) {
        Object v = shared != null ? shared[i] : null;
        out.emit(v != null ? v : rt.decode(records.get(i)));
      }
    }

    /** The offset ranges of {@code task}'s partitions, e.g. "p1 [10, 20)", or "" if none. */
    String ranges(int task) {
      StringBuilder b = new StringBuilder();
      for (int p = task, n = rt.numTasks(); p < to.length; p += n) {
        if (to[p] > from[p]) {
          b.append(b.length() == 0 ? "" : ", ")
              .append("partition ")
              .append(p)
              .append(" offsets [")
              .append(from[p])
              .append(", ")
              .append(to[p])
              .append(')');
        }
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return "microbatch of " + source.depotVar;
    }
  }

  /**
   * One slice of a {@link Batch} on one task: records [start, end) of one depot partition, exploded
   * in one frame. For the other tasks it stands for the whole batch, should the var be exploded
   * again downstream.
   */
  static final class Slice implements MicrobatchRecords {
    private final Batch batch;
    private final int task;
    private final int partition;
    private final long start;
    private final long end;
    private final int max;

    Slice(Batch batch, int task, int partition, long start, long end, int max) {
      this.batch = batch;
      this.task = task;
      this.partition = partition;
      this.start = start;
      this.end = end;
      this.max = max;
    }

    /** The slice after this one on the same task, or null when this is its last. */
    Slice next() {
      return batch.sliceFrom(task, partition, end, max);
    }

    @Override
    public boolean hasRecords(int t) {
      return t == task || batch.hasRecords(t);
    }

    @Override
    public void emit(int t, OutputCollector out) {
      if (t == task) {
        batch.emitRange(partition, start, end, out);
      } else {
        batch.emit(t, out);
      }
    }

    @Override
    public String toString() {
      return batch.toString();
    }
  }
}
