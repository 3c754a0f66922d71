package dev.deimos.server;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * Class loaders for module jars. Each jar gets its own loader whose parent shows only the Deimos
 * API and engine ({@code dev.deimos.*} but not the server) and SLF4J from the server, and the JDK:
 * a module's classes never reach the server or another module, and a module cannot see the server's
 * Netty, YAML or Logback.
 */
final class ModuleLoaders {
  private ModuleLoaders() {}

  private static final ClassLoader API = new ApiLoader(ModuleLoaders.class.getClassLoader());

  /**
   * Opens a loader over a jar.
   *
   * @param jar the module jar
   * @return the loader
   */
  static URLClassLoader forJar(Path jar) {
    try {
      return new URLClassLoader(
          "deimos-module:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, API);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot open jar " + jar + ": " + e, e);
    }
  }

  /** The parent of every module loader: platform classes plus the Deimos API from the server. */
  private static final class ApiLoader extends ClassLoader {
    private final ClassLoader server;

    ApiLoader(ClassLoader server) {
      super("deimos-api", ClassLoader.getPlatformClassLoader());
      this.server = server;
    }

    private static boolean shared(String name) {
      return (name.startsWith("dev.deimos.") && !name.startsWith("dev.deimos.server."))
          || name.startsWith("org.slf4j.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (shared(name)) {
        return server.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    protected URL findResource(String name) {
      return shared(name.replace('/', '.')) ? server.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
      return shared(name.replace('/', '.'))
          ? server.getResources(name)
          : java.util.Collections.emptyEnumeration();
    }
  }

  /**
   * The loader a module's threads use as their context loader. It forwards to the module's current
   * jar loader, switched on update, so records deserialized on task threads that outlive an update
   * resolve to the new code's classes.
   */
  static final class Current extends ClassLoader {
    private volatile ClassLoader target;

    Current(ClassLoader target) {
      super("deimos-module-current", null);
      this.target = target;
    }

    ClassLoader target() {
      return target;
    }

    void switchTo(ClassLoader t) {
      this.target = t;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      return target.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
      return target.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return target.getResources(name);
    }
  }
}
