package dev.deimos.bench;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SubindexOptions;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import dev.deimos.impl.pstate.rocksdb.RocksPStateStore;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * The point read and counter increment of {@link PStateStoreBenchmark}, measured as thread CPU time
 * per operation instead of wall-clock time: store and peer run interleaved in the same process, 7
 * rounds each (the first 2 discarded), and the median is printed. On a machine shared with other
 * work, wall-clock JMH figures swing with the load; CPU time swings much less, so the store/peer
 * ratios stay comparable. The RocksDB transform is left out (its cost is the synced write, which is
 * wait time, not CPU time). Also the word count's increment of a random, already counted word of a
 * 100,000-word vocabulary, and adding 1,000,000 new keys (one commit each) to an empty store, each
 * against the same on a HashMap.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.deimos.bench.PStateStoreCpuTime}.
 */
public final class PStateStoreCpuTime {
  private PStateStoreCpuTime() {}

  private static Object sink;

  /**
   * Runs the measurement and prints one line per operation.
   *
   * @param a ignored
   * @throws Exception if RocksDB or the temp directory fails
   */
  public static void main(String[] a) throws Exception {
    java.io.PrintStream out = System.out;
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cpu");
    PStateDeclaration d =
        new PStateDeclaration(
            "$$bench",
            PState.mapSchema(
                String.class,
                PState.mapSchema(String.class, Long.class)
                    .subindexed(SubindexOptions.withoutSizeTracking())));
    MemoryPStateStore m = new MemoryPStateStore(d);
    RocksPStateStore r = new RocksPStateStore(d, dir.resolve("s"));
    Options rawOptions = new Options().setCreateIfMissing(true);
    RocksDB raw = RocksDB.open(rawOptions, dir.resolve("raw").toString());
    ValueCodec codec = ValueCodec.PLAIN;
    Map<String, Map<String, Long>> hm = new HashMap<>();
    for (int u = 0; u < 100; u++) {
      Map<String, Long> f = new HashMap<>();
      for (int i = 0; i < 9; i++) f.put("field-" + i, (long) i);
      f.put("visits", (long) u);
      hm.put("user-" + u, f);
      m.transform(Path.key("user-" + u).termVal(new HashMap<>(f)), Vars.NONE);
      r.transform(Path.key("user-" + u).termVal(new HashMap<>(f)), Vars.NONE);
      raw.put(
          OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x10}, "user-" + u),
          new byte[] {(byte) 0xEE, 'S', 'I'});
      byte[] outer = OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x11}, "user-" + u);
      for (Map.Entry<String, Long> e : f.entrySet())
        raw.put(OrderedKeyEncoding.encodeWithPrefix(outer, e.getKey()), codec.encode(e.getValue()));
    }
    m.commit();
    r.commit();
    byte[] rawKey =
        OrderedKeyEncoding.encodeWithPrefix(
            OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x11}, "user-7"), "visits");
    Path sel = Path.key("user-7", "visits");
    Path inc = Path.key("user-7", "visits").term(Ops.INC_LONG);
    // word count: a 100,000-word vocabulary counted once, then random words incremented
    PStateDeclaration counts =
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class));
    Path countWord = Path.key("*word").nullToVal(0L).term(Ops.INC_LONG);
    MemoryPStateStore wordStore = new MemoryPStateStore(counts);
    Map<String, Long> wordMap = new HashMap<>();
    String[] vocab = new String[100_000];
    Object[] word = new Object[1];
    Vars wordVars = name -> word[0];
    for (int i = 0; i < vocab.length; i++) {
      vocab[i] = "word-" + Integer.toHexString(i * 0x9E3779B1);
      wordMap.put(vocab[i], 1L);
      word[0] = vocab[i];
      wordStore.transform(countWord, wordVars);
      wordStore.commit();
    }
    int[] draws = new int[1 << 20];
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < draws.length; i++) draws[i] = random.nextInt(vocab.length);
    // new keys: 1,000,000 distinct keys per round into an empty store / HashMap
    String[] fresh = new String[1_000_000];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = "fresh-" + i;
      fresh[i].hashCode();
    }
    Path putKey = Path.key("*word").termVal(1L);
    String[] names = {
      "memorySelect",
      "hashMapSelect",
      "memoryTransform",
      "hashMapTransform",
      "rocksSelect",
      "rawSelect",
      "memoryWordCount",
      "hashMapWordCount",
      "memoryInsertNewKey",
      "hashMapInsertNewKey"
    };
    long[] ns = {
      3_000_000,
      3_000_000,
      1_000_000,
      3_000_000,
      300_000,
      300_000,
      1_000_000,
      1_000_000,
      fresh.length,
      fresh.length
    };
    List<List<Double>> res = new ArrayList<>();
    for (int i = 0; i < names.length; i++) res.add(new ArrayList<>());
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 7; round++) {
      for (int b = 0; b < names.length; b++) {
        long n = ns[b];
        MemoryPStateStore insertStore = new MemoryPStateStore(counts);
        Map<String, Long> insertMap = new HashMap<>();
        long t = mx.getCurrentThreadCpuTime();
        for (long i = 0; i < n; i++) {
          switch (b) {
            case 0:
              sink = m.selectOne(sel, Vars.NONE);
              break;
            case 1:
              sink = hm.get("user-7").get("visits");
              break;
            case 2:
              m.transform(inc, Vars.NONE);
              m.commit();
              break;
            case 3:
              sink = hm.get("user-7").merge("visits", 1L, Long::sum);
              break;
            case 4:
              sink = r.selectOne(sel, Vars.NONE);
              break;
            case 5:
              sink = codec.decode(raw.get(rawKey));
              break;
            case 6:
              word[0] = vocab[draws[(int) i & (draws.length - 1)]];
              wordStore.transform(countWord, wordVars);
              wordStore.commit();
              break;
            case 7:
              sink = wordMap.merge(vocab[draws[(int) i & (draws.length - 1)]], 1L, Long::sum);
              break;
            case 8:
              word[0] = fresh[(int) i];
              insertStore.transform(putKey, wordVars);
              insertStore.commit();
              break;
            case 9:
              sink = insertMap.put(fresh[(int) i], 1L);
              break;
          }
        }
        if (round >= 2) res.get(b).add((mx.getCurrentThreadCpuTime() - t) / (double) n);
      }
    }
    for (int b = 0; b < names.length; b++) {
      List<Double> l = res.get(b);
      Collections.sort(l);
      out.printf("%-18s median %.1f ns/op (cpu) rounds %s%n", names[b], l.get(l.size() / 2), l);
    }
    r.close();
    raw.close();
    rawOptions.close();
    m.close();
    wordStore.close();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
