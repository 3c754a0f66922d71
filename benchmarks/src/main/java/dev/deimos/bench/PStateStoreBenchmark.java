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
  private static final int BIG = 1_000_000;

  private java.nio.file.Path dir;
  private MemoryPStateStore memory;
  private Map<String, Map<String, Long>> hashMap;
  private RocksPStateStore rocks;
  private RocksPStateStore bigStore;
  private RocksDB raw;
  private Options rawOptions;
  private WriteOptions rawSync;
  private byte[] rawKey;
  private final ValueCodec codec = ValueCodec.PLAIN;

  /** Fills every store with the same users; the RocksDB store also gets the 1M-entry map. */
  @Setup
  public void setup() throws IOException, RocksDBException {
    dir = Files.createTempDirectory("pstate-bench");
    PStateDeclaration d =
        new PStateDeclaration(
            "$$bench",
            PState.mapSchema(
                String.class,
                PState.mapSchema(String.class, Long.class)
                    .subindexed(SubindexOptions.withoutSizeTracking())));
    memory = new MemoryPStateStore(d);
    rocks = new RocksPStateStore(d, dir.resolve("store"));
    hashMap = new HashMap<>();
    for (int u = 0; u < 100; u++) {
      Map<String, Long> fields = new HashMap<>();
      for (int f = 0; f < 9; f++) {
        fields.put("field-" + f, (long) f);
      }
      fields.put("visits", (long) u);
      hashMap.put("user-" + u, fields);
      Path write = Path.key("user-" + u).termVal(new HashMap<>(fields));
      memory.transform(write, Vars.NONE);
      rocks.transform(write, Vars.NONE);
    }
    memory.commit();
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
      for (Map.Entry<String, Long> f : hashMap.get("user-" + u).entrySet()) {
        raw.put(OrderedKeyEncoding.encodeWithPrefix(outer, f.getKey()), codec.encode(f.getValue()));
      }
    }
    rawKey =
        OrderedKeyEncoding.encodeWithPrefix(
            OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x11}, "user-7"), "visits");
  }

  /** Closes the stores and deletes their files. */
  @TearDown
  public void tearDown() throws IOException {
    memory.close();
    rocks.close();
    bigStore.close();
    raw.close();
    rawSync.close();
    rawOptions.close();
    try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
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

  /** RocksDB store: read one counter (one get: the subindexed map's marker row is skipped). */
  @Benchmark
  public Object rocksSelect() {
    return rocks.selectOne(SELECT, Vars.NONE);
  }

  /** Peer: raw get of the counter row, decoded. */
  @Benchmark
  public Object rawSelect() throws RocksDBException {
    return codec.decode(raw.get(rawKey));
  }

  /** RocksDB store: increment the counter and commit one synced batch. */
  @Benchmark
  public void rocksTransform() {
    rocks.transform(INCREMENT, Vars.NONE);
    rocks.commit();
  }

  /** Peer: raw get, decode, add one, encode, synced put of the same row. */
  @Benchmark
  public void rawTransform() throws RocksDBException {
    long v = (Long) codec.decode(raw.get(rawKey));
    raw.put(rawSync, rawKey, codec.encode(v + 1));
  }

  /** RocksDB store: a 100-entry page from the middle of a 1,000,000-entry subindexed map. */
  @Benchmark
  public Object rocksRangePage() {
    return bigStore.selectOne(PAGE, Vars.NONE);
  }
}
