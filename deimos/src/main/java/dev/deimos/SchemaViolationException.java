package dev.deimos;

import java.util.List;

/**
 * A write that does not fit its PState's schema. The message names the PState, the location (the
 * keys and indexes from the PState's root), what was expected and what was found.
 */
public final class SchemaViolationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String pstateName;
  private final List<Object> location;

  /**
   * Creates the error.
   *
   * @param pstateName the PState
   * @param location keys and indexes from the root to the offending place
   * @param problem what is wrong there
   */
  public SchemaViolationException(String pstateName, List<Object> location, String problem) {
    super("PState " + pstateName + ": schema violation at " + describe(location) + ": " + problem);
    this.pstateName = pstateName;
    this.location = List.copyOf(location.stream().map(String::valueOf).toList());
  }

  /** Returns the PState name. */
  public String getPStateName() {
    return pstateName;
  }

  /** Returns the location, each step rendered as a string. */
  public List<Object> getLocation() {
    return location;
  }

  /**
   * Renders a location like {@code root -> key "alice" -> key 3}.
   *
   * @param location the steps
   * @return the text
   */
  public static String describe(List<Object> location) {
    StringBuilder sb = new StringBuilder("root");
    for (Object step : location) {
      sb.append(" -> key ");
      if (step instanceof String) {
        sb.append('"').append(step).append('"');
      } else {
        sb.append(step)
            .append(" (")
            .append(step == null ? "null" : step.getClass().getSimpleName());
        sb.append(')');
      }
    }
    return sb.toString();
  }
}
