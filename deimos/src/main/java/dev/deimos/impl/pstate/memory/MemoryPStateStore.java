package dev.deimos.impl.pstate.memory;

import dev.deimos.Path;
import dev.deimos.impl.data.OrderedKeyEncoding;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaCompatibility;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SetSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link PStateStore} holding the whole partition as one plain {@code java.util} value.
 *
 * <p>Writes go through {@link Paths#transform}, which copies along the changed route and never
 * mutates its input, so the committed root and the staged root can share structure: commit swaps
 * the staged root in, abort drops it. A write checks and copies only the parts the path changed
 * ({@link Adopt}), so it costs the width of the maps along its route plus its new values. Readers
 * read the committed root reference once, so each read sees one committed state.
 *
 * <p>Thread-safe: readers take the committed root without locking; writers are serialized.
 */
public final class MemoryPStateStore implements PStateStore {
  private final String name;
  private final SchemaNode schema;
  private final PStateDeclaration declaration;
  private final Adopt adopt;
  private volatile Object committed;
  private Object staged;
  private boolean dirty;
  private volatile boolean closed;

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
    this.committed = initialRoot(declaration);
  }

  private static Object initialRoot(PStateDeclaration d) {
    SchemaNode s = MigratedSchemaNode.unwrap(d.getSchema());
    if (s instanceof MapSchema) {
      // top-level keys of a map PState are kept sorted, so range navigators work on them
      return new TreeMap<>(OrderedKeyEncoding.KEY_ORDER);
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
    checkOpen();
    List<Object> out = Paths.select(path, committed, vars);
    for (int i = 0; i < out.size(); i++) {
      out.set(i, Copies.deepCopy(out.get(i)));
    }
    return out;
  }

  @Override
  public Object selectOne(Path path, Vars vars) {
    checkOpen();
    return Copies.deepCopy(Paths.selectOne(path, committed, vars));
  }

  @Override
  public synchronized void transform(Path path, Vars vars) {
    checkOpen();
    Object base = dirty ? staged : committed;
    // parts the path did not change are shared with base; new parts are checked and copied, since
    // the path's term values belong to the caller, who may mutate them later
    Object next =
        adopt.adopt(schema, Paths.transform(path, base, vars), base, new ArrayList<>(), true);
    staged = next;
    dirty = true;
  }

  @Override
  public synchronized void commit() {
    checkOpen();
    if (dirty) {
      committed = staged;
      staged = null;
      dirty = false;
    }
  }

  @Override
  public synchronized void abort() {
    checkOpen();
    staged = null;
    dirty = false;
  }

  /** The committed root itself: roots are never mutated, so holding one is a snapshot. */
  @Override
  public Object snapshot() {
    checkOpen();
    return new Root(committed);
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
    committed = ((Root) snapshot).value;
    staged = null;
    dirty = false;
  }

  /** A snapshot: wraps the root so that a null root is a snapshot too. */
  private static final class Root {
    final Object value;

    Root(Object value) {
      this.value = value;
    }
  }

  @Override
  public synchronized boolean hasStagedWrites() {
    return dirty;
  }

  @Override
  public synchronized void close() {
    closed = true;
    staged = null;
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
    MemoryPStateStore next = new MemoryPStateStore(newDeclaration);
    next.committed = Migrate.apply(newDeclaration.getSchema(), committed);
    return next;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("PState " + name + ": store is closed");
    }
  }
}
