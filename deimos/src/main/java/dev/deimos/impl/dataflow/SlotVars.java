package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.Vars;
import java.util.Map;

/** Reads path vars straight from a run's slot array; the path itself is never copied. */
final class SlotVars implements Vars {
  private final Map<String, Integer> slotOf;
  private final Object[] slots;
  // the node, not its description: describing it per record was a hot-path cost
  private final Node where;

  SlotVars(Map<String, Integer> slotOf, Object[] slots, Node where) {
    this.slotOf = slotOf;
    this.slots = slots;
    this.where = where;
  }

  @Override
  public Object get(String name) {
    Integer i = slotOf.get(name);
    if (i == null) {
      throw new IllegalStateException(
          where.describe() + ": path var " + name + " is not bound in this block");
    }
    return slots[i];
  }
}
