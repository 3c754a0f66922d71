package dev.deimos.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * CPU time consumed by this JVM plus a set of child processes (e.g. a Kafka broker), so a run's CPU
 * cost covers every process taking part.
 */
final class CpuMeter {
  private final List<ProcessHandle> children;
  private final long start;

  private CpuMeter(List<ProcessHandle> children) {
    this.children = children;
    this.start = now(children);
  }

  static CpuMeter start(List<ProcessHandle> children) {
    return new CpuMeter(children);
  }

  /** CPU seconds used since {@link #start}. */
  double elapsedCpuSeconds() {
    return (now(children) - start) / 1e9;
  }

  private static long now(List<ProcessHandle> children) {
    long total = selfCpuNanos();
    for (ProcessHandle p : children) {
      total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
    return total;
  }

  private static long selfCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      long t = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
      if (t >= 0) {
        return t;
      }
    }
    // Fallback: live threads only (misses GC and exited threads).
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }
}
