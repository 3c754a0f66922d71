package dev.deimos.server.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was done to the server's modules (launch, update, destroy, option changes, failed attempts
 * at them), newest last, kept in memory (the last {@link #KEPT}) and appended to {@code
 * operations.log} under the data directory, one tab-separated line per operation, so the history
 * outlives restarts. Thread-safe.
 */
public final class OperationLog {
  private static final Logger LOG = LoggerFactory.getLogger(OperationLog.class);

  /** Entries kept in memory. */
  public static final int KEPT = 1000;

  /**
   * One operation.
   *
   * @param atMillis when it happened
   * @param module the module
   * @param action launch, update, destroy, setOption, relaunch, ...
   * @param detail what it was (an option's key and value, a jar, an error)
   * @param ok whether it succeeded
   */
  public record Entry(long atMillis, String module, String action, String detail, boolean ok) {}

  private final Path file;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  /**
   * Opens the log, reading the entries an earlier run wrote.
   *
   * @param file the log file (created on first write), or null to keep entries in memory only
   */
  public OperationLog(Path file) {
    this.file = file;
    if (file != null && Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t", 5);
          if (f.length == 5) {
            keep(new Entry(Long.parseLong(f[0]), f[1], f[2], unescape(f[4]), f[3].equals("ok")));
          }
        }
      } catch (IOException | NumberFormatException e) {
        LOG.warn("cannot read the operation log {}: {}", file, e.toString());
      }
    }
  }

  /**
   * Records an operation.
   *
   * @param module the module
   * @param action what was done
   * @param detail details
   * @param ok whether it succeeded
   */
  public void record(String module, String action, String detail, boolean ok) {
    Entry e =
        new Entry(System.currentTimeMillis(), module, action, detail == null ? "" : detail, ok);
    synchronized (this) {
      keep(e);
      if (file != null) {
        String line =
            e.atMillis()
                + "\t"
                + e.module()
                + "\t"
                + e.action()
                + "\t"
                + (ok ? "ok" : "failed")
                + "\t"
                + escape(e.detail())
                + "\n";
        try {
          Files.writeString(
              file,
              line,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException ex) {
          LOG.warn("cannot append to the operation log {}: {}", file, ex.toString());
        }
      }
    }
  }

  private void keep(Entry e) {
    entries.addLast(e);
    while (entries.size() > KEPT) {
      entries.removeFirst();
    }
  }

  /**
   * Returns the entries of a module (all modules when null), oldest first.
   *
   * @param module the module or null
   * @return a copy
   */
  public synchronized List<Entry> entries(String module) {
    List<Entry> r = new ArrayList<>();
    for (Entry e : entries) {
      if (module == null || e.module().equals(module)) {
        r.add(e);
      }
    }
    return r;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
