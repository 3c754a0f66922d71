package dev.deimos.impl.runtime;

import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread serving the tasks pinned to it from a single mailbox: every event of those tasks runs
 * here, one at a time, in arrival order.
 */
final class TaskThread implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskThread.class);
  private static final Runnable STOP = () -> {};
  // most events taken from the mailbox per lock round trip
  private static final int BATCH = 256;

  private final BlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * Depot appends from client threads wait while this thread has more than this many events queued,
   * until it is down to {@link #LOW_WATER}: since an APPEND_ACK append completes as soon as the
   * record is in the depot, a pipelining client would otherwise queue records without bound. The
   * gap between the two marks makes a throttled client wake once per few thousand events, not per
   * event.
   */
  static final int HIGH_WATER = 8192;

  static final int LOW_WATER = 2048;

  private final Object room = new Object();
  // client threads waiting in awaitRoom
  private volatile int waiting;

  private static final java.util.concurrent.atomic.AtomicInteger WORKERS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The thread class of task threads, so that they are never throttled (see awaitRoom). */
  private static final class Worker extends Thread {
    // this thread's counter slot in RecordCounts (task threads of several modules may share one)
    final int slot = Math.floorMod(WORKERS.getAndIncrement(), RecordCounts.FINISH_SLOTS - 1);

    Worker(Runnable r, String name) {
      super(r, name);
    }
  }

  /**
   * The {@link RecordCounts} slot of the calling thread: its own (or one shared with few other task
   * threads) on a task thread, the last slot on any other thread.
   */
  static int finishSlot() {
    Thread t = Thread.currentThread();
    return t instanceof Worker ? ((Worker) t).slot : RecordCounts.FINISH_SLOTS - 1;
  }

  TaskThread(String name) {
    thread = new Worker(this, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues work; after {@link #stop} the work is dropped and false is returned. */
  boolean submit(Runnable r) {
    if (stopped) {
      return false;
    }
    mailbox.add(r);
    return true;
  }

  /**
   * Throttles a client thread about to queue a depot record here while the mailbox is above the
   * high-water mark. Task threads (of any module) never wait here: a frame appending to a depot
   * must not block on a mailbox, which could be its own.
   */
  void awaitRoom() {
    if (mailbox.size() < HIGH_WATER || Thread.currentThread() instanceof Worker) {
      return;
    }
    synchronized (room) {
      waiting++;
      try {
        while (!stopped && mailbox.size() > LOW_WATER) {
          // timed: a missed wake-up costs a few milliseconds, never a hang
          room.wait(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiting--;
      }
    }
  }

  private void wakeWaiters() {
    synchronized (room) {
      room.notifyAll();
    }
  }

  // frames running on this thread (only touched by it): frames are never nested in one another
  private int frameDepth;

  /** Whether the caller may run a frame inline: it is this thread and no frame is running. */
  boolean canRunFrameInline() {
    return frameDepth == 0 && Thread.currentThread() == thread;
  }

  void enterFrame() {
    frameDepth++;
  }

  void exitFrame() {
    frameDepth--;
  }

  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  @Override
  public void run() {
    // Drains the mailbox in batches: one lock round trip per batch instead of one per event, which
    // matters when a pipelined client queues an event per append. Events still run one at a time,
    // in arrival order; work queued behind STOP is dropped as before.
    ArrayList<Runnable> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        batch.add(mailbox.take());
      } catch (InterruptedException e) {
        return;
      }
      mailbox.drainTo(batch, BATCH - 1);
      for (int i = 0, n = batch.size(); i < n; i++) {
        Runnable r = batch.get(i);
        if (r == STOP) {
          return;
        }
        try {
          r.run();
        } catch (Throwable t) {
          // events handle their own failures; this guards the loop against runtime bugs
          LOG.error("uncaught failure on task thread {}", thread.getName(), t);
        }
      }
      batch.clear();
      if (waiting > 0 && mailbox.size() <= LOW_WATER) {
        wakeWaiters();
      }
    }
  }

  void stop() {
    stopped = true;
    mailbox.add(STOP);
    wakeWaiters();
    if (!isCurrent()) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
