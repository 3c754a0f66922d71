package dev.deimos.impl.depot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link DepotLog} in memory, for tests and the in-process cluster. Thread-safe per partition.
 */
public final class MemoryDepotLog implements DepotLog {
  private final List<List<byte[]>> partitions;

  /**
   * Creates an empty log.
   *
   * @param numPartitions the partition count
   */
  public MemoryDepotLog(int numPartitions) {
    partitions = new ArrayList<>(numPartitions);
    for (int i = 0; i < numPartitions; i++) {
      partitions.add(new ArrayList<>());
    }
  }

  @Override
  public int numPartitions() {
    return partitions.size();
  }

  @Override
  public CompletableFuture<Long> append(int partition, byte[] record) {
    List<byte[]> p = partitions.get(partition);
    synchronized (p) {
      p.add(record);
      return CompletableFuture.completedFuture((long) p.size() - 1);
    }
  }

  @Override
  public CompletableFuture<byte[]> read(int partition, long offset) {
    List<byte[]> p = partitions.get(partition);
    synchronized (p) {
      if (offset < 0 || offset >= p.size()) {
        return CompletableFuture.failedFuture(
            new IndexOutOfBoundsException(
                "depot partition " + partition + " has no offset " + offset));
      }
      return CompletableFuture.completedFuture(p.get((int) offset));
    }
  }

  @Override
  public CompletableFuture<Long> endOffset(int partition) {
    List<byte[]> p = partitions.get(partition);
    synchronized (p) {
      return CompletableFuture.completedFuture((long) p.size());
    }
  }

  @Override
  public void close() {
    for (List<byte[]> p : partitions) {
      synchronized (p) {
        p.clear();
      }
    }
  }
}
