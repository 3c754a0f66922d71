package dev.deimos.impl.runtime;

/**
 * The runtime's time source, injected so tests and a simulated cluster can control it: wall time
 * for what users see (append times, retention, start offsets) and a monotonic time for deadlines.
 */
public interface Clock {
  /** The system clocks. */
  Clock SYSTEM =
      new Clock() {
        @Override
        public long millis() {
          return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
          return System.nanoTime();
        }
      };

  /**
   * Wall time.
   *
   * @return milliseconds since the epoch
   */
  long millis();

  /**
   * Monotonic time, only for differences.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanos();
}
