package dev.deimos.helpers;

import java.util.function.BooleanSupplier;

/** Polling helpers for tests whose effects land asynchronously (ticks, microbatches). */
final class Await {
  private static final long TIMEOUT_NANOS = 60_000_000_000L;

  private Await() {}

  /** Waits until {@code condition} holds, failing after a minute. */
  static void until(String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > TIMEOUT_NANOS) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      pause(2);
    }
  }

  /**
   * Waits until {@code condition} holds, then checks it keeps holding for a while, so a condition
   * that is passed through on the way to another value fails.
   */
  static void stable(String what, BooleanSupplier condition) {
    until(what, condition);
    for (int i = 0; i < 25; i++) {
      pause(4);
      if (!condition.getAsBoolean()) {
        throw new AssertionError("held, then stopped holding: " + what);
      }
    }
  }

  /** Checks that {@code condition} holds throughout {@code millis}. */
  static void holds(String what, long millis, BooleanSupplier condition) {
    long end = System.nanoTime() + millis * 1_000_000L;
    do {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("stopped holding: " + what);
      }
      pause(4);
    } while (System.nanoTime() < end);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
