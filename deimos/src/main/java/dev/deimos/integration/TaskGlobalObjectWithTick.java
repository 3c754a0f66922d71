package dev.deimos.integration;

/**
 * A {@link TaskGlobalObject} whose copies get {@link #tick()} called regularly, on their task's
 * thread (so a tick never overlaps an event of that task).
 */
public interface TaskGlobalObjectWithTick extends TaskGlobalObject {
  /**
   * Returns how often to tick; read once, after {@link #prepareForTask}.
   *
   * @return the period in milliseconds, positive
   */
  long getFrequencyMillis();

  /** Does the periodic work. An exception is logged and ticking continues. */
  void tick();
}
