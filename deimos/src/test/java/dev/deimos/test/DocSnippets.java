package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a docs page still shows the code a test runs: the test marks each region with {@code
 * // doc:<name>} ... {@code // end}, and the page must contain it (blank lines and indentation
 * aside; nested {@code public static class} is shown as a top-level class).
 */
final class DocSnippets {
  private DocSnippets() {}

  /**
   * Asserts that {@code docPage} (relative to the repository root) shows each region of the test
   * source {@code testSource} (relative to the deimos module).
   */
  static void assertShown(String docPage, String testSource, String... regions) throws IOException {
    String doc = normalize(read("../" + docPage));
    String src = read(testSource);
    for (String region : regions) {
      String code = normalize(between(src, "// doc:" + region, "// end"));
      code = code.replace("public static class", "public class");
      assertThat(doc).as("%s shows the %s code", docPage, region).contains(code);
    }
  }

  private static String read(String p) throws IOException {
    return new String(Files.readAllBytes(Paths.get(p)), StandardCharsets.UTF_8);
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    assertThat(i).as("region marker %s", start).isNotNegative();
    int j = s.indexOf(end, i);
    return s.substring(s.indexOf('\n', i) + 1, j);
  }

  private static String normalize(String s) {
    List<String> lines = new ArrayList<>();
    for (String l : s.split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return String.join("\n", lines);
  }
}
