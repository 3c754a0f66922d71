package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordStatsTest {
  private static final List<String> TEXT = List.of("The cat", "the dog, the CAT!");

  @Test
  void wordCounts_mixedCaseAndPunctuation_countsLowercasedWordsAsLongs() {
    assertThat(WordStats.wordCounts(TEXT)).isEqualTo(Map.of("the", 3L, "cat", 2L, "dog", 1L));
  }

  @Test
  void totalLetters_integerSizes_staysInteger() {
    Object total = WordStats.totalLetters(TEXT);
    assertThat(total).isEqualTo(3 + 3 + 3 + 3 + 3 + 3).isInstanceOf(Integer.class);
  }

  @Test
  void wordCounts_noSentences_isEmpty() {
    assertThat(WordStats.wordCounts(List.of())).isEmpty();
  }
}
