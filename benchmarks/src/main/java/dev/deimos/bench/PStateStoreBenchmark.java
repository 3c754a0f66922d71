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
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The PState stores against their raw peers in one run: the memory store against a plain HashMap,
 * the RocksDB store against raw RocksDB get/put of the same row bytes (same sync setting), and a
 * 100-entry range page from a 1,000,000-entry subindexed map.
 *
 * <p>Data: 100 users, each a subindexed map of 10 Long counters (no size tracking), so a point read
 * of {@code key(user).key(field)} is one element row in RocksDB. A transform increments one counter
 * and commits (one synced batch for RocksDB).
 *
 * <p>Two more memory-store patterns against HashMap: adding a new top-level key and committing
 * ({@code memoryInsertNewKey}, fresh keys until 1,000,000, then a new empty store for both), and
 * the stream word count's write ({@code key(*word).nullToVal(0).term(INC_LONG)} + commit) on a
 * random word of a 100,000-word vocabulary that is already counted ({@code memoryWordCount}).
 *
 * <p>The RocksDB stores live in their own state ({@link Rocks}), so runs of the memory benchmarks
 * alone skip filling them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PStateStoreBenchmark {
  private static final Path SELECT = Path.key("user-7", "visits");
  private static final Path INCREMENT = Path.key("user-7", "visits").term(Ops.INC_LONG);
  private static final Path PAGE = Path.key("big").sortedMapRangeFrom(500_000L, 100);
  private static final Path COUNT_WORD = Path.key("*word").nullToVal(0L).term(Ops.INC_LONG);
  private static final Path PUT_KEY = Path.key("*word").termVal(1L);
  private static final int BIG = 1_000_000;
  private static final int FRESH = 1 << 20;
  private static final int VOCAB = 100_000;
  private static final int DRAWS = 1 << 20;
  private static final PStateDeclaration USERS =
      new PStateDeclaration(
          "$$bench",
          PState.mapSchema(
              String.class,
              PState.mapSchema(String.class, Long.class)
                  .subindexed(SubindexOptions.withoutSizeTracking())));
  private static final PStateDeclaration COUNTS =
      new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class));

  private MemoryPStateStore memory;
  private Map<String, Map<String, Long>> hashMap;

  // new-key inserts: FRESH distinct keys, then both sides start over empty
  private String[] freshKeys;
  private int nextFresh;
  private MemoryPStateStore insertStore;
  private Map<String, Long> insertMap;
  private final WordVar freshVar = new WordVar();

  // word count: a vocabulary counted once already, drawn at random (fixed seed)
  private String[] vocab;
  private int[] draws;
  private int nextDraw;
  private MemoryPStateStore countStore;
  private Map<String, Long> countMap;
  private final WordVar wordVar = new WordVar();

  /** Binds {@code *word} to one value, as a dataflow frame would. */
  private static final class WordVar implements Vars {
    Object word;

    @Override
    public Object get(String name) {
      return word;
    }
  }

  /** Fills the memory store and the nested HashMaps with the same users. */
  @Setup
  public void setup() {
    memory = new MemoryPStateStore(USERS);
    hashMap = new HashMap<>();
    for (int u = 0; u < 100; u++) {
      Map<String, Long> fields = users(u);
      hashMap.put("user-" + u, fields);
      memory.transform(Path.key("user-" + u).termVal(new HashMap<>(fields)), Vars.NONE);
    }
    memory.commit();
    freshKeys = new String[FRESH];
    for (int i = 0; i < FRESH; i++) {
      freshKeys[i] = "fresh-" + i;
      freshKeys[i].hashCode();
    }
    insertStore = new MemoryPStateStore(COUNTS);
    insertMap = new HashMap<>();
    vocab = new String[VOCAB];
    countStore = new MemoryPStateStore(COUNTS);
    countMap = new HashMap<>();
    for (int i = 0; i < VOCAB; i++) {
      vocab[i] = "word-" + Integer.toHexString(i * 0x9E3779B1);
      countMap.put(vocab[i], 1L);
      wordVar.word = vocab[i];
      countStore.transform(COUNT_WORD, wordVar);
      if (i % 1000 == 999) {
        countStore.commit();
      }
    }
    countStore.commit();
    java.util.Random random = new java.util.Random(42);
    draws = new int[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      draws[i] = random.nextInt(VOCAB);
    }
  }

  static Map<String, Long> users(int u) {
    Map<String, Long> fields = new HashMap<>();
    for (int f = 0; f < 9; f++) {
      fields.put("field-" + f, (long) f);
    }
    fields.put("visits", (long) u);
    return fields;
  }

  /** Closes the memory stores. */
  @TearDown
  public void tearDown() {
    memory.close();
    insertStore.close();
    countStore.close();
  }

  /** Memory store: read one counter two keys deep. */
  @Benchmark
  public Object memorySelect() {
    return memory.selectOne(SELECT, Vars.NONE);
  }

  /** Peer: the same read on nested HashMaps. */
  @Benchmark
  public Object hashMapSelect() {
    return hashMap.get("user-7").get("visits");
  }

  /** Memory store: increment the counter and commit. */
  @Benchmark
  public void memoryTransform() {
    memory.transform(INCREMENT, Vars.NONE);
    memory.commit();
  }

  /** Peer: increment in place on nested HashMaps. */
  @Benchmark
  public Object hashMapTransform() {
    return hashMap.get("user-7").merge("visits", 1L, Long::sum);
  }

  /** Memory store: add a key that is not there yet and commit. */
  @Benchmark
  public void memoryInsertNewKey() {
    int i = nextFresh;
    if (i == FRESH) {
      insertStore.close();
      insertStore = new MemoryPStateStore(COUNTS);
      i = 0;
    }
    nextFresh = i + 1;
    freshVar.word = freshKeys[i];
    insertStore.transform(PUT_KEY, freshVar);
    insertStore.commit();
  }

  /** Peer: put a key that is not there yet into a HashMap. */
  @Benchmark
  public Object hashMapInsertNewKey() {
    int i = nextFresh;
    if (i == FRESH) {
      insertMap = new HashMap<>();
      i = 0;
    }
    nextFresh = i + 1;
    return insertMap.put(freshKeys[i], 1L);
  }

  /** Memory store: the word count's increment of a random, already counted word, and commit. */
  @Benchmark
  public void memoryWordCount() {
    int i = nextDraw;
    nextDraw = (i + 1) & (DRAWS - 1);
    wordVar.word = vocab[draws[i]];
    countStore.transform(COUNT_WORD, wordVar);
    countStore.commit();
  }

  /** Peer: the same increment on a HashMap. */
  @Benchmark
  public Object hashMapWordCount() {
    int i = nextDraw;
    nextDraw = (i + 1) & (DRAWS - 1);
    return countMap.merge(vocab[draws[i]], 1L, Long::sum);
  }

  /** The RocksDB stores and the raw RocksDB peer, filled with the same users. */
  @State(Scope.Benchmark)
  public static class Rocks {
    private java.nio.file.Path dir;
    private RocksPStateStore rocks;
    private RocksPStateStore bigStore;
    private RocksDB raw;
    private Options rawOptions;
    private WriteOptions rawSync;
    private byte[] rawKey;
    private final ValueCodec codec = ValueCodec.PLAIN;

    /** Fills the stores; the RocksDB store also gets the 1M-entry map. */
    @Setup
    public void setup() throws IOException, RocksDBException {
      dir = Files.createTempDirectory("pstate-bench");
      rocks = new RocksPStateStore(USERS, dir.resolve("store"));
      for (int u = 0; u < 100; u++) {
        rocks.transform(Path.key("user-" + u).termVal(users(u)), Vars.NONE);
      }
      rocks.commit();
      bigStore =
          new RocksPStateStore(
              new PStateDeclaration(
                  "$$big",
                  PState.mapSchema(
                      String.class,
                      PState.mapSchema(Long.class, Long.class)
                          .subindexed(SubindexOptions.withoutSizeTracking()))),
              dir.resolve("big"));
      bigStore.transform(Path.key("big").termVal(new java.util.TreeMap<Long, Long>()), Vars.NONE);
      for (long chunk = 0; chunk < BIG; chunk += 100_000) {
        Map<Object, Object> part = new java.util.TreeMap<>();
        for (long i = chunk; i < chunk + 100_000; i++) {
          part.put(i, i);
        }
        // the term function gets the store's write-through view and fills it in place
        bigStore.transform(
            Path.key("big")
                .term(
                    (Map<Object, Object> view) -> {
                      view.putAll(part);
                      return view;
                    }),
            Vars.NONE);
        bigStore.commit();
      }
      rawOptions = new Options().setCreateIfMissing(true);
      rawSync = new WriteOptions().setSync(true);
      raw = RocksDB.open(rawOptions, dir.resolve("raw").toString());
      // the same rows the store keeps (so both databases are the same size): per user a structure
      // marker row and one row per field (depth-1 prefix, both keys, Long value)
      for (int u = 0; u < 100; u++) {
        raw.put(
            OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x10}, "user-" + u),
            new byte[] {(byte) 0xEE, 'S', 'I'});
        byte[] outer = OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x11}, "user-" + u);
        for (Map.Entry<String, Long> f : users(u).entrySet()) {
          raw.put(
              OrderedKeyEncoding.encodeWithPrefix(outer, f.getKey()), codec.encode(f.getValue()));
        }
      }
      rawKey =
          OrderedKeyEncoding.encodeWithPrefix(
              OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x11}, "user-7"), "visits");
    }

    /** Closes the stores and deletes their files. */
    @TearDown
    public void tearDown() throws IOException {
      rocks.close();
      bigStore.close();
      raw.close();
      rawSync.close();
      rawOptions.close();
      try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** RocksDB store: read one counter (one get: the subindexed map's marker row is skipped). */
  @Benchmark
  public Object rocksSelect(Rocks r) {
    return r.rocks.selectOne(SELECT, Vars.NONE);
  }

  /** Peer: raw get of the counter row, decoded. */
  @Benchmark
  public Object rawSelect(Rocks r) throws RocksDBException {
    return r.codec.decode(r.raw.get(r.rawKey));
  }

  /** RocksDB store: increment the counter and commit one synced batch. */
  @Benchmark
  public void rocksTransform(Rocks r) {
    r.rocks.transform(INCREMENT, Vars.NONE);
    r.rocks.commit();
  }

  /** Peer: raw get, decode, add one, encode, synced put of the same row. */
  @Benchmark
  public void rawTransform(Rocks r) throws RocksDBException {
    long v = (Long) r.codec.decode(r.raw.get(r.rawKey));
    r.raw.put(r.rawSync, r.rawKey, r.codec.encode(v + 1));
  }

  /** RocksDB store: a 100-entry page from the middle of a 1,000,000-entry subindexed map. */
  @Benchmark
  public Object rocksRangePage(Rocks r) {
    return r.bigStore.selectOne(PAGE, Vars.NONE);
  }
}
