package dev.deimos.impl.runtime;

import dev.deimos.impl.depot.DepotLog;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A read-only snapshot of one module for the console and status pages: its depots, PStates and
 * topologies with their counts as of {@link ModuleRuntime#view()}. Plain data; numbers race the
 * task threads that move them (each is a value it had during the call).
 *
 * @param module the module name
 * @param tasks the module's tasks
 * @param threads its task threads
 * @param workers its (simulated) workers
 * @param depots the depots, in declaration order
 * @param pstates the PStates, in declaration order
 * @param topologies stream, microbatch and query topologies, in that order
 * @param options the module's dynamic options as {@code define} set them
 */
public record ModuleView(
    String module,
    int tasks,
    int threads,
    int workers,
    List<DepotView> depots,
    List<PStateView> pstates,
    List<TopologyView> topologies,
    java.util.Map<String, Object> options) {

  /**
   * One depot.
   *
   * @param name the depot var
   * @param partitions its partitions
   * @param firstOffsets per partition, the first offset still stored (trimmed before it)
   * @param endOffsets per partition, the offset the next append gets
   * @param appends appends since the module launched (in this process)
   * @param appendedBytes serialized bytes of those appends
   * @param global whether the depot has one partition
   * @param tickMillis a tick depot's period, else 0
   */
  public record DepotView(
      String name,
      int partitions,
      long[] firstOffsets,
      long[] endOffsets,
      long appends,
      long appendedBytes,
      boolean global,
      long tickMillis) {
    /**
     * Returns the records stored over all partitions.
     *
     * @return the sum of end minus first offsets
     */
    public long records() {
      long n = 0;
      for (int p = 0; p < partitions; p++) {
        n += Math.max(0, endOffsets[p] - firstOffsets[p]);
      }
      return n;
    }
  }

  /**
   * One PState.
   *
   * @param name the PState var
   * @param schema the schema as declared, described
   * @param global whether it has one partition
   * @param isPrivate whether clients may not read it
   * @param owner the topology that declared it
   * @param sizes per partition, the number of top-level entries (keys of a map, elements of a
   *     collection, 1 for a set value of a class schema), or -1 where the store cannot tell cheaply
   */
  public record PStateView(
      String name, String schema, boolean global, boolean isPrivate, String owner, long[] sizes) {}

  /**
   * The progress of a microbatch topology on one source depot.
   *
   * @param depot the depot var
   * @param committed per partition, the offset up to which microbatches committed
   * @param end per partition, the depot's end offset (-1 if it did not answer in time)
   */
  public record SourceProgress(String depot, long[] committed, long[] end) {
    /**
     * Returns how many records of the depot the topology has not processed yet.
     *
     * @return the sum of end minus committed offsets
     */
    public long behind() {
      long n = 0;
      for (int p = 0; p < end.length; p++) {
        if (end[p] >= 0) {
          n += Math.max(0, end[p] - committed[p]);
        }
      }
      return n;
    }
  }

  /**
   * One topology.
   *
   * @param name the topology name
   * @param type {@code stream}, {@code microbatch} or {@code query}
   * @param sources the depots it reads (none for a query)
   * @param processed records (stream, microbatch) or invocations (query) that succeeded
   * @param failures failed attempts
   * @param retries retries after failures
   * @param microbatches committed microbatches (microbatch topologies)
   * @param latency per-bucket counts of the success latencies (see {@link LatencyHistogram})
   * @param status a microbatch topology's status (stall warnings), else null
   * @param progress a microbatch topology's progress per source depot, else empty
   */
  public record TopologyView(
      String name,
      String type,
      List<String> sources,
      long processed,
      long failures,
      long retries,
      long microbatches,
      long[] latency,
      MicrobatchStatus status,
      List<SourceProgress> progress) {
    /**
     * Returns a latency quantile over the topology's whole life.
     *
     * @param q from 0 to 1
     * @return milliseconds, or -1 when nothing succeeded yet
     */
    public double latencyMillis(double q) {
      long n = LatencyHistogram.quantile(latency, q);
      return n < 0 ? -1 : n / 1e6;
    }
  }

  /** The end offset of a depot partition, or -1 when the log does not answer within a second. */
  static long endOffset(DepotLog log, int partition) {
    try {
      return log.endOffset(partition).get(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return -1;
    }
  }

  /** The first offset of a depot partition, or 0 when the log does not answer within a second. */
  static long firstOffset(DepotLog log, int partition) {
    try {
      return log.firstOffset(partition).get(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return 0;
    }
  }
}
