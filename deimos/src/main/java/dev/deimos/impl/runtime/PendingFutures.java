package dev.deimos.impl.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The unfinished futures of a module, so that closing it can fail them instead of leaving callers
 * waiting forever. Adding is the hot path (several futures per depot record): it takes a lock on
 * one of a few shards picked by the calling thread and appends to a list, with no completion
 * callback and no hash-set removal. A shard drops its finished futures when it has doubled since
 * its last sweep, so it holds at most about twice the unfinished ones (plus a small floor).
 */
final class PendingFutures {
  private static final int SHARDS = 8;
  private static final int MIN_SWEEP = 256;

  private static final class Shard {
    final List<CompletableFuture<?>> futures = new ArrayList<>();
    int sweepAt = MIN_SWEEP;
  }

  private final Shard[] shards = new Shard[SHARDS];

  PendingFutures() {
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard();
    }
  }

  /** Remembers {@code f} until it is done or {@link #failAll} fails it. */
  void add(CompletableFuture<?> f) {
    if (f.isDone()) {
      return;
    }
    Shard s = shards[System.identityHashCode(Thread.currentThread()) & (SHARDS - 1)];
    synchronized (s) {
      if (s.futures.size() >= s.sweepAt) {
        s.futures.removeIf(CompletableFuture::isDone);
        s.sweepAt = Math.max(MIN_SWEEP, s.futures.size() * 2);
      }
      s.futures.add(f);
    }
  }

  /** Whether every remembered future is done (a module update waits for this). */
  boolean allDone() {
    for (Shard s : shards) {
      synchronized (s) {
        for (int i = 0, n = s.futures.size(); i < n; i++) {
          if (!s.futures.get(i).isDone()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Fails every remembered future that is not done yet with a fresh {@code failure()}. */
  void failAll(java.util.function.Supplier<? extends Throwable> failure) {
    for (Shard s : shards) {
      List<CompletableFuture<?>> copy;
      synchronized (s) {
        copy = new ArrayList<>(s.futures);
        s.futures.clear();
      }
      // completed outside the lock: callbacks may track more futures
      for (CompletableFuture<?> f : copy) {
        if (!f.isDone()) {
          f.completeExceptionally(failure.get());
        }
      }
    }
  }
}
