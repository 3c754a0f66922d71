package dev.deimos.bench.e2e;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The word-count workload every contestant runs: {@code records} single-word records drawn from a
 * vocabulary of {@code vocabulary} words. Record {@code i}'s word is a pure function of {@code i}
 * (a mixed hash), so each engine can generate records where it likes without shipping them, and the
 * expected counts are known in advance.
 */
public final class Workload implements Serializable {
  private static final long serialVersionUID = 1L;

  final long records;
  final int vocabulary;
  private transient long[] expected;
  private transient int distinct = -1;

  Workload(long records, int vocabulary) {
    if (records <= 0 || vocabulary <= 0) {
      throw new IllegalArgumentException("records and vocabulary must be positive");
    }
    this.records = records;
    this.vocabulary = vocabulary;
  }

  /** The index (0..vocabulary-1) of record {@code i}'s word. */
  static int wordIndex(long i, int vocabulary) {
    long z = i + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (int) Long.remainderUnsigned(z, vocabulary);
  }

  static String word(int index) {
    return "w" + index;
  }

  String wordOf(long i) {
    return word(wordIndex(i, vocabulary));
  }

  /** Expected final count per word index. */
  synchronized long[] expected() {
    if (expected == null) {
      long[] e = new long[vocabulary];
      for (long i = 0; i < records; i++) {
        e[wordIndex(i, vocabulary)]++;
      }
      expected = e;
      distinct = (int) Arrays.stream(e).filter(c -> c > 0).count();
    }
    return expected;
  }

  /** How many distinct words occur in the records. */
  int distinctWords() {
    expected();
    return distinct;
  }

  /** Checks final counts read from an engine; returns null when they match, else a description. */
  String mismatch(java.util.Map<String, Long> counts) {
    long[] e = expected();
    if (counts.size() != distinct) {
      return "expected " + distinct + " distinct words, saw " + counts.size();
    }
    for (int w = 0; w < e.length; w++) {
      if (e[w] == 0) {
        continue;
      }
      Long got = counts.get(word(w));
      if (got == null || got != e[w]) {
        return "word " + word(w) + ": expected " + e[w] + ", saw " + got;
      }
    }
    return null;
  }
}
