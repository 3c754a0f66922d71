package dev.deimos.impl.pstate.schema;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;
import dev.deimos.impl.data.Functions;
import dev.deimos.ops.DeimosFunction1;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A location whose stored values are being converted to {@code target} by {@code migrationFn}.
 *
 * @param target the new schema
 * @param migrationId identifies this migration; a changed id restarts it
 * @param migrationFn idempotent conversion from old (or already new) values to new ones
 * @param toSubindexed whether the value becomes subindexed
 * @param addedFixedKeys fixed keys the migration adds
 * @param removedFixedKeys fixed keys the migration removes
 */
public record MigratedSchemaNode(
    SchemaNode target,
    String migrationId,
    DeimosFunction1<?, ?> migrationFn,
    boolean toSubindexed,
    Set<Object> addedFixedKeys,
    Set<Object> removedFixedKeys)
    implements SchemaNode, PState.MigratedSchema {
  /** Freezes the key sets. */
  public MigratedSchemaNode {
    if (migrationId == null || migrationId.isEmpty()) {
      throw new IllegalArgumentException("A PState migration needs a non-empty migration id");
    }
    if (migrationFn == null) {
      throw new IllegalArgumentException("PState migration " + migrationId + " has no function");
    }
    if (target instanceof MigratedSchemaNode) {
      throw new IllegalArgumentException(
          "PState migration " + migrationId + " wraps another migrated schema at the same place");
    }
    addedFixedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(addedFixedKeys));
    removedFixedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(removedFixedKeys));
  }

  /**
   * Starts a migration with no options.
   *
   * @param target new schema
   * @param id migration id
   * @param fn conversion function
   */
  public MigratedSchemaNode(SchemaNode target, String id, DeimosFunction1<?, ?> fn) {
    this(target, id, fn, false, Set.of(), Set.of());
  }

  @Override
  public PState.MigratedSchema addFixedKeys(Object... ks) {
    Set<Object> s = new LinkedHashSet<>(addedFixedKeys);
    Collections.addAll(s, ks);
    return new MigratedSchemaNode(
        target, migrationId, migrationFn, toSubindexed, s, removedFixedKeys);
  }

  @Override
  public PState.MigratedSchema removeFixedKeys(Object... ks) {
    Set<Object> s = new LinkedHashSet<>(removedFixedKeys);
    Collections.addAll(s, ks);
    return new MigratedSchemaNode(
        target, migrationId, migrationFn, toSubindexed, addedFixedKeys, s);
  }

  @Override
  public PState.MigratedSchema migrateToSubindexed() {
    return new MigratedSchemaNode(
        target, migrationId, migrationFn, true, addedFixedKeys, removedFixedKeys);
  }

  @Override
  public PState.Schema subindexed() {
    return new MigratedSchemaNode(
        SchemaNode.of(target.subindexed()),
        migrationId,
        migrationFn,
        toSubindexed,
        addedFixedKeys,
        removedFixedKeys);
  }

  @Override
  public PState.Schema subindexed(SubindexOptions options) {
    return new MigratedSchemaNode(
        SchemaNode.of(target.subindexed(options)),
        migrationId,
        migrationFn,
        toSubindexed,
        addedFixedKeys,
        removedFixedKeys);
  }

  @Override
  public boolean isSubindexed() {
    return target.isSubindexed();
  }

  @Override
  public boolean isSizeTracked() {
    return target.isSizeTracked();
  }

  @Override
  public String describe() {
    return "migrated(" + target.describe() + ", \"" + migrationId + "\")";
  }

  /**
   * Converts one stored value to the target shape, as a read does while the migration runs. Null
   * stays null (an absent value has nothing to migrate).
   *
   * @param stored the value as stored, old or already new
   * @return the value in the new shape
   * @throws IllegalStateException naming the migration id if the function throws
   */
  public Object migrate(Object stored) {
    if (stored == null) {
      return null;
    }
    try {
      return Functions.invoke(migrationFn, new Object[] {stored});
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "PState migration "
              + migrationId
              + " failed on a value of type "
              + Classes.typeOf(stored),
          e);
    }
  }

  /**
   * Strips a migration wrapper.
   *
   * @param n a node
   * @return the target of a migrated node, else the node
   */
  public static SchemaNode unwrap(SchemaNode n) {
    return n instanceof MigratedSchemaNode ? ((MigratedSchemaNode) n).target() : n;
  }
}
