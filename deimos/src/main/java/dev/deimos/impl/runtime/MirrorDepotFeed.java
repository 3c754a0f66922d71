package dev.deimos.impl.runtime;

import dev.deimos.impl.depot.DepotLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One module's subscription to another module's depot through a {@code setup.clusterDepot} mirror
 * var that its stream or microbatch topologies use as a {@code source}. The consuming module stores
 * nothing: it reads the producing module's depot log.
 *
 * <p>Pull-based: after each append the producer calls {@link #appended}, which wakes the microbatch
 * topologies and queues one pull per partition on the consuming task of that partition (partition
 * {@code p} on task {@code p % numTasks}). A pull reads, for every stream source, the records from
 * its cursor up to the partition's end and starts them in order. Cursors are touched only by pulls,
 * which for one partition all run on one task thread; a record is thus never skipped nor started
 * twice, however pulls and appends interleave. While the consuming module is being updated pulls do
 * nothing; the update pulls every partition again when it is done. Appends never wait for mirror
 * subscribers, as in Rama.
 */
final class MirrorDepotFeed {
  private static final Logger LOG = LoggerFactory.getLogger(MirrorDepotFeed.class);

  // records one pull starts per source: a long backlog (startFromBeginning) is taken in slices so
  // that the task's other events run in between
  static final int PULL_SLICE = 1000;

  /** A stream source reading the mirror, with its next offset per partition. */
  static final class StreamCursor {
    final ModuleRuntime.SourceRt source;
    // shared with the cursor of the same source in the next module version (see withSources)
    final long[] next;

    StreamCursor(ModuleRuntime.SourceRt source, long[] next) {
      this.source = source;
      this.next = next;
    }
  }

  final ModuleRuntime consumer;
  final String var;
  final ModuleRuntime producer;
  final String depotVar;
  final DepotLog log;
  // 1 while a pull of the partition is queued and has not started yet: coalesces wake-ups
  private final AtomicIntegerArray queued;
  // 1 while a pull of the partition waits for the log (see await): other pulls then do nothing
  private final AtomicIntegerArray waiting;
  // 1 when a pull came while one was waiting
  private final AtomicIntegerArray missed;
  private volatile List<StreamCursor> streams = List.of();
  private volatile List<MicrobatchRunner> microbatches = List.of();

  MirrorDepotFeed(ModuleRuntime consumer, String var, ModuleRuntime producer, String depotVar) {
    this.consumer = consumer;
    this.var = var;
    this.producer = producer;
    this.depotVar = depotVar;
    this.log = producer.depotLog(depotVar);
    this.queued = new AtomicIntegerArray(log.numPartitions());
    this.waiting = new AtomicIntegerArray(log.numPartitions());
    this.missed = new AtomicIntegerArray(log.numPartitions());
  }

  /** Whether this feed reads the same depot as {@code var} mapped to {@code producer}'s depot. */
  boolean reads(String var, ModuleRuntime producer, String depotVar) {
    return this.var.equals(var) && this.producer == producer && this.depotVar.equals(depotVar);
  }

  /**
   * Sets the stream sources and microbatch topologies reading this mirror. A source already known
   * by its key keeps its cursors; a new one starts where its options say.
   */
  void setReaders(List<ModuleRuntime.SourceRt> sources, List<MicrobatchRunner> runners) {
    List<StreamCursor> old = streams;
    List<StreamCursor> next = new ArrayList<>(sources.size());
    long now = consumer.clock().millis();
    for (ModuleRuntime.SourceRt s : sources) {
      long[] cursor = null;
      for (StreamCursor c : old) {
        if (c.source.key().equals(s.key())) {
          cursor = c.next;
        }
      }
      if (cursor == null && s.resumeFrom != null) {
        // a durable cluster's launch: where the source's checkpoint says
        cursor = s.resumeFrom.clone();
      }
      if (cursor == null) {
        cursor = new long[log.numPartitions()];
        for (int p = 0; p < cursor.length; p++) {
          cursor[p] = s.options.startOffset(log, p, now);
        }
      }
      next.add(new StreamCursor(s, cursor));
    }
    streams = List.copyOf(next);
    microbatches = List.copyOf(runners);
  }

  /** The stream sources reading this mirror. */
  List<ModuleRuntime.SourceRt> streamSources() {
    List<ModuleRuntime.SourceRt> out = new ArrayList<>();
    for (StreamCursor c : streams) {
      out.add(c.source);
    }
    return out;
  }

  /** Called by the producing module once a record is stored on {@code partition}. */
  void appended(int partition) {
    List<MicrobatchRunner> mbs = microbatches;
    for (int i = 0; i < mbs.size(); i++) {
      mbs.get(i).wake();
    }
    if (!streams.isEmpty() && queued.compareAndSet(partition, 0, 1)) {
      int task = partition % consumer.numTasks();
      if (!consumer.submitToTask(task, () -> pull(partition, task))) {
        queued.set(partition, 0);
      }
    }
  }

  /** Pulls every partition: after subscribing, and after the consuming module's update. */
  void appendedEverywhere() {
    for (int p = 0; p < queued.length(); p++) {
      appended(p);
    }
  }

  /** Runs on the consuming task of {@code partition}: starts the records not started yet. */
  private void pull(int partition, int task) {
    queued.set(partition, 0);
    if (consumer.isClosed() || consumer.isUpdating()) {
      return;
    }
    if (waiting.get(partition) != 0) {
      // a pull is waiting for the log: it pulls the partition again when it is done
      missed.set(partition, 1);
      return;
    }
    try {
      CompletableFuture<Long> end = log.endOffset(partition);
      if (end.isDone()) {
        pullTo(partition, task, end.join(), 0, false);
      } else {
        await(end, partition, task, e -> pullTo(partition, task, e, 0, false));
      }
    } catch (RuntimeException e) {
      failed(partition, e);
    }
  }

  /**
   * Starts, for the stream cursors from index {@code from} on, the records up to {@code end}. A
   * read the log has not finished yet is never waited for on the task thread: the rest of the pull
   * runs as a new event of the task once it completes, and no other pull of the partition runs
   * meanwhile (so a record is still neither skipped nor started twice).
   */
  private void pullTo(int partition, int task, long end, int from, boolean more) {
    List<StreamCursor> cursors = streams;
    for (int i = from; i < cursors.size(); i++) {
      StreamCursor c = cursors.get(i);
      long start = c.next[partition];
      if (start >= end) {
        continue;
      }
      long to = Math.min(end, start + PULL_SLICE);
      boolean m = more || to < end;
      CompletableFuture<List<byte[]>> read = log.read(partition, start, to);
      if (!read.isDone()) {
        int next = i + 1;
        await(
            read,
            partition,
            task,
            records -> {
              start(c, partition, task, start, to, records);
              pullTo(partition, task, end, next, m);
            });
        return;
      }
      start(c, partition, task, start, to, read.join());
      more = m;
    }
    if (more) {
      // queued behind the events waiting now, like any other wake-up
      appended(partition);
    }
  }

  private void start(
      StreamCursor c, int partition, int task, long from, long to, List<byte[]> records) {
    long o = from;
    c.next[partition] = to;
    for (byte[] r : records) {
      consumer.startMirrorRecord(c.source, r, task, partition, o++);
    }
  }

  /**
   * Continues a pull with {@code f}'s value as a new event on {@code task} once {@code f}
   * completes; until then other pulls of the partition only note that they came, and the partition
   * is pulled again after the continuation if one did.
   */
  private <T> void await(CompletableFuture<T> f, int partition, int task, Consumer<T> then) {
    waiting.set(partition, 1);
    f.whenComplete(
        (v, e) -> {
          boolean queuedIt =
              consumer.submitToTask(
                  task,
                  () -> {
                    waiting.set(partition, 0);
                    if (e != null) {
                      failed(partition, e);
                      return;
                    }
                    if (consumer.isClosed() || consumer.isUpdating()) {
                      // the update pulls every partition again when it is done
                      return;
                    }
                    try {
                      then.accept(v);
                    } catch (RuntimeException ex) {
                      failed(partition, ex);
                    }
                    if (waiting.get(partition) == 0 && missed.getAndSet(partition, 0) != 0) {
                      appended(partition);
                    }
                  });
          if (!queuedIt) {
            waiting.set(partition, 0);
          }
        });
  }

  private void failed(int partition, Throwable e) {
    if (producer.isClosed() || consumer.isClosed()) {
      // the cluster is closing: nothing left to process
      LOG.debug("module {}: {} closed while pulling", consumer.moduleName(), this, e);
    } else {
      LOG.error(
          "module {}: cannot read partition {} of {}", consumer.moduleName(), partition, this, e);
    }
  }

  @Override
  public String toString() {
    return "mirror " + var + " of depot " + depotVar + " of module " + producer.moduleName();
  }
}
