package dev.deimos.impl.storage;

import dev.deimos.impl.depot.DepotLog;
import dev.deimos.impl.depot.FileDepotLog;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.rocksdb.TaskDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every module's data in one data directory:
 *
 * <pre>
 * DIR/deimos.lock                          held while a factory has the directory open
 * DIR/modules/MODULE/depots/DEPOT/         one {@link FileDepotLog} per depot (segments per partition)
 * DIR/modules/MODULE/tasks/task-N/         one RocksDB per task: a column family per PState
 *                                          ("pstate:NAME") and the task's progress ("progress")
 * </pre>
 *
 * MODULE and DEPOT are the names with every character outside {@code [A-Za-z0-9_-]} written as
 * {@code %XX} (its UTF-8 bytes), so any name maps to one directory and back ({@link #escape},
 * {@link #unescape}).
 *
 * <p>A task's PState commits become durable with its next progress commit, in one RocksDB write
 * (see {@link TaskDb}). Opening a PState whose data was written under another schema fails, naming
 * the module, the PState and both schemas.
 *
 * <p>Thread-safe; calls come from threads launching, updating or destroying modules.
 */
public final class DiskStorageFactory implements StorageFactory {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStorageFactory.class);

  /** The lock file in the data directory. */
  public static final String LOCK_FILE = "deimos.lock";

  private final Path dir;
  private final DiskStorageOptions options;
  private final TaskDb.Settings settings;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, ModuleFiles> open = new HashMap<>();
  private boolean closed;

  /** What the factory holds open for one module. */
  private static final class ModuleFiles {
    final Map<Integer, TaskDb> tasks = new HashMap<>();
    final List<FileDepotLog> logs = new ArrayList<>();
  }

  /**
   * Opens (creating if needed) a data directory and locks it for this factory until {@link #close}.
   *
   * @param dir the data directory
   * @param options settings
   * @throws IllegalStateException naming the directory and its lock file if another factory (in
   *     this or another process) has it open, or if it cannot be created
   */
  public DiskStorageFactory(Path dir, DiskStorageOptions options) {
    if (dir == null || options == null) {
      throw new IllegalArgumentException("data directory and options must not be null");
    }
    this.dir = dir.toAbsolutePath();
    this.options = options;
    Path lockFile = this.dir.resolve(LOCK_FILE);
    FileChannel ch = null;
    FileLock l = null;
    try {
      Files.createDirectories(this.dir.resolve("modules"));
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
    } catch (IOException e) {
      closeQuietly(ch);
      throw new IllegalStateException(
          "cannot open data directory " + this.dir + ": " + e.getMessage(), e);
    }
    if (l == null) {
      closeQuietly(ch);
      throw new IllegalStateException(
          "data directory "
              + this.dir
              + " is in use by another process or cluster (lock file "
              + lockFile
              + " is held); close it there first");
    }
    this.lockChannel = ch;
    this.lock = l;
    this.settings =
        new TaskDb.Settings(
            options.syncCommits(),
            options.maxPendingRows(),
            options.writeBufferBytes(),
            options.blockCacheBytes());
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing to keep
      }
    }
  }

  /** The data directory. */
  public Path directory() {
    return dir;
  }

  /** The settings. */
  public DiskStorageOptions options() {
    return options;
  }

  @Override
  public boolean durable() {
    return true;
  }

  /** The directory of a module's data. */
  public Path moduleDirectory(String module) {
    return dir.resolve("modules").resolve(escape(module));
  }

  /**
   * The names of the modules that have data in the directory.
   *
   * @return the names, sorted
   */
  public synchronized java.util.SortedSet<String> storedModules() {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir.resolve("modules"))) {
      s.forEach(p -> out.add(unescape(p.getFileName().toString())));
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir.resolve("modules"), e);
    }
    return out;
  }

  private ModuleFiles files(String module) {
    if (closed) {
      throw new IllegalStateException("data directory " + dir + " is closed");
    }
    return open.computeIfAbsent(module, m -> new ModuleFiles());
  }

  private TaskDb taskDb(String module, int task) {
    ModuleFiles f = files(module);
    TaskDb t = f.tasks.get(task);
    if (t == null || t.isClosed()) {
      t =
          TaskDb.open(
              "module " + module + ", task " + task,
              moduleDirectory(module).resolve("tasks").resolve("task-" + task),
              settings);
      f.tasks.put(task, t);
    }
    return t;
  }

  @Override
  public synchronized DepotLog openDepotLog(String module, String depotVar, int partitions) {
    ModuleFiles f = files(module);
    Path d = moduleDirectory(module).resolve("depots").resolve(escape(depotVar));
    try {
      FileDepotLog log =
          FileDepotLog.open(module + "/" + depotVar, d, partitions, options.depotLog());
      f.logs.add(log);
      return log;
    } catch (IOException e) {
      throw new IllegalStateException(
          "module " + module + ", depot " + depotVar + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized PStateStore openPStateStore(
      String module, int task, PStateDeclaration declaration) {
    return taskDb(module, task).openPState(module, declaration);
  }

  @Override
  public synchronized ProgressStore openProgressStore(String module, int task) {
    return taskDb(module, task).progressStore();
  }

  @Override
  public synchronized void closeModule(String module) {
    ModuleFiles f = open.remove(module);
    if (f == null) {
      return;
    }
    for (FileDepotLog l : f.logs) {
      l.close();
    }
    for (TaskDb t : f.tasks.values()) {
      t.close();
    }
  }

  @Override
  public synchronized void destroyModule(String module) {
    closeModule(module);
    Path d = moduleDirectory(module);
    if (!Files.exists(d)) {
      return;
    }
    try (Stream<Path> s = Files.walk(d)) {
      List<Path> all = new ArrayList<>();
      s.forEach(all::add);
      for (int i = all.size() - 1; i >= 0; i--) {
        Files.delete(all.get(i));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "module " + module + ": cannot delete its data in " + d + ": " + e.getMessage(), e);
    }
    LOG.debug("deleted the data of module {} in {}", module, d);
  }

  /** Closes every module's files and releases the data directory's lock. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    for (String m : new ArrayList<>(open.keySet())) {
      closeModule(m);
    }
    closed = true;
    settings.close();
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("releasing {} failed: {}", dir.resolve(LOCK_FILE), e.toString());
    }
  }

  /**
   * A name as a file name: {@code [A-Za-z0-9_-]} kept, every other character as {@code %XX} per
   * UTF-8 byte. Never empty ({@code %} alone stands for the empty name).
   *
   * @param name any name
   * @return the file name
   */
  public static String escape(String name) {
    if (name.isEmpty()) {
      return "%";
    }
    StringBuilder sb = new StringBuilder(name.length() + 8);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-') {
        sb.append(c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return sb.toString();
  }

  /**
   * The inverse of {@link #escape}.
   *
   * @param file a file name made by {@link #escape}
   * @return the name
   * @throws IllegalArgumentException if it is not such a file name
   */
  public static String unescape(String file) {
    if (file.equals("%")) {
      return "";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(file.length());
    for (int i = 0; i < file.length(); i++) {
      char c = file.charAt(i);
      if (c == '%') {
        if (i + 2 >= file.length()) {
          throw new IllegalArgumentException("not an escaped name: " + file);
        }
        int hi = Character.digit(file.charAt(i + 1), 16);
        int lo = Character.digit(file.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("not an escaped name: " + file);
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
