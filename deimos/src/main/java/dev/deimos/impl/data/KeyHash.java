package dev.deimos.impl.data;

/**
 * The one function that maps a partitioning key to a task: depot {@code hashBy}, {@code
 * hashPartition}, PState client reads and the partition-alignment check all use it, so a key always
 * lands on the same task.
 */
public final class KeyHash {
  private KeyHash() {}

  /**
   * Returns the task owning {@code key} among {@code numTasks} tasks.
   *
   * @param key any value with a stable {@code hashCode} (null goes to task 0)
   * @param numTasks the number of tasks, at least 1
   * @return a task id in {@code [0, numTasks)}
   */
  public static int taskFor(Object key, int numTasks) {
    if (key == null || numTasks <= 1) {
      return 0;
    }
    int h = key.hashCode();
    // spread the bits: many hashCodes (small Integers, Longs) are sequential
    h *= 0x9E3779B1;
    h ^= h >>> 16;
    return Math.floorMod(h, numTasks);
  }
}
