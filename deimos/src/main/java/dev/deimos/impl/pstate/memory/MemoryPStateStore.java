package dev.deimos.impl.pstate.memory;

import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.path.Paths;
import dev.deimos.impl.pstate.MigratableStore;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.schema.ClassSchema;
import dev.deimos.impl.pstate.schema.FixedKeysSchema;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaCompatibility;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import dev.deimos.impl.pstate.schema.SetSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link PStateStore} holding the partition as plain {@code java.util} values.
 *
 * <p>Map PStates (the common case) keep their top level in a {@link CommittedMap}, which readers
 * navigate while commits update it in place; every value under a top-level key is immutable once
 * committed. A write whose path starts with {@code key(k)} is staged per key: the engine transforms
 * the current value of {@code k} (copying only along its route, never mutating it) and the result
 * is checked and copied where it changed ({@link Adopt}) and kept in the session's overlay. Commit
 * puts the overlay's values into the committed map under a sequence lock, so a reader sees all of a
 * commit or none of it; so a write costs its route inside one value plus a hash update at commit,
 * not the size of the partition. A {@code key(...).term(...)} write of an existing leaf of a
 * committed subindexed map skips even that: it is kept aside and set in place at commit, under the
 * same lock (snapshots and migrated stores, which share committed maps, turn this off for the maps
 * they share). Writes with other paths (and every write to set and Class PStates) stage a new whole
 * root, which commit swaps in.
 *
 * <p>The common stream event, one write to one top-level key ({@code key(k)[.nullToVal(v)]
 * .term(f)}, say), is cheaper still: paths of {@code key} steps, an optional {@code nullToVal} and
 * a plain term run without the path engine ({@link PathKeys#keyUpdate}), and a session's only write
 * to a top-level key is kept with that key's committed cell instead of in the overlay, so its
 * commit is one write to the cell. A two-key in-place update repeated with the same {@code Path}
 * object reuses the entry it resolved last time while the committed map it went into is unchanged.
 *
 * <p>Reads made only of {@code key} steps skip the path engine (a hash lookup per level where the
 * keys allow it). Results are copies of mutable containers; immutable leaves are returned as they
 * are.
 *
 * <p>Thread-safe: readers never lock (they retry if a commit landed during the read); writers are
 * serialized by a light lock (see {@code lock}).
 */
public final class MemoryPStateStore implements MigratableStore {
  private static final Object ABSENT = new Object();
  private static final Object REMOVED = new Object();

  private final String name;
  private final SchemaNode schema;
  private final PStateDeclaration declaration;
  private final Adopt adopt;
  // non-null for a map PState: its key class and value schema
  private final MapSchema mapSchema;
  // a CommittedMap for a map PState, else the whole committed value; swapped by whole-root commits
  private volatile Object committed;
  // even when no commit is running; readers retry when it changed during their read. The single
  // writer (commits are serialized) updates it through SEQ with opaque and release stores: a
  // reader's volatile read of an even value then sees every write of the commits before it.
  private volatile long seq;
  private static final java.lang.invoke.VarHandle SEQ;

  static {
    try {
      SEQ =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(MemoryPStateStore.class, "seq", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // staged per-key values of a map PState (REMOVED for a removed key); see Overlay
  private final Overlay overlay = new Overlay();
  // staged whole root (when whole), after a write that did not start with key(k); overlay is empty
  private Object staged;
  private boolean whole;
  // maps this session copied (by identity): not yet visible to readers, so updated in place
  // (null until the session copies its first map); StoredSortedMaps carry the session id instead
  private java.util.Set<Object> fresh;
  private long session = SESSIONS.incrementAndGet();
  // true once a map carries the current session id: only then does a new session need a new id
  private boolean sessionUsed;
  private static final java.util.concurrent.atomic.AtomicLong SESSIONS =
      new java.util.concurrent.atomic.AtomicLong();
  private boolean dirty;
  private volatile boolean closed;
  // a staged write of one existing leaf of a committed subindexed map, kept out of the overlay: the
  // commit sets it in place (pendingEntry.setValue) under the sequence lock instead of copying the
  // route. Any other staged access first moves it into the overlay (settle). Null when none.
  private Map.Entry<Object, Object> pendingEntry;
  private Object pendingValue;
  private Object[] pendingKeys;
  // the committed value of pendingKeys[0] the pending write goes into (its route is re-read from
  // it on settle: nothing can change it before this session commits)
  private Object pendingTop;
  // the session's only staged write when it replaces one top-level key's value (the common stream
  // event): kept out of the overlay with the key's committed cell (null for a new key), so commit
  // sets the cell without looking the key up again. Like pendingEntry, any other staged access
  // first moves it into the overlay (settle). soleKey is null when none.
  private Object soleKey;
  private Object soleValue;
  private CommittedMap.Cell soleCell;
  // the last in-place leaf update of a two-key path (see keyUpdate), reused while the committed
  // map it resolved into is still the value of its top-level key; memoUpdate is null when none
  private PathKeys.KeyUpdate memoUpdate;
  private CommittedMap.Cell memoCell;
  private Object memoTop;
  private Map.Entry<Object, Object> memoEntry;
  private SchemaNode memoLeaf;
  private Object memoRoot;
  private long memoMark;
  // commits and restores so far, and the last snapshot with the count it was taken at: a snapshot
  // with nothing committed since the last one is that one (snapshots are never changed)
  private long commits;
  private Root lastSnapshot;
  private long lastSnapshotCommits;
  // StoredSortedMap.CLOCK at this store's last snapshot (or migration): maps born before it may be
  // shared with a snapshot and are never updated in place
  private long snapshotMark;

  /**
   * Creates an empty partition: an empty sorted map, set or an empty list for structure schemas,
   * the initial value (or null) for a Class schema.
   *
   * @param declaration the PState
   */
  public MemoryPStateStore(PStateDeclaration declaration) {
    this.name = declaration.getName();
    this.schema = declaration.getSchema();
    this.declaration = declaration;
    this.adopt = new Adopt(name);
    SchemaNode top = MigratedSchemaNode.unwrap(schema);
    this.mapSchema = top instanceof MapSchema ? (MapSchema) top : null;
    this.committed = initialRoot(declaration);
  }

  private static Object initialRoot(PStateDeclaration d) {
    SchemaNode s = MigratedSchemaNode.unwrap(d.getSchema());
    if (s instanceof MapSchema) {
      // top-level keys of a map PState are kept sorted, so range navigators work on them
      return new CommittedMap();
    } else if (s instanceof SetSchema) {
      return new TreeSet<>(OrderedKeyEncoding.KEY_ORDER);
    } else if (s instanceof ListSchema) {
      return new ArrayList<>();
    }
    return d.hasInitialValue() ? Copies.deepCopy(d.getInitialValue()) : null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Object> select(Path path, Vars vars) {
    Object[] keys = PathKeys.keyChain(path, vars);
    while (true) {
      long s = seq;
      if ((s & 1) == 0) {
        checkOpen();
        Object root = committed;
        List<Object> out;
        Object v = keys == null ? NOT_POINT : point(root, keys);
        if (v != NOT_POINT) {
          out = new ArrayList<>(1);
          out.add(Copies.deepCopy(v));
        } else {
          out = Paths.select(path, root, vars);
          for (int i = 0; i < out.size(); i++) {
            out.set(i, Copies.deepCopy(out.get(i)));
          }
        }
        java.lang.invoke.VarHandle.acquireFence();
        if (seq == s) {
          return out;
        }
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public Object selectOne(Path path, Vars vars) {
    Object[] keys = PathKeys.keyChain(path, vars);
    while (true) {
      long s = seq;
      if ((s & 1) == 0) {
        checkOpen();
        Object root = committed;
        Object v = keys == null ? NOT_POINT : point(root, keys);
        Object out = Copies.deepCopy(v != NOT_POINT ? v : Paths.selectOne(path, root, vars));
        java.lang.invoke.VarHandle.acquireFence();
        if (seq == s) {
          return out;
        }
      }
      Thread.onSpinWait();
    }
  }

  // serializes the writer side (staging, commit, snapshots): one CAS to enter and a release store
  // to leave, where a monitor costs two CASes. A partition's writes come from one task thread, so
  // writers rarely wait; a waiter spins, then yields, then sleeps briefly. Not reentrant: a term
  // function that writes to the store it runs in gets an error instead of a deadlock.
  private volatile int writing;
  private Thread writer;
  private static final java.lang.invoke.VarHandle WRITING;

  static {
    try {
      WRITING =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(MemoryPStateStore.class, "writing", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private void lock() {
    if (!WRITING.compareAndSet(this, 0, 1)) {
      lockSlow();
    }
    writer = Thread.currentThread();
  }

  private void lockSlow() {
    for (int spins = 0; writing != 0 || !WRITING.compareAndSet(this, 0, 1); spins++) {
      if (writer == Thread.currentThread()) {
        throw new IllegalStateException(
            "PState " + name + ": a write or read of staged data from inside a write to it");
      }
      if (spins < 100) {
        Thread.onSpinWait();
      } else if (spins < 200) {
        Thread.yield();
      } else {
        java.util.concurrent.locks.LockSupport.parkNanos(20_000);
      }
    }
  }

  private void unlock() {
    writer = null;
    WRITING.setRelease(this, 0);
  }

  private static final Object NOT_POINT = new Object();

  /** Follows {@code key} steps over maps; NOT_POINT where the path engine must decide. */
  private static Object point(Object v, Object[] keys) {
    for (Object k : keys) {
      if (v == null) {
        return null;
      }
      if (!(v instanceof Map)) {
        return NOT_POINT;
      }
      v = ((Map<?, ?>) v).get(k);
    }
    return v;
  }

  @Override
  public List<Object> selectStaged(Path path, Vars vars) {
    lock();
    try {
      return selectStagedLocked(path, vars);
    } finally {
      unlock();
    }
  }

  private List<Object> selectStagedLocked(Path path, Vars vars) {
    checkOpen();
    settle();
    if (!dirty) {
      return select(path, vars);
    }
    List<Object> out = Paths.select(path, stagedRoot(path, vars), vars);
    for (int i = 0; i < out.size(); i++) {
      out.set(i, Copies.deepCopy(out.get(i)));
    }
    return out;
  }

  @Override
  public Object selectOneStaged(Path path, Vars vars) {
    lock();
    try {
      return selectOneStagedLocked(path, vars);
    } finally {
      unlock();
    }
  }

  private Object selectOneStagedLocked(Path path, Vars vars) {
    checkOpen();
    settle();
    if (!dirty) {
      return selectOne(path, vars);
    }
    return Copies.deepCopy(Paths.selectOne(path, stagedRoot(path, vars), vars));
  }

  /**
   * The root the writer sees: for a path into one key of a map PState, a one-entry map holding that
   * key's staged (or committed) value; otherwise the whole staged root.
   */
  private Object stagedRoot(Path path, Vars vars) {
    if (whole) {
      return staged;
    }
    Object k = PathKeys.firstKey(path, vars);
    if (k != PathKeys.NONE && k != null) {
      return single(k, currentValue(k));
    }
    return mergedRoot();
  }

  private static TreeMap<Object, Object> single(Object k, Object v) {
    TreeMap<Object, Object> m = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
    if (v != ABSENT) {
      m.put(k, v);
    }
    return m;
  }

  /** The writer's current value of top-level key {@code k}: staged, else committed, else ABSENT. */
  private Object currentValue(Object k) {
    Object v = overlay.isEmpty() ? null : overlay.get(k);
    if (v != null) {
      return v == REMOVED ? ABSENT : v;
    }
    CommittedMap.Cell c = ((CommittedMap) committed).cell(k);
    // kept with the entry the write stages next, so the commit needs no second lookup
    overlay.noteCommitted(k, c);
    return c == null ? ABSENT : c.value;
  }

  /** Committed top level with the overlay applied, as a new sorted map sharing the values. */
  private TreeMap<Object, Object> mergedRoot() {
    TreeMap<Object, Object> m = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
    m.putAll((CommittedMap) committed);
    for (Map.Entry<Object, Object> e : overlay.entrySet()) {
      if (e.getValue() == REMOVED) {
        m.remove(e.getKey());
      } else {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }

  @Override
  public void transform(Path path, Vars vars) {
    lock();
    try {
      transformLocked(path, vars);
    } finally {
      unlock();
    }
  }

  private void transformLocked(Path path, Vars vars) {
    checkOpen();
    if (pendingEntry != null) {
      PathKeys.KeyUpdate u = PathKeys.keyUpdate(path, vars);
      if (u != null && !u.remove() && java.util.Arrays.equals(u.keys(), pendingKeys)) {
        // the same leaf again: only the pending value changes
        Object nv = u.apply(pendingValue);
        if (nv != pendingValue) {
          pendingValue = adoptLeaf(leafSchema(u.keys()), nv, pendingValue, u.keys());
        }
        return;
      }
      settle();
    } else if (soleKey != null) {
      settle();
    }
    if (mapSchema != null && !whole) {
      PathKeys.KeyUpdate u = PathKeys.keyUpdate(path, vars);
      if (u != null && u.keys()[0] != null) {
        if (u.keys().length == 1) {
          topKeyUpdate(u);
          return;
        }
        if (keyUpdate(u)) {
          return;
        }
      }
      Object k = PathKeys.firstKey(path, vars);
      if (k != PathKeys.NONE && k != null) {
        transformKey(k, path, vars);
        return;
      }
    }
    Object base = whole ? staged : mapSchema != null ? mergedRoot() : committed;
    // parts the path did not change are shared with base; new parts are checked and copied, since
    // the path's term values belong to the caller, who may mutate them later
    Object next =
        adopt.adopt(schema, Paths.transform(path, base, vars), base, new ArrayList<>(), true);
    if (mapSchema != null && !(next instanceof Map)) {
      throw new IllegalArgumentException(
          "PState " + name + ": transform replaced the top-level structure with " + next);
    }
    staged = next;
    whole = true;
    fresh = null;
    session = SESSIONS.incrementAndGet();
    sessionUsed = false;
    overlay.clear();
    dirty = true;
  }

  /** A write into one top-level key: transforms that key's value alone and stages the result. */
  private void transformKey(Object k, Path path, Vars vars) {
    // (key(...).term(...) writes were tried without the engine first, see keyUpdate)
    // nothing staged yet: this write may become the session's sole write (see soleKey)
    boolean alone = !dirty;
    CommittedMap.Cell cell = alone ? ((CommittedMap) committed).cell(k) : null;
    Object old = alone ? (cell == null ? ABSENT : cell.value) : currentValue(k);
    Object nv = PathKeys.transformUnderKey(path, old == ABSENT ? null : old, vars);
    boolean present;
    if (nv == PathKeys.NONE) {
      Object out = Paths.transform(path, single(k, old), vars);
      if (!(out instanceof Map)) {
        throw new IllegalArgumentException(
            "PState " + name + ": transform replaced the top-level structure with " + out);
      }
      Map<?, ?> m = (Map<?, ?>) out;
      present = m.containsKey(k);
      nv = m.get(k);
    } else if (nv == PathKeys.REMOVE) {
      present = false;
    } else if (old == ABSENT && nv == null) {
      // unchanged absent key: key() leaves the map as it was
      present = false;
    } else {
      present = true;
    }
    stageTop(k, old, cell, alone, nv, present);
  }

  /**
   * Runs {@code key(k).term(...)} (or {@code termVal}, {@code termVoid}, with or without {@code
   * nullToVal} before the term) without the path engine: the same result as {@link #transformKey}.
   */
  private void topKeyUpdate(PathKeys.KeyUpdate u) {
    Object k = u.keys()[0];
    boolean alone = !dirty;
    CommittedMap.Cell cell = alone ? ((CommittedMap) committed).cell(k) : null;
    Object old = alone ? (cell == null ? ABSENT : cell.value) : currentValue(k);
    Object nv = u.remove() ? Navigator.VOID : u.apply(old == ABSENT ? null : old);
    // key() leaves an absent key absent when the new value is null
    boolean present = nv != Navigator.VOID && !(old == ABSENT && nv == null);
    stageTop(k, old, cell, alone, nv, present);
  }

  /**
   * Checks and stages the new value {@code nv} of top-level key {@code k} (or its removal when not
   * {@code present}); {@code old} is its current value or ABSENT, {@code cell} its committed cell
   * when {@code alone} (nothing else staged).
   */
  private void stageTop(
      Object k, Object old, CommittedMap.Cell cell, boolean alone, Object nv, boolean present) {
    if (!present) {
      if (old != ABSENT) {
        stageKey(k, REMOVED, cell, alone);
      }
      return;
    }
    if (old != ABSENT && nv == old) {
      return;
    }
    SchemaNode vs = mapSchema.valueSchema();
    Object owned;
    if (nv != null
        && vs instanceof ClassSchema
        && Copies.isLeaf(nv)
        && ((ClassSchema) vs).type().isInstance(nv)
        && (old != ABSENT || mapSchema.keyClass().isInstance(k))) {
      // an immutable value of the schema's class under a checked key (an existing key was checked
      // when it was written): taken as it is, without building the location for errors
      owned = nv;
    } else {
      List<Object> loc = new ArrayList<>(4);
      SchemaValidator.validateKey(name, mapSchema.keyClass(), k, loc);
      loc.add(k);
      owned = adopt.adopt(vs, nv, old == ABSENT ? null : old, loc, false);
    }
    stageKey(k, owned, cell, alone);
  }

  /** Stages the new value (or REMOVED) of top-level key {@code k}. */
  private void stageKey(Object k, Object v, CommittedMap.Cell cell, boolean alone) {
    if (alone) {
      soleKey = k;
      soleValue = v;
      soleCell = cell;
    } else {
      overlay.put(k, v);
    }
    dirty = true;
  }

  /**
   * Runs {@code key(k0)...key(kn).term(...)} without the path engine: copies each map along the
   * route once (or updates it in place when this session already copied it), checks only the new
   * leaf, and stages the new top-level value. Same result as the engine; returns false, having
   * changed nothing, where the route is not plain maps under map or fixed-keys schemas. Allocates
   * nothing but the new value when the leaf is an existing key of a committed subindexed map.
   */
  private boolean keyUpdate(PathKeys.KeyUpdate u) {
    Object[] keys = u.keys();
    int n = keys.length;
    if (n == 1) {
      return false;
    }
    if (u == memoUpdate
        && !dirty
        && memoRoot == committed
        && memoMark == snapshotMark
        && !memoCell.removed
        && memoCell.value == memoTop) {
      // the same update object as last time, and the committed map it went into is still the
      // value of its key: its entry is still that key's (committed maps never change structure)
      return updateInPlace(u, memoEntry, memoLeaf, memoTop);
    }
    CommittedMap.Cell topCell = dirty ? null : ((CommittedMap) committed).cell(keys[0]);
    Object top = dirty ? currentValue(keys[0]) : topCell == null ? ABSENT : topCell.value;
    Object v = top == ABSENT ? null : top;
    // si is the schema of v; parent (with schema ps) will hold the leaf key keys[n - 1]
    SchemaNode si = mapSchema.valueSchema();
    SchemaNode ps = null;
    for (int i = 1; i < n; i++) {
      // copyable(v) implies a Map and uses class tests: an interface test (instanceof Map) is slow
      // on JDK 17 when the same class is also tested against other interfaces elsewhere
      if (!copyable(v) || si instanceof MigratedSchemaNode) {
        return false;
      }
      SchemaNode next;
      if (si instanceof MapSchema) {
        next = ((MapSchema) si).valueSchema();
      } else if (si instanceof FixedKeysSchema) {
        next = ((FixedKeysSchema) si).fields().get(keys[i]);
        if (next == null) {
          return false;
        }
      } else {
        return false;
      }
      ps = si;
      si = next;
      if (i < n - 1) {
        v = ((Map<?, ?>) v).get(keys[i]);
      }
    }
    Map<?, ?> parent = (Map<?, ?>) v;
    Object k = keys[n - 1];
    // an existing key of a committed map that no snapshot shares: set in place at commit
    Map.Entry<Object, Object> entry =
        parent instanceof StoredSortedMap
                && top != ABSENT
                && (overlay.isEmpty() || !overlay.containsKey(keys[0]))
                && ((StoredSortedMap) parent).born >= snapshotMark
            ? ((StoredSortedMap) parent).entry(k)
            : null;
    if (entry != null) {
      if (n == 2 && topCell != null) {
        memoUpdate = u;
        memoCell = topCell;
        memoTop = top;
        memoEntry = entry;
        memoLeaf = si;
        memoRoot = committed;
        memoMark = snapshotMark;
      }
      return updateInPlace(u, entry, si, top);
    }
    Object old = parent.get(k);
    Object nv = u.remove() ? Navigator.VOID : u.apply(old);
    if (nv == Navigator.VOID) {
      if (!parent.containsKey(k)) {
        return true;
      }
      stageCopy(keys, route(keys, top), k, Navigator.VOID);
      return true;
    }
    if (nv == old) {
      return true;
    }
    if (ps instanceof MapSchema) {
      Class<?> kc = ((MapSchema) ps).keyClass();
      if (!kc.isInstance(k)) {
        List<Object> loc = locOf(keys);
        loc.remove(n - 1);
        SchemaValidator.validateKey(name, kc, k, loc);
      }
    }
    stageCopy(keys, route(keys, top), k, adoptLeaf(si, nv, old, keys));
    return true;
  }

  /**
   * The rest of {@link #keyUpdate} for a leaf that exists in a committed map no snapshot shares:
   * the new value is set in its tree entry at commit (its key was checked when it was written).
   */
  private boolean updateInPlace(
      PathKeys.KeyUpdate u, Map.Entry<Object, Object> entry, SchemaNode leaf, Object top) {
    Object[] keys = u.keys();
    Object old = entry.getValue();
    Object nv = u.remove() ? Navigator.VOID : u.apply(old);
    if (nv == Navigator.VOID) {
      stageCopy(keys, route(keys, top), keys[keys.length - 1], Navigator.VOID);
      return true;
    }
    if (nv == old) {
      return true;
    }
    pendingValue = adoptLeaf(leaf, nv, old, keys);
    pendingEntry = entry;
    pendingKeys = keys;
    pendingTop = top;
    dirty = true;
    return true;
  }

  /**
   * The maps on the route of {@code keys} from top-level value {@code top}: [i] holds keys[i+1].
   */
  private static Object[] route(Object[] keys, Object top) {
    Object[] maps = new Object[keys.length - 1];
    Object v = top;
    for (int i = 0; i < maps.length; i++) {
      maps[i] = v;
      if (i + 1 < maps.length) {
        v = ((Map<?, ?>) v).get(keys[i + 1]);
      }
    }
    return maps;
  }

  /**
   * {@link Adopt#adopt} for the new value of one leaf; an immutable value of the schema's class (a
   * {@code Long} counter, say) is taken as it is, without building the location for errors.
   */
  private Object adoptLeaf(SchemaNode leaf, Object nv, Object old, Object[] keys) {
    if (nv != null
        && leaf instanceof ClassSchema
        && Copies.isLeaf(nv)
        && ((ClassSchema) leaf).type().isInstance(nv)) {
      return nv;
    }
    return adopt.adopt(leaf, nv, old, locOf(keys), false);
  }

  private static List<Object> locOf(Object[] keys) {
    List<Object> loc = new ArrayList<>(keys.length);
    java.util.Collections.addAll(loc, keys);
    return loc;
  }

  /** The schema of the leaf a pending write's keys lead to (known to exist: it was resolved). */
  private SchemaNode leafSchema(Object[] keys) {
    SchemaNode si = mapSchema.valueSchema();
    for (int i = 1; i < keys.length; i++) {
      si =
          si instanceof MapSchema
              ? ((MapSchema) si).valueSchema()
              : ((FixedKeysSchema) si).fields().get(keys[i]);
    }
    return si;
  }

  /**
   * Moves a pending in-place write into the overlay, as a copy of its route, and a sole top-level
   * write into the overlay as it is.
   */
  private void settle() {
    if (pendingEntry != null) {
      Object[] keys = pendingKeys;
      Object v = pendingValue;
      Object top = pendingTop;
      pendingEntry = null;
      pendingValue = null;
      pendingKeys = null;
      pendingTop = null;
      stageCopy(keys, route(keys, top), keys[keys.length - 1], v);
    }
    if (soleKey != null) {
      overlay.put(soleKey, soleValue, soleCell != null ? soleCell : Overlay.NOT_COMMITTED);
      soleKey = null;
      soleValue = null;
      soleCell = null;
    }
  }

  /**
   * Stages {@code value} (or a removal, for VOID) at the end of {@code keys} by copying the maps on
   * the route that this session has not copied yet; {@code maps[i]} holds {@code keys[i + 1]}.
   */
  private void stageCopy(Object[] keys, Object[] maps, Object k, Object value) {
    int n = keys.length;
    Map<Object, Object> changed = writable((Map<?, ?>) maps[n - 2]);
    if (value == Navigator.VOID) {
      changed.remove(k);
    } else {
      changed.put(k, value);
    }
    for (int i = n - 3; i >= 0; i--) {
      Map<Object, Object> up = writable((Map<?, ?>) maps[i]);
      up.put(keys[i + 1], changed);
      changed = up;
    }
    overlay.put(keys[0], changed);
    dirty = true;
  }

  private static boolean copyable(Object m) {
    return m instanceof java.util.HashMap || m instanceof TreeMap;
  }

  /**
   * The map itself when this session made it, else a copy of the same kind owned by the session.
   */
  @SuppressWarnings("unchecked")
  private Map<Object, Object> writable(Map<?, ?> m) {
    if (m instanceof StoredSortedMap) {
      StoredSortedMap sm = (StoredSortedMap) m;
      if (sm.owner == session) {
        return sm;
      }
      StoredSortedMap copy = new StoredSortedMap(sm);
      copy.owner = session;
      sessionUsed = true;
      return copy;
    }
    if (fresh != null && fresh.contains(m)) {
      return (Map<Object, Object>) m;
    }
    Map<Object, Object> out;
    if (m instanceof TreeMap) {
      out = new TreeMap<>((TreeMap<Object, Object>) m);
    } else if (m instanceof java.util.LinkedHashMap) {
      out = new java.util.LinkedHashMap<>(m);
    } else {
      out = new java.util.HashMap<>(m);
    }
    if (fresh == null) {
      fresh = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(4));
    }
    fresh.add(out);
    return out;
  }

  @Override
  public void commit() {
    lock();
    try {
      commitLocked();
    } finally {
      unlock();
    }
  }

  private void commitLocked() {
    checkOpen();
    if (!dirty) {
      return;
    }
    commits++;
    if (whole) {
      committed = mapSchema != null ? CommittedMap.of((Map<?, ?>) staged) : staged;
    } else {
      CommittedMap root = (CommittedMap) committed;
      long s = seq;
      SEQ.setOpaque(this, s + 1);
      // the in-place writes below must not become visible before readers can see seq is odd
      java.lang.invoke.VarHandle.storeStoreFence();
      try {
        if (soleKey != null) {
          if (soleValue == REMOVED) {
            root.delete(soleKey);
          } else if (soleCell != null) {
            soleCell.value = soleValue;
          } else {
            // absent when the write was staged, and only this store's commits add keys
            root.add(soleKey, soleValue);
          }
        }
        if (!overlay.isEmpty()) {
          overlay.commitInto(root, REMOVED, ABSENT, keepKeys, keepValues);
        }
        if (pendingEntry != null) {
          pendingEntry.setValue(pendingValue);
        }
      } finally {
        // release: every write above is visible to a reader that reads the new, even value
        SEQ.setRelease(this, s + 2);
      }
    }
    clearStaged();
  }

  private void clearStaged() {
    pendingEntry = null;
    pendingValue = null;
    pendingKeys = null;
    pendingTop = null;
    soleKey = null;
    soleValue = null;
    soleCell = null;
    overlay.clear();
    fresh = null;
    if (sessionUsed) {
      session = SESSIONS.incrementAndGet();
      sessionUsed = false;
    }
    staged = null;
    whole = false;
    dirty = false;
  }

  @Override
  public void abort() {
    lock();
    try {
      abortLocked();
    } finally {
      unlock();
    }
  }

  private void abortLocked() {
    checkOpen();
    clearStaged();
  }

  /**
   * A copy of the committed top level of a map PState (values are immutable once committed, so they
   * are shared: the copy costs the number of keys, not the data size); the committed root itself
   * for other PStates, whose roots are replaced whole, never mutated.
   */
  @Override
  public Object snapshot() {
    lock();
    try {
      return snapshotLocked();
    } finally {
      unlock();
    }
  }

  private Object snapshotLocked() {
    checkOpen();
    // the snapshot shares the committed maps: none of them may be updated in place from now on
    settle();
    snapshotMark = StoredSortedMap.CLOCK.incrementAndGet();
    if (lastSnapshot != null && lastSnapshotCommits == commits) {
      // (a microbatch task that wrote nothing in the last attempt, say)
      return lastSnapshot;
    }
    Root out;
    if (mapSchema == null) {
      out = new Root(committed);
    } else {
      TreeMap<Object, Object> copy = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
      copy.putAll((CommittedMap) committed);
      out = new Root(copy);
    }
    lastSnapshot = out;
    lastSnapshotCommits = commits;
    return out;
  }

  @Override
  public List<Object> selectAt(Object snapshot, Path path, Vars vars) {
    checkOpen();
    List<Object> out = Paths.select(path, ((Root) snapshot).value, vars);
    for (int i = 0; i < out.size(); i++) {
      out.set(i, Copies.deepCopy(out.get(i)));
    }
    return out;
  }

  @Override
  public void restore(Object snapshot) {
    lock();
    try {
      restoreLocked(snapshot);
    } finally {
      unlock();
    }
  }

  private void restoreLocked(Object snapshot) {
    checkOpen();
    Object v = ((Root) snapshot).value;
    committed = mapSchema != null ? CommittedMap.of((Map<?, ?>) v) : v;
    commits++;
    clearStaged();
  }

  /** A snapshot: wraps the root so that a null root is a snapshot too. */
  private static final class Root {
    final Object value;

    Root(Object value) {
      this.value = value;
    }
  }

  // during commitKeepingPrevious: receive the keys the commit changes and their previous values
  private Object[] keepKeys;
  private Object[] keepValues;

  /**
   * The previous committed values of the top-level keys one commit changed ({@link #ABSENT} for a
   * key it added).
   */
  private static final class Previous {
    final Object[] keys;
    final Object[] values;

    Previous(Object[] keys, Object[] values) {
      this.keys = keys;
      this.values = values;
    }
  }

  /**
   * Commits, and returns a {@link Previous} of the keys the overlay changes, or a {@link Root} of
   * the replaced root for a whole-root commit (whole roots are replaced, never mutated). Costs one
   * lookup per changed key on top of the commit.
   */
  @Override
  public Object commitKeepingPrevious() {
    lock();
    try {
      return commitKeepingPreviousLocked();
    } finally {
      unlock();
    }
  }

  private Object commitKeepingPreviousLocked() {
    checkOpen();
    settle();
    if (!dirty) {
      return null;
    }
    Object prev;
    if (whole || mapSchema == null) {
      prev = new Root(committed);
    } else {
      // the commit fills them in as it replaces each value
      int n = overlay.size();
      keepKeys = new Object[n];
      keepValues = new Object[n];
      prev = new Previous(keepKeys, keepValues);
    }
    // the record shares committed values: none of them may be updated in place from now on
    snapshotMark = StoredSortedMap.CLOCK.incrementAndGet();
    try {
      commitLocked();
    } finally {
      keepKeys = null;
      keepValues = null;
    }
    return prev;
  }

  /**
   * Rebuilds the data before the given commits only when there are any: a copy of the top level
   * with each record's previous values put back, newest record first, so the oldest wins.
   */
  @Override
  public List<Object> selectBefore(List<Object> previous, Path path, Vars vars) {
    if (previous.isEmpty()) {
      return select(path, vars);
    }
    // under the writer's lock: no commit changes the committed data while it is copied
    lock();
    try {
      return selectBeforeLocked(previous, path, vars);
    } finally {
      unlock();
    }
  }

  private List<Object> selectBeforeLocked(List<Object> previous, Path path, Vars vars) {
    checkOpen();
    Object root = committed;
    TreeMap<Object, Object> copy = null;
    for (Object p : previous) {
      if (p instanceof Root) {
        root = ((Root) p).value;
        copy = null;
        continue;
      }
      if (copy == null) {
        copy = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
        copy.putAll((Map<?, ?>) root);
      }
      Previous r = (Previous) p;
      for (int i = 0; i < r.keys.length; i++) {
        if (r.values[i] == ABSENT) {
          copy.remove(r.keys[i]);
        } else {
          copy.put(r.keys[i], r.values[i]);
        }
      }
    }
    List<Object> out = Paths.select(path, copy != null ? copy : root, vars);
    for (int i = 0; i < out.size(); i++) {
      out.set(i, Copies.deepCopy(out.get(i)));
    }
    return out;
  }

  @Override
  public boolean hasStagedWrites() {
    lock();
    try {
      return hasStagedWritesLocked();
    } finally {
      unlock();
    }
  }

  private boolean hasStagedWritesLocked() {
    return dirty;
  }

  @Override
  public void close() {
    lock();
    try {
      closeLocked();
    } finally {
      unlock();
    }
  }

  private void closeLocked() {
    closed = true;
    clearStaged();
    committed = null;
    lastSnapshot = null;
  }

  /**
   * Opens this partition's data under a module update's new declaration: checks the change with
   * {@link SchemaCompatibility#check} and applies the new schema's migrations to the committed data
   * at once (memory data is small, so there is no background pass). This store stays as it was.
   *
   * @param newDeclaration the PState as the updated module declares it
   * @return a store holding the migrated committed data and no staged writes
   * @throws IllegalArgumentException if the change is incompatible and no migration covers it
   */
  @Override
  public MemoryPStateStore migrateTo(PStateDeclaration newDeclaration) {
    lock();
    try {
      return migrateToLocked(newDeclaration);
    } finally {
      unlock();
    }
  }

  private MemoryPStateStore migrateToLocked(PStateDeclaration newDeclaration) {
    checkOpen();
    SchemaCompatibility.check(declaration, newDeclaration);
    // the new store may share committed maps with this one: neither updates them in place
    settle();
    snapshotMark = StoredSortedMap.CLOCK.incrementAndGet();
    MemoryPStateStore next = new MemoryPStateStore(newDeclaration);
    Object migrated = Migrate.apply(newDeclaration.getSchema(), committed, next.adopt);
    next.snapshotMark = snapshotMark;
    next.committed =
        next.mapSchema != null && migrated instanceof Map
            ? CommittedMap.of((Map<?, ?>) migrated)
            : migrated;
    return next;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("PState " + name + ": store is closed");
    }
  }

  @Override
  public long size() {
    Object c = committed;
    if (c instanceof CommittedMap) {
      return ((CommittedMap) c).size();
    }
    if (c instanceof Map) {
      return ((Map<?, ?>) c).size();
    }
    if (c instanceof java.util.Collection) {
      return ((java.util.Collection<?>) c).size();
    }
    return c == null ? 0 : 1;
  }
}
