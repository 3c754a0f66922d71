package dev.deimos.impl.runtime;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of a module's stream records started and finished, for a module update to wait until none
 * is in flight. Every record is counted twice, once where it is created (mostly a client thread
 * appending) and once where it finishes (mostly a task thread), so one shared counter would bounce
 * its cache line between those threads on every record; a {@code LongAdder} does not help on a
 * small machine, whose few cells the client and task threads then share. Here the starts have their
 * own cache line and each task thread finishes into a line of its own (threads that are not task
 * threads share one more), so the record path writes only lines its own thread owns.
 */
final class RecordCounts {
  // longs per cache line (64 bytes), so no two counters share one
  private static final int LINE = 8;
  // finish slots: task threads by TaskThread.Worker#slot, then one for every other thread
  static final int FINISH_SLOTS = 8;
  private static final int STARTED = LINE;
  private static final int FIRST_FINISHED = 2 * LINE;

  // a line of padding before the first counter and after the last one
  private final AtomicLongArray counts = new AtomicLongArray((FINISH_SLOTS + 3) * LINE);

  void started() {
    counts.getAndIncrement(STARTED);
  }

  void finished() {
    counts.getAndIncrement(FIRST_FINISHED + LINE * TaskThread.finishSlot());
  }

  /**
   * Records started and not finished yet. Exact once no new record starts (a module update pauses
   * appends first): the finishes are read before the starts, so a record finishing during the read
   * is never subtracted without its start being counted, and the result is never below the truth.
   */
  long inFlight() {
    long finished = 0;
    for (int s = 0; s < FINISH_SLOTS; s++) {
      finished += counts.get(FIRST_FINISHED + LINE * s);
    }
    return counts.get(STARTED) - finished;
  }
}
