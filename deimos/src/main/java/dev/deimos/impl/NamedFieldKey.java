package dev.deimos.impl;

import dev.deimos.ops.DeimosFunction1;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * The key function behind {@code Depot.hashBy(String)}: reads one named entry of a depot record. A
 * {@link Map} record gives the value under that key; any other record gives the value of its
 * instance field of that name (public or not, own or inherited).
 */
public final class NamedFieldKey implements DeimosFunction1<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final String name;

  /*
   * The field found for the last record class, so hashing a stream of records of one class does no
   * reflective lookup per append. Not serialized: a copy on another task looks it up again.
   */
  private transient volatile Class<?> lastClass;
  private transient volatile Field lastField;

  /**
   * A key function reading {@code name}.
   *
   * @param name the map key or field name; not null or empty
   * @throws IllegalArgumentException if {@code name} is null or empty
   */
  public NamedFieldKey(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Depot.hashBy(String) needs a non-empty field name");
    }
    this.name = name;
  }

  @Override
  public Object invoke(Object record) {
    if (record instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) record;
      if (!m.containsKey(name)) {
        throw new IllegalArgumentException(
            "Depot.hashBy(\"" + name + "\"): the appended map has no key '" + name + "'");
      }
      return m.get(name);
    }
    if (record == null) {
      throw new IllegalArgumentException(
          "Depot.hashBy(\"" + name + "\"): cannot partition a null record");
    }
    Class<?> c = record.getClass();
    Field f = c == lastClass ? lastField : find(c);
    try {
      return f.get(record);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "Depot.hashBy(\""
              + name
              + "\"): field '"
              + name
              + "' of "
              + c.getName()
              + " is not"
              + " readable",
          e);
    }
  }

  private Field find(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
          try {
            f.setAccessible(true);
          } catch (RuntimeException e) {
            // A class in a closed package: only a public field can still be read.
            if (!Modifier.isPublic(f.getModifiers())) {
              continue;
            }
          }
          lastField = f;
          lastClass = c;
          return f;
        }
      }
    }
    throw new IllegalArgumentException(
        "Depot.hashBy(\""
            + name
            + "\"): a record of "
            + c.getName()
            + " is neither a Map nor has a field named '"
            + name
            + "'");
  }

  @Override
  public String toString() {
    return "hashBy(\"" + name + "\")";
  }
}
