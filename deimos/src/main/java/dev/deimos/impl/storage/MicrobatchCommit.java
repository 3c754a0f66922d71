package dev.deimos.impl.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committed microbatch of a topology: its id and, per source (the runtime's source key: depot
 * var plus source id), the start and end offset of every depot partition it covered, end exclusive.
 * A restart resumes from the ends of the last commit.
 */
public final class MicrobatchCommit {
  private final long id;
  private final Map<String, long[]> starts;
  private final Map<String, long[]> ends;

  /**
   * Creates the record; the arrays are copied.
   *
   * @param id the microbatch id, not negative
   * @param starts per source, the start offset per partition
   * @param ends per source, the end offset per partition (same sources and lengths as starts)
   * @throws IllegalArgumentException if the id is negative or starts and ends do not match
   */
  public MicrobatchCommit(long id, Map<String, long[]> starts, Map<String, long[]> ends) {
    if (id < 0) {
      throw new IllegalArgumentException("microbatch id must not be negative, got " + id);
    }
    if (!starts.keySet().equals(ends.keySet())) {
      throw new IllegalArgumentException(
          "microbatch "
              + id
              + ": sources "
              + starts.keySet()
              + " and "
              + ends.keySet()
              + " differ");
    }
    this.id = id;
    this.starts = copy(id, starts, ends);
    this.ends = copy(id, ends, starts);
  }

  private static Map<String, long[]> copy(long id, Map<String, long[]> m, Map<String, long[]> o) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : m.entrySet()) {
      if (e.getValue().length != o.get(e.getKey()).length) {
        throw new IllegalArgumentException(
            "microbatch " + id + ", source " + e.getKey() + ": starts and ends differ in length");
      }
      out.put(e.getKey(), e.getValue().clone());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns the microbatch id. */
  public long id() {
    return id;
  }

  /**
   * Returns the start offsets of a source, or null if the microbatch did not read it.
   *
   * @param source the source key
   * @return a copy of the offsets per partition
   */
  public long[] starts(String source) {
    long[] s = starts.get(source);
    return s == null ? null : s.clone();
  }

  /**
   * Returns the end offsets (exclusive) of a source, or null if the microbatch did not read it.
   *
   * @param source the source key
   * @return a copy of the offsets per partition
   */
  public long[] ends(String source) {
    long[] e = ends.get(source);
    return e == null ? null : e.clone();
  }

  /** Returns the source keys. */
  public java.util.Set<String> sources() {
    return starts.keySet();
  }
}
