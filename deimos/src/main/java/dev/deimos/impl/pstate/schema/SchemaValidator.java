package dev.deimos.impl.pstate.schema;

import dev.deimos.SchemaViolationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks values against schemas. Numeric classes are strict: an Integer is not a Long.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class SchemaValidator {
  private SchemaValidator() {}

  /**
   * Checks a whole value at the root of a PState.
   *
   * @param pstate PState name for errors
   * @param schema expected schema
   * @param value the value
   * @throws SchemaViolationException if it does not fit
   */
  public static void validate(String pstate, SchemaNode schema, Object value) {
    validate(pstate, schema, value, new ArrayList<>());
  }

  /**
   * Checks a value written at {@code location}.
   *
   * @param pstate PState name for errors
   * @param schema expected schema at that location
   * @param value the value
   * @param location keys from the root (this list is used as scratch and restored)
   * @throws SchemaViolationException if it does not fit
   */
  public static void validate(
      String pstate, SchemaNode schema, Object value, List<Object> location) {
    if (value == null) {
      return;
    }
    SchemaNode s = MigratedSchemaNode.unwrap(schema);
    if (value instanceof StoredStructure) {
      SchemaNode stored = MigratedSchemaNode.unwrap(((StoredStructure) value).storedSchema());
      if (!sameShape(stored, s)) {
        throw new SchemaViolationException(
            pstate,
            location,
            "expected " + s.describe() + " but got a subindexed " + stored.describe());
      }
      return;
    }
    if (s instanceof ClassSchema) {
      Class<?> c = ((ClassSchema) s).type();
      if (!c.isInstance(value)) {
        throw mismatch(pstate, location, "value", c.getSimpleName(), value);
      }
    } else if (s instanceof MapSchema) {
      MapSchema m = (MapSchema) s;
      if (!(value instanceof Map)) {
        throw mismatch(pstate, location, "value", "Map for " + m.describe(), value);
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        validateKey(pstate, m.keyClass(), e.getKey(), location);
        location.add(e.getKey());
        validate(pstate, m.valueSchema(), e.getValue(), location);
        location.remove(location.size() - 1);
      }
    } else if (s instanceof SetSchema) {
      SetSchema ss = (SetSchema) s;
      if (!(value instanceof Set)) {
        throw mismatch(pstate, location, "value", "Set for " + ss.describe(), value);
      }
      for (Object e : (Collection<?>) value) {
        if (e != null && !ss.elementClass().isInstance(e)) {
          throw mismatch(pstate, location, "set element", ss.elementClass().getSimpleName(), e);
        }
      }
    } else if (s instanceof ListSchema) {
      ListSchema ls = (ListSchema) s;
      if (!(value instanceof List)) {
        throw mismatch(pstate, location, "value", "List for " + ls.describe(), value);
      }
      int i = 0;
      for (Object e : (List<?>) value) {
        location.add(i++);
        validate(pstate, ls.elementSchema(), e, location);
        location.remove(location.size() - 1);
      }
    } else if (s instanceof FixedKeysSchema) {
      FixedKeysSchema f = (FixedKeysSchema) s;
      if (!(value instanceof Map)) {
        throw mismatch(pstate, location, "value", "Map for " + f.describe(), value);
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        SchemaNode field = fixedKey(pstate, f, e.getKey(), location);
        location.add(e.getKey());
        validate(pstate, field, e.getValue(), location);
        location.remove(location.size() - 1);
      }
    }
  }

  /**
   * Checks a map key.
   *
   * @param pstate PState name
   * @param keyClass expected key class
   * @param key the key
   * @param location location of the map
   */
  public static void validateKey(
      String pstate, Class<?> keyClass, Object key, List<Object> location) {
    if (key == null) {
      throw new SchemaViolationException(
          pstate, location, "map key is null, expected a " + keyClass.getSimpleName());
    }
    if (!keyClass.isInstance(key)) {
      throw mismatch(pstate, location, "map key " + key, keyClass.getSimpleName(), key);
    }
  }

  /**
   * Looks up a fixed key's schema.
   *
   * @param pstate PState name
   * @param f the fixed-keys schema
   * @param key the key written
   * @param location location of the fixed-keys map
   * @return the key's schema
   * @throws SchemaViolationException if the key is not declared
   */
  public static SchemaNode fixedKey(
      String pstate, FixedKeysSchema f, Object key, List<Object> location) {
    SchemaNode field = f.fields().get(key);
    if (field == null) {
      throw new SchemaViolationException(
          pstate, location, "key " + key + " is not one of the fixed keys " + f.fields().keySet());
    }
    return field;
  }

  /**
   * Checks a set element.
   *
   * @param pstate PState name
   * @param s the set schema
   * @param e the element
   * @param location location of the set
   */
  public static void validateElement(String pstate, SetSchema s, Object e, List<Object> location) {
    if (e != null && !s.elementClass().isInstance(e)) {
      throw mismatch(pstate, location, "set element", s.elementClass().getSimpleName(), e);
    }
  }

  private static boolean sameShape(SchemaNode a, SchemaNode b) {
    return a.equals(b)
        || (b instanceof ClassSchema && ((ClassSchema) b).type().isInstance(emptyOf(a)));
  }

  private static Object emptyOf(SchemaNode a) {
    if (a instanceof MapSchema) {
      return Map.of();
    } else if (a instanceof SetSchema) {
      return Set.of();
    } else if (a instanceof ListSchema) {
      return List.of();
    }
    return null;
  }

  private static SchemaViolationException mismatch(
      String pstate, List<Object> location, String what, String expected, Object actual) {
    return new SchemaViolationException(
        pstate, location, what + " has type " + Classes.typeOf(actual) + ", expected " + expected);
  }
}
