package dev.deimos.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The server's metadata on disk: one folder per deployed module under {@code <local.dir>/modules},
 * holding its jar and a {@code module.properties} (class, name, launch config, options, launch
 * order). Every change is written to a temporary file, forced to disk and renamed over the old one,
 * so a SIGKILL at any point leaves either the old or the new state, never a torn one.
 */
final class ModuleStore {
  /** What is stored about one module. */
  static final class Entry {
    String moduleName;
    String className;
    String jar;
    int tasks;
    int threads;
    int workers;
    long seq;
    String configOverrides = "";
    String moduleOptions = "";
    final Map<String, String> options = new LinkedHashMap<>();
  }

  private final Path root;

  ModuleStore(Path localDir) {
    this.root = localDir.resolve("modules");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
  }

  Path dirOf(String moduleName) {
    return root.resolve(moduleName.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** Copies an uploaded jar into the module's folder under a new generation name. */
  Path storeJar(String moduleName, byte[] jar) throws IOException {
    Path dir = dirOf(moduleName);
    Files.createDirectories(dir);
    Path f = dir.resolve("module-" + System.currentTimeMillis() + "-" + System.nanoTime() + ".jar");
    writeDurably(f, jar);
    return f;
  }

  /** Writes the module's properties atomically and removes jars it no longer names. */
  void save(Entry e) throws IOException {
    Properties p = new Properties();
    p.setProperty("moduleName", e.moduleName);
    p.setProperty("className", e.className);
    p.setProperty("jar", e.jar);
    p.setProperty("tasks", Integer.toString(e.tasks));
    p.setProperty("threads", Integer.toString(e.threads));
    p.setProperty("workers", Integer.toString(e.workers));
    p.setProperty("seq", Long.toString(e.seq));
    p.setProperty("configOverrides", e.configOverrides);
    p.setProperty("moduleOptions", e.moduleOptions);
    e.options.forEach((k, v) -> p.setProperty("option." + k, v));
    Path dir = dirOf(e.moduleName);
    Files.createDirectories(dir);
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
    p.store(bos, "Deimos module metadata");
    writeDurably(dir.resolve("module.properties"), bos.toByteArray());
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "module-*.jar")) {
      for (Path j : ds) {
        if (!j.getFileName().toString().equals(e.jar)) {
          Files.deleteIfExists(j);
        }
      }
    }
  }

  /** Forgets a module: its properties go first, so a crash half-way leaves it forgotten. */
  void delete(String moduleName) throws IOException {
    Path dir = dirOf(moduleName);
    Files.deleteIfExists(dir.resolve("module.properties"));
    fsyncDir(dir);
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }

  /** Every stored module, in launch order. */
  List<Entry> load() throws IOException {
    List<Entry> r = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path dir : ds) {
        Path f = dir.resolve("module.properties");
        if (!Files.isRegularFile(f)) {
          continue; // an upload that never became a module, or a half-deleted one
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
          p.load(in);
        }
        Entry e = new Entry();
        e.moduleName = p.getProperty("moduleName");
        e.className = p.getProperty("className");
        e.jar = p.getProperty("jar");
        e.tasks = Integer.parseInt(p.getProperty("tasks"));
        e.threads = Integer.parseInt(p.getProperty("threads"));
        e.workers = Integer.parseInt(p.getProperty("workers"));
        e.seq = Long.parseLong(p.getProperty("seq"));
        e.configOverrides = p.getProperty("configOverrides", "");
        e.moduleOptions = p.getProperty("moduleOptions", "");
        for (String k : p.stringPropertyNames()) {
          if (k.startsWith("option.")) {
            e.options.put(k.substring("option.".length()), p.getProperty(k));
          }
        }
        r.add(e);
      }
    }
    r.sort(Comparator.comparingLong(x -> x.seq));
    return r;
  }

  Path jarPath(Entry e) {
    return dirOf(e.moduleName).resolve(e.jar);
  }

  private static void writeDurably(Path f, byte[] bytes) throws IOException {
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      out.write(bytes);
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDir(f.getParent());
  }

  private static void fsyncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename is still atomic there
    }
  }
}
