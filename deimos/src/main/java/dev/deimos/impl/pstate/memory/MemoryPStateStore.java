package dev.deimos.impl.pstate.memory;

import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.PathKeys;
import dev.deimos.impl.path.Paths;
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
 * commit or none of it; so a write costs its route inside one value plus {@code log n} at commit,
 * not the size of the partition. A {@code key(...).term(...)} write of an existing leaf of a
 * committed subindexed map skips even that: it is kept aside and set in place at commit, under the
 * same lock (snapshots and migrated stores, which share committed maps, turn this off for the maps
 * they share). Writes with other paths (and every write to set and Class PStates) stage a new whole
 * root, which commit swaps in.
 *
 * <p>Reads made only of {@code key} steps skip the path engine (a hash lookup per level where the
 * keys allow it). Results are copies of mutable containers; immutable leaves are returned as they
 * are.
 *
 * <p>Thread-safe: readers never lock (they retry if a commit landed during the read); writers are
 * serialized.
 */
public final class MemoryPStateStore implements PStateStore {
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
  // even when no commit is running; readers retry when it changed during their read
  private volatile long seq;
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
  private Object[] pendingMaps;
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
  public synchronized List<Object> selectStaged(Path path, Vars vars) {
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
  public synchronized Object selectOneStaged(Path path, Vars vars) {
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
  public synchronized void transform(Path path, Vars vars) {
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
    }
    if (mapSchema != null && !whole) {
      PathKeys.KeyUpdate u = PathKeys.keyUpdate(path, vars);
      if (u != null && u.keys()[0] != null && keyUpdate(u)) {
        return;
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
    Object old = currentValue(k);
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
    if (!present) {
      if (old != ABSENT) {
        overlay.put(k, REMOVED);
        dirty = true;
      }
      return;
    }
    if (old != ABSENT && nv == old) {
      return;
    }
    List<Object> loc = new ArrayList<>(4);
    SchemaValidator.validateKey(name, mapSchema.keyClass(), k, loc);
    loc.add(k);
    Object owned = adopt.adopt(mapSchema.valueSchema(), nv, old == ABSENT ? null : old, loc, false);
    overlay.put(k, owned);
    dirty = true;
  }

  /**
   * Runs {@code key(k0)...key(kn).term(...)} without the path engine: copies each map along the
   * route once (or updates it in place when this session already copied it), checks only the new
   * leaf, and stages the new top-level value. Same result as the engine; returns false, having
   * changed nothing, where the route is not plain maps under map or fixed-keys schemas.
   */
  private boolean keyUpdate(PathKeys.KeyUpdate u) {
    Object[] keys = u.keys();
    int n = keys.length;
    Object top = currentValue(keys[0]);
    // maps[i] holds keys[i + 1]; schemas[i] is its schema
    Object[] maps = new Object[n - 1];
    SchemaNode[] schemas = new SchemaNode[n];
    schemas[0] = mapSchema.valueSchema();
    Object v = top == ABSENT ? null : top;
    for (int i = 1; i < n; i++) {
      SchemaNode si = schemas[i - 1];
      // copyable(v) implies a Map and uses class tests: an interface test (instanceof Map) is slow
      // on JDK 17 when the same class is also tested against other interfaces elsewhere
      if (!copyable(v) || si instanceof MigratedSchemaNode) {
        return false;
      }
      maps[i - 1] = v;
      if (si instanceof MapSchema) {
        schemas[i] = ((MapSchema) si).valueSchema();
      } else if (si instanceof FixedKeysSchema) {
        schemas[i] = ((FixedKeysSchema) si).fields().get(keys[i]);
        if (schemas[i] == null) {
          return false;
        }
      } else {
        return false;
      }
      v = ((Map<?, ?>) v).get(keys[i]);
    }
    if (n == 1) {
      return false;
    }
    Map<?, ?> parent = (Map<?, ?>) maps[n - 2];
    Object k = keys[n - 1];
    Object old = v;
    Object nv = u.remove() ? Navigator.VOID : u.apply(old);
    if (nv == Navigator.VOID) {
      if (!parent.containsKey(k)) {
        return true;
      }
      stageCopy(keys, maps, k, Navigator.VOID);
      return true;
    }
    if (nv == old) {
      return true;
    }
    // an existing key of a committed map: its schema was checked when it was written
    Map.Entry<Object, Object> entry =
        parent instanceof StoredSortedMap
                && top != ABSENT
                && !overlay.containsKey(keys[0])
                && ((StoredSortedMap) parent).born >= snapshotMark
            ? ((StoredSortedMap) parent).entry(k)
            : null;
    if (entry == null) {
      SchemaNode ps = schemas[n - 2];
      if (ps instanceof MapSchema) {
        List<Object> loc = locOf(keys);
        loc.remove(n - 1);
        SchemaValidator.validateKey(name, ((MapSchema) ps).keyClass(), k, loc);
      }
    }
    Object owned = adoptLeaf(schemas[n - 1], nv, old, keys);
    if (entry != null) {
      pendingEntry = entry;
      pendingValue = owned;
      pendingKeys = keys;
      pendingMaps = maps;
      dirty = true;
      return true;
    }
    stageCopy(keys, maps, k, owned);
    return true;
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

  /** Moves a pending in-place write into the overlay, as a copy of its route. */
  private void settle() {
    if (pendingEntry != null) {
      Object[] keys = pendingKeys;
      Object v = pendingValue;
      Object[] maps = pendingMaps;
      pendingEntry = null;
      pendingValue = null;
      pendingKeys = null;
      pendingMaps = null;
      stageCopy(keys, maps, keys[keys.length - 1], v);
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
  public synchronized void commit() {
    checkOpen();
    if (!dirty) {
      return;
    }
    if (whole) {
      committed = mapSchema != null ? CommittedMap.of((Map<?, ?>) staged) : staged;
    } else {
      CommittedMap root = (CommittedMap) committed;
      seq++;
      // the in-place writes below must not become visible before readers can see seq is odd
      java.lang.invoke.VarHandle.storeStoreFence();
      try {
        if (!overlay.isEmpty()) {
          overlay.commitInto(root, REMOVED, ABSENT, keepKeys, keepValues);
        }
        if (pendingEntry != null) {
          pendingEntry.setValue(pendingValue);
        }
      } finally {
        seq++;
      }
    }
    clearStaged();
  }

  private void clearStaged() {
    pendingEntry = null;
    pendingValue = null;
    pendingKeys = null;
    pendingMaps = null;
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
  public synchronized void abort() {
    checkOpen();
    clearStaged();
  }

  /**
   * A copy of the committed top level of a map PState (values are immutable once committed, so they
   * are shared: the copy costs the number of keys, not the data size); the committed root itself
   * for other PStates, whose roots are replaced whole, never mutated.
   */
  @Override
  public synchronized Object snapshot() {
    checkOpen();
    // the snapshot shares the committed maps: none of them may be updated in place from now on
    settle();
    snapshotMark = StoredSortedMap.CLOCK.incrementAndGet();
    if (mapSchema == null) {
      return new Root(committed);
    }
    TreeMap<Object, Object> copy = new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
    copy.putAll((CommittedMap) committed);
    return new Root(copy);
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
  public synchronized void restore(Object snapshot) {
    checkOpen();
    Object v = ((Root) snapshot).value;
    committed = mapSchema != null ? CommittedMap.of((Map<?, ?>) v) : v;
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
  public synchronized Object commitKeepingPrevious() {
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
      commit();
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
  public synchronized List<Object> selectBefore(List<Object> previous, Path path, Vars vars) {
    checkOpen();
    if (previous.isEmpty()) {
      return select(path, vars);
    }
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
  public synchronized boolean hasStagedWrites() {
    return dirty;
  }

  @Override
  public synchronized void close() {
    closed = true;
    clearStaged();
    committed = null;
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
  public synchronized MemoryPStateStore migrateTo(PStateDeclaration newDeclaration) {
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
}
