package dev.deimos.bench.storage;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.impl.storage.DiskStorageFactory;
import dev.deimos.impl.storage.DiskStorageOptions;
import dev.deimos.impl.storage.MemoryStorageFactory;
import dev.deimos.impl.storage.ProgressStore;
import dev.deimos.ops.Ops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The runtime's PState stores as a task uses them: a point read, and an increment committed with a
 * progress commit (one RocksDB write holding the PState row and the stream offset), for the store a
 * {@link DiskStorageFactory} opens, the memory store and raw RocksDB doing the same work (get,
 * decode, add, encode, one {@link WriteBatch} with the row and an offset row). {@code sync} says
 * whether each commit waits for the WAL to reach the disk (both disk rows alike).
 *
 * <p>Also the layout choice of the task database, on raw RocksDB: 8 PStates of 20,000 keys in one
 * database, as a column family each ({@code cf*}) or as key prefixes in one column family ({@code
 * prefix*}): a point get, a commit writing one row in each PState plus a progress row, and a
 * 100-row range scan of one PState.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DiskStorageBenchmark {
  private static final int KEYS = 20_000;
  private static final int PSTATES = 8;
  private static final PStateDeclaration COUNTS =
      new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class));
  private static final Path SELECT = Path.key("word-77");
  private static final Path INCREMENT = Path.key("word-77").nullToVal(0L).term(Ops.INC_LONG);

  @Param({"false"})
  public boolean sync;

  private java.nio.file.Path dir;
  private DiskStorageFactory disk;
  private PStateStore diskStore;
  private ProgressStore diskProgress;
  private PStateStore memStore;
  private ProgressStore memProgress;
  private long offset;

  // raw RocksDB: the runtime layout by hand
  private RocksDB raw;
  private DBOptions rawOptions;
  private WriteOptions rawWrite;
  private final List<ColumnFamilyHandle> rawFamilies = new ArrayList<>();
  private final ValueCodec codec = ValueCodec.PLAIN;
  private byte[] rawKey;
  private final byte[] offsetKey = "offset".getBytes(StandardCharsets.UTF_8);

  // layout comparison
  private RocksDB layout;
  private final List<ColumnFamilyHandle> layoutFamilies = new ArrayList<>();
  private ColumnFamilyHandle prefixFamily;
  private int next;

  @Setup(Level.Trial)
  public void setup() throws IOException, RocksDBException {
    dir = Files.createTempDirectory("disk-bench");
    disk =
        new DiskStorageFactory(
            dir.resolve("deimos"), DiskStorageOptions.defaults().withSyncCommits(sync));
    diskProgress = disk.openProgressStore("bench", 0);
    diskStore = disk.openPStateStore("bench", 0, COUNTS);
    memStore = MemoryStorageFactory.INSTANCE.openPStateStore("bench", 0, COUNTS);
    memProgress = MemoryStorageFactory.INSTANCE.openProgressStore("bench", 0);
    for (int i = 0; i < KEYS; i++) {
      Path p = Path.key("word-" + i).termVal((long) i);
      diskStore.transform(p, Vars.NONE);
      memStore.transform(p, Vars.NONE);
    }
    diskStore.commit();
    memStore.commit();
    diskProgress.begin().streamOffset("st", "*d", 0, 0).commit();

    RocksDB.loadLibrary();
    rawOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    rawWrite = new WriteOptions().setSync(sync);
    List<ColumnFamilyDescriptor> descs = new ArrayList<>();
    descs.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
    descs.add(new ColumnFamilyDescriptor("pstate".getBytes(StandardCharsets.UTF_8)));
    descs.add(new ColumnFamilyDescriptor("progress".getBytes(StandardCharsets.UTF_8)));
    raw = RocksDB.open(rawOptions, dir.resolve("raw").toString(), descs, rawFamilies);
    for (int i = 0; i < KEYS; i++) {
      raw.put(
          rawFamilies.get(1),
          OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x10}, "word-" + i),
          codec.encode((long) i));
    }
    rawKey = OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x10}, "word-77");

    List<ColumnFamilyDescriptor> ld = new ArrayList<>();
    ld.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
    for (int p = 0; p < PSTATES; p++) {
      ld.add(new ColumnFamilyDescriptor(("pstate:" + p).getBytes(StandardCharsets.UTF_8)));
    }
    List<ColumnFamilyHandle> all = new ArrayList<>();
    layout = RocksDB.open(rawOptions, dir.resolve("layout").toString(), ld, all);
    prefixFamily = all.get(0);
    layoutFamilies.addAll(all.subList(1, all.size()));
    byte[] v = codec.encode(1L);
    for (int p = 0; p < PSTATES; p++) {
      for (int i = 0; i < KEYS; i++) {
        layout.put(layoutFamilies.get(p), cfKey(i), v);
        layout.put(prefixFamily, prefixKey(p, i), v);
      }
    }
  }

  private static byte[] cfKey(int i) {
    return OrderedKeyEncoding.encodeWithPrefix(new byte[] {0x10}, "word-" + i);
  }

  private static byte[] prefixKey(int pstate, int i) {
    // the prefix a key-prefix layout would put before the PState's own row key
    return OrderedKeyEncoding.encodeWithPrefix(new byte[] {(byte) pstate, 0x10}, "word-" + i);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    diskStore.close();
    diskProgress.close();
    disk.close();
    for (ColumnFamilyHandle h : rawFamilies) {
      h.close();
    }
    raw.close();
    for (ColumnFamilyHandle h : layoutFamilies) {
      h.close();
    }
    prefixFamily.close();
    layout.close();
    rawWrite.close();
    rawOptions.close();
    try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Memory store: point read. */
  @Benchmark
  public Object memorySelect() {
    return memStore.selectOne(SELECT, Vars.NONE);
  }

  /** Disk factory's RocksDB store: point read (one get under a shared snapshot). */
  @Benchmark
  public Object diskSelect() {
    return diskStore.selectOne(SELECT, Vars.NONE);
  }

  /** Raw RocksDB: get of the same row, decoded. */
  @Benchmark
  public Object rawSelect() throws RocksDBException {
    return codec.decode(raw.get(rawFamilies.get(1), rawKey));
  }

  /** Memory store: increment, commit, progress commit. */
  @Benchmark
  public void memoryIncrementCommit() {
    memStore.transform(INCREMENT, Vars.NONE);
    memStore.commit();
    memProgress.begin().streamOffset("st", "*d", 0, ++offset).commit();
  }

  /** Disk store: increment, commit, progress commit (one RocksDB write with both rows). */
  @Benchmark
  public void diskIncrementCommit() {
    diskStore.transform(INCREMENT, Vars.NONE);
    diskStore.commit();
    diskProgress.begin().streamOffset("st", "*d", 0, ++offset).commit();
  }

  /** Raw RocksDB: get, decode, add, encode, one batch with the row and an offset row. */
  @Benchmark
  public void rawIncrementCommit() throws RocksDBException {
    long v = (Long) codec.decode(raw.get(rawFamilies.get(1), rawKey));
    try (WriteBatch b = new WriteBatch()) {
      b.put(rawFamilies.get(1), rawKey, codec.encode(v + 1));
      b.put(rawFamilies.get(2), offsetKey, longBytes(++offset));
      raw.write(rawWrite, b);
    }
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  /** Layout: point get in the column family of one of 8 PStates. */
  @Benchmark
  public Object cfGet() throws RocksDBException {
    int i = next++ & 0xFFFF;
    return layout.get(layoutFamilies.get(i & 7), cfKey(i % KEYS));
  }

  /** Layout: point get of the same row under a PState prefix in one column family. */
  @Benchmark
  public Object prefixGet() throws RocksDBException {
    int i = next++ & 0xFFFF;
    return layout.get(prefixFamily, prefixKey(i & 7, i % KEYS));
  }

  /** Layout: one batch writing a row in each of 8 column families plus a progress row. */
  @Benchmark
  public void cfCommit() throws RocksDBException {
    int i = next++ % KEYS;
    try (WriteBatch b = new WriteBatch()) {
      for (int p = 0; p < PSTATES; p++) {
        b.put(layoutFamilies.get(p), cfKey(i), longBytes(i));
      }
      b.put(prefixFamily, offsetKey, longBytes(i));
      layout.write(rawWrite, b);
    }
  }

  /** Layout: the same batch with the 8 rows under PState prefixes in one column family. */
  @Benchmark
  public void prefixCommit() throws RocksDBException {
    int i = next++ % KEYS;
    try (WriteBatch b = new WriteBatch()) {
      for (int p = 0; p < PSTATES; p++) {
        b.put(prefixFamily, prefixKey(p, i), longBytes(i));
      }
      b.put(prefixFamily, offsetKey, longBytes(i));
      layout.write(rawWrite, b);
    }
  }

  /** Layout: 100 rows of one PState from the middle of its column family. */
  @Benchmark
  public long cfScan() {
    return scan(layoutFamilies.get(3), cfKey(5000), new byte[] {0x11});
  }

  /** Layout: the same 100 rows under the PState's prefix (the scan stops at the prefix's end). */
  @Benchmark
  public long prefixScan() {
    return scan(prefixFamily, prefixKey(3, 5000), new byte[] {3, 0x11});
  }

  private long scan(ColumnFamilyHandle cf, byte[] from, byte[] end) {
    long n = 0;
    try (ReadOptions ro = new ReadOptions();
        RocksIterator it = layout.newIterator(cf, ro)) {
      for (it.seek(from); it.isValid() && n < 100; it.next()) {
        byte[] k = it.key();
        if (java.util.Arrays.compareUnsigned(k, end) >= 0) {
          break;
        }
        n += it.value().length;
      }
    }
    return n;
  }
}
