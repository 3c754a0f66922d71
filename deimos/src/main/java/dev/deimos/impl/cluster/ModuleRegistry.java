package dev.deimos.impl.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules a durable in-process cluster has launched, kept in its data directory so that
 * reopening the directory can launch them again: per module its name, the class of the instance
 * last launched or updated, and its tasks, threads and workers. Also holds the directory's lock, so
 * that one cluster at a time (in any process) uses a directory.
 *
 * <p>Format: a text file {@value #FILE}, first line {@value #HEADER}, then one line per module in
 * launch order (which keeps a mirrored module before the modules mirroring it): name, class name,
 * tasks, threads and workers separated by tabs. Every change rewrites it to a temporary file,
 * forces it and renames it over the old one, so a crash leaves either version, never a mix.
 */
final class ModuleRegistry implements AutoCloseable {
  static final String FILE = "modules.registry";
  static final String LOCK = "cluster.lock";
  static final String HEADER = "deimos-modules 1";

  /** One recorded module. */
  static final class Entry {
    final String name;
    final String className;
    final int tasks;
    final int threads;
    final int workers;

    Entry(String name, String className, int tasks, int threads, int workers) {
      this.name = name;
      this.className = className;
      this.tasks = tasks;
      this.threads = threads;
      this.workers = workers;
    }

    String describe() {
      return tasks + " tasks, " + threads + " threads and " + workers + " workers";
    }
  }

  private final Path dir;
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private ModuleRegistry(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.file = dir.resolve(FILE);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating if absent) the registry of a data directory and locks the directory.
   *
   * @param dir the data directory
   * @return the registry
   * @throws IllegalStateException if another cluster has the directory open, or the file is damaged
   * @throws UncheckedIOException if the directory cannot be created or read
   */
  static ModuleRegistry open(Path dir) {
    FileChannel ch = null;
    try {
      Files.createDirectories(dir);
      ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        throw new IllegalStateException(
            "data directory "
                + dir
                + " is in use by another cluster (lock "
                + dir.resolve(LOCK)
                + " is held); close that cluster first");
      }
      ModuleRegistry r = new ModuleRegistry(dir, ch, l);
      r.read();
      return r;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new UncheckedIOException("cannot open data directory " + dir + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  private void read() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalStateException(
          file + ": not a module registry of this version (first line must be " + HEADER + ")");
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      try {
        if (f.length != 5) {
          throw new IllegalArgumentException("expected 5 tab-separated fields, got " + f.length);
        }
        Entry e =
            new Entry(
                f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]));
        entries.put(e.name, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            file + ", line " + (i + 1) + ": damaged module entry (" + e.getMessage() + ")", e);
      }
    }
  }

  /** The recorded modules in launch order. */
  synchronized List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** The entry of a module, or null. */
  synchronized Entry get(String name) {
    return entries.get(name);
  }

  /** Records (or replaces, keeping its place) a module's entry, durably. */
  synchronized void put(Entry e) {
    check(e.name, "module name");
    check(e.className, "class name");
    entries.put(e.name, e);
    write();
  }

  private static void check(String s, String what) {
    if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " " + s + " contains a tab or line break");
    }
  }

  /** Forgets a module, durably. */
  synchronized void remove(String name) {
    if (entries.remove(name) != null) {
      write();
    }
  }

  private void write() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (Entry e : entries.values()) {
      b.append(e.name)
          .append('\t')
          .append(e.className)
          .append('\t')
          .append(e.tasks)
          .append('\t')
          .append(e.threads)
          .append('\t')
          .append(e.workers)
          .append('\n');
    }
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      // the rename itself must survive a crash
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // some platforms cannot open a directory; the rename is then as durable as they make it
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e, e);
    }
  }

  /** Releases the directory's lock. */
  @Override
  public synchronized void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // the channel's close releases it as well
    }
    closeQuietly(lockChannel);
  }
}
