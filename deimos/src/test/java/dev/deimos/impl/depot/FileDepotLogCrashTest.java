package dev.deimos.impl.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends with several threads (SIGKILL via destroyForcibly) at random
 * moments, reopens the log, and checks that every acknowledged record is there, in order, and that
 * nothing in the log is corrupt. The runs share one directory, so each recovers the last.
 */
class FileDepotLogCrashTest {
  @TempDir Path dir;

  @Test
  void sigkill_atRandomMoments_losesNoAcknowledgedRecord() throws Exception {
    long seed = Long.getLong("deimos.seed", System.nanoTime());
    Random rnd = new Random(seed);
    Map<String, String> acked = new HashMap<>(); // "p offset" -> record
    int kills = 10;
    long started = System.nanoTime();
    for (int run = 0; run < kills; run++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx64m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashAppender.class.getName(),
                  dir.toString(),
                  Integer.toString(run))
              .redirectError(dir.resolveSibling(dir.getFileName() + "-child.err").toFile())
              .start();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).as("child started (seed %d)", seed).isEqualTo("open");
      if (run == 0) {
        // the child holds the directory: a second open names the lock file
        assertThatThrownBy(() -> FileDepotLog.open("crash", dir, 2, CrashAppender.options()))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("depot.lock");
      }
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + rnd.nextInt(400));
      List<String> lines = new ArrayList<>();
      String line;
      while (System.nanoTime() < killAt && (line = in.readLine()) != null) {
        lines.add(line);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      // (destroying the process closes its streams: the lines read so far are what we check;
      // each was printed only after its append was acknowledged)
      for (String l : lines) {
        String[] parts = l.split(" ", 3);
        if (parts.length == 3 && isComplete(parts[2])) {
          String prev = acked.put(parts[0] + " " + parts[1], parts[2]);
          assertThat(prev).as("offset acknowledged twice (seed %d)", seed).isNull();
        }
      }
      verify(acked, seed);
    }
    assertThat(acked.size()).isGreaterThan(kills);
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(120));
  }

  /** A record line is complete when its trailing y-run matches its sequence number. */
  private static boolean isComplete(String rec) {
    String[] f = rec.split(":", 4);
    return f.length == 4 && f[3].length() == Integer.parseInt(f[2]) % 50;
  }

  private void verify(Map<String, String> acked, long seed) throws IOException {
    try (FileDepotLog log = FileDepotLog.open("crash", dir, 2, CrashAppender.options())) {
      for (int p = 0; p < 2; p++) {
        long end = log.endOffset(p).join();
        List<byte[]> all = log.read(p, 0, end).join();
        // per (run, thread), sequence numbers rise with the offset: order is kept
        Map<String, Integer> lastSeq = new HashMap<>();
        for (int o = 0; o < end; o++) {
          String rec = new String(all.get(o), StandardCharsets.UTF_8);
          assertThat(isComplete(rec)).as("record at %d/%d (seed %d)", p, o, seed).isTrue();
          String[] f = rec.split(":", 4);
          int seq = Integer.parseInt(f[2]);
          Integer before = lastSeq.put(f[0] + ":" + f[1], seq);
          assertThat(before == null || before < seq)
              .as("order at %d/%d (seed %d)", p, o, seed)
              .isTrue();
        }
        for (Map.Entry<String, String> e : acked.entrySet()) {
          String[] k = e.getKey().split(" ");
          if (Integer.parseInt(k[0]) == p) {
            long o = Long.parseLong(k[1]);
            assertThat(o).as("acknowledged offset (seed %d)", seed).isLessThan(end);
            assertThat(new String(all.get((int) o), StandardCharsets.UTF_8))
                .as("acknowledged record %s (seed %d)", e.getKey(), seed)
                .isEqualTo(e.getValue());
          }
        }
      }
    }
  }
}
