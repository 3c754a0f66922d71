package dev.deimos.test;

/** How many tasks, task threads and workers a module gets when launched. */
public final class LaunchConfig {
  private final int numTasks;
  private final int numThreads;
  private int numWorkers = 1;

  /**
   * Creates a config.
   *
   * @param numTasks the number of tasks (partitions), a power of two
   * @param numThreads the number of task threads, between 1 and numTasks
   * @throws IllegalArgumentException if the numbers break those rules
   */
  public LaunchConfig(int numTasks, int numThreads) {
    if (numTasks < 1 || Integer.bitCount(numTasks) != 1) {
      throw new IllegalArgumentException("numTasks must be a power of two, got " + numTasks);
    }
    if (numThreads < 1 || numThreads > numTasks) {
      throw new IllegalArgumentException(
          "numThreads must be between 1 and numTasks (" + numTasks + "), got " + numThreads);
    }
    this.numTasks = numTasks;
    this.numThreads = numThreads;
  }

  /**
   * Sets the number of workers (processes) the task threads are spread over (thread {@code i} on
   * worker {@code i % n}). In process every worker shares one JVM, but a frame sent from a task on
   * one worker to a task on another is serialized and deserialized on the way, as on a real
   * cluster, so a topology that carries an unserializable value across workers fails in tests too.
   *
   * @param n the worker count
   * @return this config
   */
  public LaunchConfig numWorkers(int n) {
    if (n < 1 || n > numThreads) {
      throw new IllegalArgumentException(
          "numWorkers must be between 1 and numThreads (" + numThreads + "), got " + n);
    }
    numWorkers = n;
    return this;
  }

  /**
   * Returns the task count.
   *
   * @return tasks
   */
  public int getNumTasks() {
    return numTasks;
  }

  /**
   * Returns the task thread count.
   *
   * @return threads
   */
  public int getNumThreads() {
    return numThreads;
  }

  /**
   * Returns the worker count.
   *
   * @return workers
   */
  public int getNumWorkers() {
    return numWorkers;
  }
}
