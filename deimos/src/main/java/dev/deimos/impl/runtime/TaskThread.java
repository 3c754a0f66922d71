package dev.deimos.impl.runtime;

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

  private final BlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopped;

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
    mailbox.add(r);
    return true;
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
    while (true) {
      Runnable r;
      try {
        r = mailbox.take();
      } catch (InterruptedException e) {
        return;
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
    mailbox.add(STOP);
    if (!isCurrent()) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
