package dev.deimos.impl.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread serving the tasks pinned to it from a single mailbox: every event of those tasks runs
 * here, one at a time, in arrival order.
 *
 * <p>The mailbox is a lock-free queue and the thread parks only when it found it empty: a busy
 * thread drains event after event without locking or waking anyone, and a submitter unparks the
 * thread only when it announced that it is about to sleep.
 */
final class TaskThread implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskThread.class);
  private static final Runnable STOP = () -> {};

  private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean stopped;
  // set by the thread before it parks; a submitter seeing it unparks the thread
  private volatile boolean sleeping;
  // frames running on this thread (only touched by it): frames are never nested in one another
  private int frameDepth;

  TaskThread(String name) {
    thread = new Thread(this, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues work; after {@link #stop} the work is dropped and false is returned. */
  boolean submit(Runnable r) {
    if (stopped) {
      return false;
    }
    mailbox.offer(r);
    // offer, then read sleeping; the thread writes sleeping, then polls: one of us sees the other
    if (sleeping) {
      LockSupport.unpark(thread);
    }
    return true;
  }

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
    while (true) {
      // no spinning before parking: measured on the shared 2-core machine, a 200-poll spin gave
      // no clear throughput gain and cost CPU that the clients and the other task thread need
      Runnable r = mailbox.poll();
      if (r == null) {
        sleeping = true;
        if (mailbox.isEmpty()) {
          LockSupport.park(this);
        }
        sleeping = false;
        if (Thread.interrupted()) {
          // as a blocking take would: an interrupted task thread ends
          return;
        }
        continue;
      }
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
  }

  void stop() {
    stopped = true;
    mailbox.offer(STOP);
    LockSupport.unpark(thread);
    if (!isCurrent()) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
