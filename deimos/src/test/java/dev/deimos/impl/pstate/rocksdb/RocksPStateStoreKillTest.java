package dev.deimos.impl.pstate.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILLs a child JVM that is committing to the store, then checks what survived. */
class RocksPStateStoreKillTest {
  @TempDir java.nio.file.Path dir;

  static PStateDeclaration declaration() {
    return new PStateDeclaration("$$pairs", PState.mapSchema(String.class, Long.class));
  }

  /** Child process: commits events of two keys each forever, reporting each finished commit. */
  static final class Writer {
    public static void main(String[] args) {
      RocksPStateStore s = new RocksPStateStore(declaration(), java.nio.file.Path.of(args[0]));
      for (long i = 0; ; i++) {
        s.transform(Path.key("a" + i).termVal(i), Vars.NONE);
        s.transform(Path.key("b" + i).termVal(i), Vars.NONE);
        s.commit();
        System.out.println("committed " + i);
        System.out.flush();
      }
    }
  }

  @Test
  @Timeout(60)
  void sigkillDuringCommits_reopen_reportedCommitsPresentAndNoHalfEvent() throws Exception {
    java.nio.file.Path db = dir.resolve("db");
    java.nio.file.Path err = dir.resolve("child.err");
    Process child =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Writer.class.getName(),
                db.toString())
            .redirectError(err.toFile())
            .start();
    long lastReported = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (lastReported < 199 && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          long i = Long.parseLong(line.substring("committed ".length()).trim());
          assertThat(i).isEqualTo(lastReported + 1);
          lastReported = i;
        }
      }
      assertThat(lastReported)
          .as("child stderr: %s", Files.readString(err))
          .isGreaterThanOrEqualTo(199);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (RocksPStateStore s = new RocksPStateStore(declaration(), db)) {
      List<Object> keys = s.select(Path.mapKeys(), Vars.NONE);
      Map<String, Long> all = new HashMap<>();
      for (Object k : keys) {
        all.put((String) k, (Long) s.selectOne(Path.key(k), Vars.NONE));
      }
      for (long i = 0; i <= lastReported; i++) {
        assertThat(all).containsEntry("a" + i, i).containsEntry("b" + i, i);
      }
      for (Map.Entry<String, Long> e : all.entrySet()) {
        String k = e.getKey();
        long i = Long.parseLong(k.substring(1));
        assertThat(e.getValue()).as("value of %s", k).isEqualTo(i);
        String pair = (k.charAt(0) == 'a' ? "b" : "a") + i;
        assertThat(all).as("pair of %s", k).containsEntry(pair, i);
      }
      // commits run in order, so what survived is exactly events 0..n-1 for some n
      assertThat(all.size() % 2).isZero();
      long events = all.size() / 2;
      for (long i = 0; i < events; i++) {
        assertThat(all).containsKey("a" + i);
      }
    }
  }
}
