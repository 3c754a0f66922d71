package dev.deimos.impl.depot;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The child process of {@link FileDepotLogCrashTest}: appends from several threads until killed and
 * prints one line {@code partition offset record} per acknowledged append, flushed at once.
 * Arguments: the log directory and a run number (it goes into the records).
 */
final class CrashAppender {
  private CrashAppender() {}

  static final int PARTITIONS = 2;

  static FileDepotLogOptions options() {
    return FileDepotLogOptions.defaults().withSegmentBytes(64 << 10).withIndexIntervalBytes(1024);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String run = args[1];
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    FileDepotLog log = FileDepotLog.open("crash", dir, PARTITIONS, options());
    out.println("open");
    out.flush();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int tt = t;
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000_000; i++) {
                  int p = (tt + i) % PARTITIONS;
                  String rec = run + ":" + tt + ":" + i + ":" + "y".repeat(i % 50);
                  // four threads appending at once share the writer's fsyncs
                  CompletableFuture<Long> f = log.append(p, rec.getBytes(StandardCharsets.UTF_8));
                  long o = f.join();
                  synchronized (out) {
                    out.println(p + " " + o + " " + rec);
                    out.flush();
                  }
                }
              },
              "appender-" + t);
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join();
    }
  }
}
