package dev.deimos.impl.serial;

import dev.deimos.DeimosCustomSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's {@link DeimosCustomSerialization}s of one cluster, plugged into a {@link ValueCodec}
 * as its extension. A written value starts with the index of its serializer in the registration
 * list, so the same list must be used to read it back (one cluster does).
 */
public final class CustomSerializations implements ValueCodec.Extension {
  private final List<DeimosCustomSerialization<Object>> serializers = new ArrayList<>();
  private final List<Class<?>> targets = new ArrayList<>();
  // which serializer (index, or -1 for none) a concrete class uses; computed once per class
  private final Map<Class<?>, Integer> byClass = new ConcurrentHashMap<>();

  /**
   * Instantiates the given serializer classes.
   *
   * @param classes classes implementing {@link DeimosCustomSerialization}
   * @throws IllegalArgumentException if a class does not implement it or cannot be instantiated
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public CustomSerializations(List<Class> classes) {
    for (Class c : classes) {
      if (c == null || !DeimosCustomSerialization.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException(
            "custom serialization "
                + (c == null ? "null" : c.getName())
                + " does not implement dev.deimos.DeimosCustomSerialization");
      }
      DeimosCustomSerialization<Object> s;
      try {
        java.lang.reflect.Constructor<?> ctor = c.getDeclaredConstructor();
        ctor.setAccessible(true);
        s = (DeimosCustomSerialization<Object>) ctor.newInstance();
      } catch (NoSuchMethodException
          | InstantiationException
          | IllegalAccessException
          | InvocationTargetException e) {
        throw new IllegalArgumentException(
            "custom serialization " + c.getName() + " needs a public no-argument constructor", e);
      }
      Class<?> target = s.targetType();
      if (target == null) {
        throw new IllegalArgumentException(
            "custom serialization " + c.getName() + ": targetType() returned null");
      }
      serializers.add(s);
      targets.add(target);
    }
  }

  /**
   * Returns whether no serializer is registered.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return serializers.isEmpty();
  }

  private int indexFor(Class<?> c) {
    Integer i = byClass.get(c);
    if (i == null) {
      i = -1;
      for (int k = 0; k < targets.size(); k++) {
        if (targets.get(k).isAssignableFrom(c)) {
          i = k;
          break;
        }
      }
      byClass.put(c, i);
    }
    return i;
  }

  @Override
  public boolean handles(Object o) {
    return indexFor(o.getClass()) >= 0;
  }

  @Override
  public byte[] write(Object o) {
    int i = indexFor(o.getClass());
    DeimosCustomSerialization<Object> s = serializers.get(i);
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      out.writeShort(i);
      s.serialize(o, out);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "Cannot serialize a value of type "
              + o.getClass().getName()
              + " with custom serialization "
              + s.getClass().getName()
              + ": "
              + e,
          e);
    }
    return bos.toByteArray();
  }

  @Override
  public Object read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int i = in.readUnsignedShort();
      if (i >= serializers.size()) {
        throw new IllegalArgumentException(
            "Value was written by custom serialization #" + i + ", which is not registered");
      }
      return serializers.get(i).deserialize(in);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("Custom deserialization failed: " + e, e);
    }
  }
}
