package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.ops.DeimosFunction1;
import java.io.Closeable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small utilities for topology code: reading Java fields into dataflow vars, and a controllable
 * clock for tests.
 *
 * <p><b>Field access.</b> {@link #extractJavaFields} and {@link ExtractJavaField} read instance
 * fields (public or private, declared on the class or inherited) by name. Accessors are looked up
 * once per class and cached as {@link MethodHandle}s, so reading a field in a running topology does
 * no reflective lookup. A field declared on a subclass hides a same-named field of a superclass.
 * Fields of classes whose package is closed to this module (e.g. most JDK internals) are readable
 * only when they are public.
 *
 * <p><b>Sim time.</b> {@link #currentTimeMillis()} returns {@link System#currentTimeMillis()} until
 * {@link #startSimTime()} is called; from then on it returns a simulated clock that starts at 0 and
 * moves only through {@link #advanceSimTime(long)}, until the returned handle is closed. Sim time
 * is one global setting for the whole JVM, so tests that use it must not run in parallel with other
 * tests that read the clock, and must close the handle (try-with-resources).
 *
 * <p>All methods are thread-safe.
 */
public final class TopologyUtils {

  private TopologyUtils() {}

  // ---- field access ----

  private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);

  private static final ClassValue<Map<String, MethodHandle>> FIELD_CACHE =
      new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
          return Collections.unmodifiableMap(buildGetters(type));
        }
      };

  private static final ClassValue<Map<String, Field>> FIELDS =
      new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
          Map<String, Field> out = new LinkedHashMap<>();
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              // Same visibility rule as the getter cache, so both maps list the same names.
              if (FIELD_CACHE.get(type).containsKey(f.getName()) && !out.containsKey(f.getName())) {
                out.put(f.getName(), f);
              }
            }
          }
          return Collections.unmodifiableMap(out);
        }
      };

  /**
   * Returns the instance fields of a class that field extraction can read, by field name.
   *
   * <p>The map covers every instance field this module can read: all fields of classes whose
   * package is open to it (application classes on the class path), and public fields of public
   * classes otherwise; a subclass field hides a superclass field of the same name. It is computed
   * once per class. Reads through {@link #getFieldByName} and {@link ExtractJavaField} use cached
   * method handles for the same fields rather than these reflective objects.
   *
   * @param klass the class whose fields to list
   * @return an unmodifiable map from field name to field
   */
  public static Map<String, Field> getFieldCache(Class<?> klass) {
    return FIELDS.get(klass);
  }

  /**
   * Reads one instance field of an object by name.
   *
   * @param obj the object to read from
   * @param fieldName the field's name (without {@code *})
   * @return the field's value, boxed if primitive
   * @throws IllegalArgumentException if {@code obj} is null or its class has no readable field of
   *     that name; the message names the class and the field
   */
  @SuppressWarnings("unchecked")
  public static <T> T getFieldByName(Object obj, String fieldName) {
    return (T) read(getter(obj, fieldName), obj, fieldName);
  }

  static MethodHandle getter(Object obj, String fieldName) {
    if (obj == null) {
      throw new IllegalArgumentException("Cannot read field '" + fieldName + "' from null");
    }
    MethodHandle h = FIELD_CACHE.get(obj.getClass()).get(fieldName);
    if (h == null) {
      throw new IllegalArgumentException(
          "Field '"
              + fieldName
              + "' does not exist on "
              + obj.getClass().getName()
              + " (readable fields: "
              + FIELD_CACHE.get(obj.getClass()).keySet()
              + ")");
    }
    return h;
  }

  static Object read(MethodHandle h, Object obj, String fieldName) {
    try {
      return (Object) h.invokeExact(obj);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      // Field getters throw nothing checked; wrap anyway so the signature stays clean.
      throw new IllegalStateException(
          "Reading field '" + fieldName + "' of " + obj.getClass().getName() + " failed", t);
    }
  }

  private static Map<String, MethodHandle> buildGetters(Class<?> type) {
    Map<String, MethodHandle> out = new LinkedHashMap<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      MethodHandles.Lookup lookup = privateLookup(c);
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || out.containsKey(f.getName())) {
          continue;
        }
        MethodHandle h = unreflect(lookup, f);
        if (h != null) {
          out.put(f.getName(), h.asType(GETTER_TYPE));
        }
      }
    }
    return out;
  }

  private static MethodHandles.Lookup privateLookup(Class<?> c) {
    try {
      return MethodHandles.privateLookupIn(c, MethodHandles.lookup());
    } catch (IllegalAccessException | SecurityException e) {
      // Package not open to us: only public members of public classes stay reachable.
      return null;
    }
  }

  private static MethodHandle unreflect(MethodHandles.Lookup lookup, Field f) {
    try {
      if (lookup != null) {
        return lookup.unreflectGetter(f);
      }
      if (Modifier.isPublic(f.getModifiers())
          && Modifier.isPublic(f.getDeclaringClass().getModifiers())) {
        return MethodHandles.publicLookup().unreflectGetter(f);
      }
    } catch (IllegalAccessException e) {
      // Not readable from here; leave it out of the map.
    }
    return null;
  }

  /**
   * A dataflow function that returns one field of its argument, e.g. {@code Block.each(new
   * ExtractJavaField("userId"), "*event").out("*userId")}.
   *
   * <p>The getter for the last class seen is kept in the instance, so a topology that always sees
   * the same class reads the field with one handle call. Subclasses may use the no-argument
   * constructor and override {@link #getFieldName()}.
   *
   * <p>Invoking it on an object without that field throws {@link IllegalArgumentException} naming
   * the class and the field. Instances are thread-safe.
   */
  public static class ExtractJavaField implements DeimosFunction1<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** The class and getter used last; rebuilt after deserialization. */
    private transient volatile Cached cached;

    /**
     * Creates a function reading {@code field}.
     *
     * @param field the field's name (without {@code *})
     */
    public ExtractJavaField(String field) {
      this.field = field;
    }

    /** For subclasses that supply the field name by overriding {@link #getFieldName()}. */
    protected ExtractJavaField() {
      this(null);
    }

    /**
     * Names the field this function reads.
     *
     * @return the field name given to the constructor
     */
    public String getFieldName() {
      return field;
    }

    @Override
    public Object invoke(Object obj) {
      Cached c = cached;
      if (c == null || obj == null || c.type != obj.getClass()) {
        String name = getFieldName();
        c = new Cached(obj == null ? null : obj.getClass(), getter(obj, name), name);
        cached = c;
      }
      return read(c.getter, obj, c.name);
    }

    private static final class Cached {
      final Class<?> type;
      final MethodHandle getter;
      final String name;

      Cached(Class<?> type, MethodHandle getter, String name) {
        this.type = type;
        this.getter = getter;
        this.name = name;
      }
    }
  }

  /**
   * Builds a block that binds vars from fields of a value: each var {@code *name} is bound to field
   * {@code name} of {@code from}. Use it with {@code macro}: {@code
   * .macro(extractJavaFields("*event", "*userId", "*amount"))}.
   *
   * @param from a var, or a plain value, to read the fields of
   * @param fieldVars the vars to bind; each must start with {@code *}
   * @return a block of one {@code each(new ExtractJavaField(name), from).out(var)} per var
   * @throws IllegalArgumentException if a field var does not start with {@code *}
   */
  public static Block extractJavaFields(Object from, String... fieldVars) {
    Block.Impl ret = Block.create();
    for (String var : fieldVars) {
      if (var == null || var.length() < 2 || var.charAt(0) != '*') {
        throw new IllegalArgumentException(
            "extractJavaFields: field var '" + var + "' must be a var name like *field");
      }
      ret = ret.each(new ExtractJavaField(var.substring(1)), from).out(var);
    }
    return ret;
  }

  // ---- sim time ----

  /** Sentinel meaning sim time is off. */
  private static final long REAL_TIME = Long.MIN_VALUE;

  private static final AtomicLong SIM_TIME = new AtomicLong(REAL_TIME);

  /**
   * Switches {@link #currentTimeMillis()} to simulated time starting at 0, for the whole JVM.
   * Calling it while sim time is already on resets the clock to 0.
   *
   * @return a handle whose {@code close()} switches back to real time; closing it again does
   *     nothing
   */
  public static Closeable startSimTime() {
    SIM_TIME.set(0L);
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        SIM_TIME.set(REAL_TIME);
      }
    };
  }

  /**
   * Moves simulated time forward.
   *
   * @param millis how far to move it
   * @throws IllegalStateException if sim time is not on
   */
  public static void advanceSimTime(long millis) {
    long now =
        SIM_TIME.getAndUpdate(
            t -> {
              if (t == REAL_TIME) {
                return t;
              }
              return t + millis;
            });
    if (now == REAL_TIME) {
      throw new IllegalStateException("advanceSimTime: sim time is not started (startSimTime)");
    }
  }

  /**
   * Returns the current time in milliseconds: simulated while sim time is on, otherwise {@link
   * System#currentTimeMillis()}.
   *
   * @return the time in milliseconds since the epoch (or since {@link #startSimTime()})
   */
  public static long currentTimeMillis() {
    long t = SIM_TIME.get();
    return t == REAL_TIME ? System.currentTimeMillis() : t;
  }
}
