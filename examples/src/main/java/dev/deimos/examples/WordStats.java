package dev.deimos.examples;

import dev.deimos.ops.Ops;
import dev.deimos.test.MockOutputCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word statistics computed with the built-in {@link Ops} functions and operations, the same
 * building blocks a topology calls from {@code each}. Until topologies run, the example calls them
 * directly: {@code Ops.EXPLODE} emits each word through an output collector, {@code Ops.INC_LONG}
 * counts, {@code Ops.SIZE} measures.
 */
public final class WordStats {
  private WordStats() {}

  /** Counts per word, in word order. Counts are {@code Long}, as {@code Agg.count} gives. */
  public static Map<String, Long> wordCounts(List<String> sentences) {
    Map<String, Long> counts = new TreeMap<>();
    for (String word : words(sentences)) {
      Long current = counts.get(word);
      counts.put(word, Ops.INC_LONG.invoke(current == null ? 0L : current));
    }
    return counts;
  }

  /** Total characters over all words; {@code Ops.SIZE} gives Integer and PLUS keeps it Integer. */
  public static Object totalLetters(List<String> sentences) {
    Object total = 0;
    for (String word : words(sentences)) {
      total = Ops.PLUS.invoke(total, Ops.SIZE.invoke(word));
    }
    return total;
  }

  private static List<String> words(List<String> sentences) {
    List<String> words = new ArrayList<>();
    for (String sentence : sentences) {
      MockOutputCollector collector = new MockOutputCollector();
      Ops.EXPLODE.invoke(List.of(sentence.toLowerCase().split("\\W+")), collector);
      for (MockOutputCollector.CapturedEmit emit : collector.getEmits()) {
        String word = (String) emit.getValues().get(0);
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return words;
  }
}
