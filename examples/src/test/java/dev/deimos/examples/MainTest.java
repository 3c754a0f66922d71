package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's main job prints what every example computed; this checks the figures. */
class MainTest {
  @Test
  void main_runsEveryExample_printsTheirResults() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Main.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("word counts:   {brown=1, dog=2, fox=1")
        .contains("WordCountModule: the=3 dog=2 fox=1")
        .containsPattern("register alice -> \\{registration=\\d+}")
        .contains("register alice again -> {registration=null}")
        .containsPattern("profile of bob -> \\{.*displayName=Bob B\\..*}")
        .contains(
            "alice->bob 70 ok=true, bob->carol 500 ok=false; balances alice=30 bob=90; bob sent"
                + " {t2={")
        .contains("TopSpendersModule: top 3 [[dan, 270], [ann, 255], [ben, 235]]")
        .contains(": 165 renders, mean 144.8 ms, min 100, max 190");
  }
}
