package dev.deimos.impl.depot;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The appends queued between two passes of the writer, in arrival order, as parallel arrays so
 * queuing allocates nothing per record (the arrays grow by doubling and are reused). Two batches
 * alternate: appenders fill one while the writer writes the other. Guarded by the log's queue lock
 * while filling; owned by the writer thread while writing.
 */
final class AppendBatch {
  int size;
  int[] partitions = new int[64];
  byte[][] records = new byte[64][];

  @SuppressWarnings({"unchecked", "rawtypes"})
  CompletableFuture<Long>[] futures = new CompletableFuture[64];

  long[] offsets = new long[64];

  /** Per entry, the next entry of the same partition, or -1 (see {@link #link}). */
  int[] next = new int[64];

  /** Per partition, the first entry, or -1. */
  final int[] heads;

  private final int[] tails;

  AppendBatch(int numPartitions) {
    heads = new int[numPartitions];
    tails = new int[numPartitions];
  }

  void add(int partition, byte[] record, CompletableFuture<Long> future) {
    if (size == partitions.length) {
      int n = size * 2;
      partitions = Arrays.copyOf(partitions, n);
      records = Arrays.copyOf(records, n);
      futures = Arrays.copyOf(futures, n);
      offsets = Arrays.copyOf(offsets, n);
      next = Arrays.copyOf(next, n);
    }
    partitions[size] = partition;
    records[size] = record;
    futures[size] = future;
    size++;
  }

  /** Chains each partition's entries in arrival order through {@link #heads} and {@link #next}. */
  void link() {
    Arrays.fill(heads, -1);
    for (int i = 0; i < size; i++) {
      int p = partitions[i];
      next[i] = -1;
      if (heads[p] < 0) {
        heads[p] = i;
      } else {
        next[tails[p]] = i;
      }
      tails[p] = i;
    }
  }

  void clear() {
    Arrays.fill(records, 0, size, null);
    Arrays.fill(futures, 0, size, null);
    size = 0;
  }
}
