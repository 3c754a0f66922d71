package dev.deimos;

import dev.deimos.impl.data.KeyHash;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Utilities for code that builds dataflow blocks, chiefly fresh var names for reusable pieces
 * spliced in with {@link Block.Impl#macro(Block)}. Thread-safe: generated names are unique within
 * the JVM across all threads.
 */
public final class Helpers {
  private static final String MARK = "___";
  private static final AtomicLong COUNTER = new AtomicLong();

  private Helpers() {}

  /**
   * Generates a var name that no other call returns, of the form {@code *___<prefix>_<n>}.
   *
   * @param prefix a readable part kept in the name, e.g. the purpose of the var
   * @return a fresh var name starting with {@code *}
   */
  public static String genVar(String prefix) {
    return gen("*", prefix);
  }

  /**
   * Generates a fresh var name with the prefix {@code gen}.
   *
   * @return a fresh var name starting with {@code *}
   */
  public static String genVar() {
    return genVar("gen");
  }

  /**
   * Generates a PState var name ({@code $$___<prefix>_<n>}) that no other call returns.
   *
   * @param prefix a readable part kept in the name
   * @return a fresh var name starting with {@code $$}
   */
  public static String genPStateVar(String prefix) {
    return gen("$$", prefix);
  }

  /**
   * Generates a fresh PState var name with the prefix {@code gen}.
   *
   * @return a fresh var name starting with {@code $$}
   */
  public static String genPStateVar() {
    return genPStateVar("gen");
  }

  /**
   * Tells whether a var name was made by {@link #genVar} or {@link #genPStateVar}.
   *
   * @param var a var name
   * @return true for generated names
   */
  public static boolean isGeneratedVar(String var) {
    return parsePrefix(var) != null;
  }

  /**
   * Returns the prefix a generated var name was made with.
   *
   * @param var a name returned by {@link #genVar} or {@link #genPStateVar}
   * @return the prefix passed when generating it
   * @throws IllegalArgumentException if {@code var} is not a generated name
   */
  public static String getGeneratedVarPrefix(String var) {
    String p = parsePrefix(var);
    if (p == null) {
      throw new IllegalArgumentException("not a generated var name: " + var);
    }
    return p;
  }

  /**
   * Returns one string key per task such that the key at index {@code i} hashes to task {@code i}
   * under the default key partitioning ({@code hashPartition}, depot {@code hashBy}, PState key
   * routing). Handy in tests that need data on every task.
   *
   * @param numTasks the number of tasks of the module, at least 1
   * @return {@code numTasks} distinct keys, in task order
   * @throws IllegalArgumentException if {@code numTasks} is less than 1
   */
  public static List<String> genHashingIndexKeys(int numTasks) {
    if (numTasks < 1) {
      throw new IllegalArgumentException("numTasks must be at least 1, got " + numTasks);
    }
    String[] keys = new String[numTasks];
    int found = 0;
    for (long i = 0; found < numTasks; i++) {
      String k = "k" + i;
      int t = KeyHash.taskFor(k, numTasks);
      if (keys[t] == null) {
        keys[t] = k;
        found++;
      }
    }
    return Collections.unmodifiableList(Arrays.asList(keys));
  }

  private static String gen(String sigil, String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix must not be null");
    }
    return sigil + MARK + prefix + "_" + COUNTER.incrementAndGet();
  }

  private static String parsePrefix(String var) {
    if (var == null) {
      return null;
    }
    int start;
    if (var.startsWith("*" + MARK)) {
      start = 1 + MARK.length();
    } else if (var.startsWith("$$" + MARK)) {
      start = 2 + MARK.length();
    } else {
      return null;
    }
    int us = var.lastIndexOf('_');
    if (us < start || us == var.length() - 1) {
      return null;
    }
    for (int i = us + 1; i < var.length(); i++) {
      if (!Character.isDigit(var.charAt(i))) {
        return null;
      }
    }
    return var.substring(start, us);
  }
}
