package dev.deimos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What users see of the engine: no public or protected member of a public API class names an engine
 * type ({@code dev.deimos.impl...}) in its signature, so every exception users catch and every
 * value they hold is a public type. The one exception is the type Rama itself exposes from its
 * {@code impl} package and the rename contract therefore keeps there: {@code
 * dev.deimos.impl.NativeDepotPartitioning}, what {@code Depot.hashBy/random/disallow} return.
 */
class PublicApiSurfaceTest {
  private static final Set<String> RAMA_MIRRORED =
      Set.of("dev.deimos.impl.NativeDepotPartitioning");

  @Test
  void publicApi_namesNoEngineTypes() throws Exception {
    List<String> found = new ArrayList<>();
    for (Class<?> c : publicApiClasses()) {
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          check(found, c, m.toGenericString(), m.getGenericReturnType());
          checkExecutable(found, c, m);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers()) && !k.isSynthetic()) {
          checkExecutable(found, c, k);
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          check(found, c, f.toGenericString(), f.getGenericType());
        }
      }
      check(found, c, "superclass", c.getGenericSuperclass());
      for (Type i : c.getGenericInterfaces()) {
        check(found, c, "implements", i);
      }
    }
    assertThat(found).as("engine types in the public API").isEmpty();
  }

  @Test
  void exceptionsUsersCatch_areInPublicPackages() throws Exception {
    assertThat(SchemaViolationException.class.getPackageName()).isEqualTo("dev.deimos");
    assertThat(PathException.class.getPackageName()).isEqualTo("dev.deimos");
    assertThat(DeimosCompileException.class.getPackageName()).isEqualTo("dev.deimos");
    // the scan covers the rest: an engine exception in a public `throws` clause fails it
    assertThat(publicApiClasses()).contains(Depot.class, SchemaViolationException.class);
  }

  private static void checkExecutable(List<String> found, Class<?> c, Executable e) {
    for (Type t : e.getGenericParameterTypes()) {
      check(found, c, e.toGenericString(), t);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(found, c, e.toGenericString(), t);
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> found, Class<?> owner, String where, Type t) {
    Set<String> engine = new TreeSet<>();
    collect(t, engine, 0);
    for (String e : engine) {
      found.add(owner.getName() + ": " + where + " -> " + e);
    }
  }

  private static void collect(Type t, Set<String> out, int depth) {
    if (t == null || depth > 8) {
      return;
    }
    if (t instanceof Class<?> k) {
      while (k.isArray()) {
        k = k.getComponentType();
      }
      if (k.getName().startsWith("dev.deimos.impl.") && !RAMA_MIRRORED.contains(k.getName())) {
        out.add(k.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      collect(p.getRawType(), out, depth + 1);
      for (Type a : p.getActualTypeArguments()) {
        collect(a, out, depth + 1);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        collect(b, out, depth + 1);
      }
      for (Type b : w.getLowerBounds()) {
        collect(b, out, depth + 1);
      }
    } else if (t instanceof GenericArrayType g) {
      collect(g.getGenericComponentType(), out, depth + 1);
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        collect(b, out, depth + 1);
      }
    }
  }

  /** The public classes (and their public nested classes) of every public API package. */
  static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException {
    Path root = Paths.get(Depot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path base = root.resolve("dev").resolve("deimos");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (!rel.endsWith(".class")
            || rel.startsWith("dev/deimos/impl/")
            || rel.endsWith("package-info.class")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        Class<?> c;
        try {
          c = Class.forName(name, false, PublicApiSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          throw new UncheckedIOException(new IOException("cannot load " + name, e));
        }
        if (isPublicAll(c) && !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean isPublicAll(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
