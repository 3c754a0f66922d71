package dev.deimos.impl.runtime;

import dev.deimos.impl.depot.DepotLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
  private volatile List<StreamCursor> streams = List.of();
  private volatile List<MicrobatchRunner> microbatches = List.of();

  MirrorDepotFeed(ModuleRuntime consumer, String var, ModuleRuntime producer, String depotVar) {
    this.consumer = consumer;
    this.var = var;
    this.producer = producer;
    this.depotVar = depotVar;
    this.log = producer.depotLog(depotVar);
    this.queued = new AtomicIntegerArray(log.numPartitions());
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
    try {
      pullNow(partition, task);
    } catch (RuntimeException e) {
      if (producer.isClosed() || consumer.isClosed()) {
        // the cluster is closing: nothing left to process
        LOG.debug("module {}: {} closed while pulling", consumer.moduleName(), this, e);
      } else {
        LOG.error(
            "module {}: cannot read partition {} of {}", consumer.moduleName(), partition, this, e);
      }
    }
  }

  private void pullNow(int partition, int task) {
    long end = log.endOffset(partition).join();
    boolean more = false;
    for (StreamCursor c : streams) {
      long from = c.next[partition];
      if (from >= end) {
        continue;
      }
      long to = Math.min(end, from + PULL_SLICE);
      more |= to < end;
      List<byte[]> records = log.read(partition, from, to).join();
      c.next[partition] = to;
      long o = from;
      for (byte[] r : records) {
        consumer.startMirrorRecord(c.source, r, task, partition, o++);
      }
    }
    if (more) {
      // queued behind the events waiting now, like any other wake-up
      appended(partition);
    }
  }

  @Override
  public String toString() {
    return "mirror " + var + " of depot " + depotVar + " of module " + producer.moduleName();
  }
}
