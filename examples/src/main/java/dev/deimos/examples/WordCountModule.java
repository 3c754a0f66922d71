package dev.deimos.examples;

import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts words of sentences: a stream topology splits each sentence appended to {@code *sentences},
 * moves every word to the task that owns it and increments its count in {@code $$wordCounts}.
 * Clients read a count with {@code selectOne(Path.key(word))}.
 */
public class WordCountModule implements DeimosModule {
  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*sentences", Depot.random());
    StreamTopology wordCount = topologies.stream("wordCount");
    wordCount.pstate("$$wordCounts", PState.mapSchema(String.class, Long.class));
    wordCount
        .source("*sentences")
        .out("*sentence")
        .each(WordCountModule::words, "*sentence")
        .out("*words")
        .each(Ops.EXPLODE, "*words")
        .out("*word")
        .hashPartition("*word")
        .localTransform("$$wordCounts", Path.key("*word").nullToVal(0L).term(Ops.INC_LONG));
  }

  /** Lower-cased words of {@code sentence}, punctuation dropped. */
  static List<String> words(String sentence) {
    List<String> words = new ArrayList<>();
    for (String w : sentence.toLowerCase().split("\\W+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
