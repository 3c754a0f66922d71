package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.Expr;
import dev.deimos.Helpers;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.Ops;

/**
 * A PState from each key to a linked set of entities: a set that answers both "is this entity in
 * it?" and "what was inserted, in order?".
 *
 * <p>Every insertion gets a fresh id from a {@link ModuleUniqueIdPState} (ascending by default, or
 * {@link #descending()}); re-inserting an entity moves it to the end with a new id. Two PStates
 * hold the sets: {@code baseName} maps key to entity id to insertion id (membership queries) and
 * {@code baseName + "ById"} maps key to insertion id to entity (order queries and pagination with
 * {@code sortedMapRange} / {@code sortedMapRangeFrom}). Both inner maps are subindexed. A third,
 * private PState {@code baseName + "__idGen"} holds the id counter.
 *
 * <p>An entity is its own entity id unless {@link #entityIdFunction} says how to extract one.
 * Usage: create one instance per module, call {@link #declarePStates} on the owning topology and
 * splice the other methods' blocks into its code with {@code macro}; query the PStates directly.
 */
public class KeyToLinkedEntitySetPStateGroup {
  private final String byEntity;
  private final String byId;
  private final Class<?> keyType;
  private final Class<?> entityType;
  private final ModuleUniqueIdPState ids;
  private Class<?> entityIdType;
  private DeimosFunction1<?, ?> entityIdFunction = Ops.IDENTITY;

  /**
   * Describes the PStates; nothing is declared until {@link #declarePStates}.
   *
   * @param basePStateName name of the membership PState, starting with {@code $$}
   * @param keyType type of the keys
   * @param entityType type of the entities
   * @throws IllegalArgumentException if the name does not start with {@code $$}
   */
  @SuppressWarnings("rawtypes")
  public KeyToLinkedEntitySetPStateGroup(String basePStateName, Class keyType, Class entityType) {
    FixedItems.checkName(basePStateName);
    this.byEntity = basePStateName;
    this.byId = basePStateName + "ById";
    this.keyType = keyType;
    this.entityType = entityType;
    this.entityIdType = entityType;
    this.ids = new ModuleUniqueIdPState(basePStateName + "__idGen");
  }

  /**
   * Makes insertion ids decrease, so the by-id PState iterates newest first.
   *
   * @return this
   */
  public KeyToLinkedEntitySetPStateGroup descending() {
    ids.descending();
    return this;
  }

  /**
   * Identifies entities by {@code fn(entity)} instead of by themselves; call before {@link
   * #declarePStates}.
   *
   * @param entityIdType type of the entity ids
   * @param fn extracts the entity id of an entity
   * @return this
   */
  @SuppressWarnings("rawtypes")
  public KeyToLinkedEntitySetPStateGroup entityIdFunction(Class entityIdType, DeimosFunction1 fn) {
    this.entityIdType = entityIdType;
    this.entityIdFunction = fn;
    return this;
  }

  /**
   * Declares the PStates on {@code topology}.
   *
   * @param topology the stream or microbatch topology that writes the sets
   */
  public void declarePStates(ETLTopologyBase<?> topology) {
    ids.declarePState(topology);
    topology.pstate(
        byEntity,
        PState.mapSchema(keyType, PState.mapSchema(entityIdType, Long.class).subindexed()));
    topology.pstate(
        byId, PState.mapSchema(keyType, PState.mapSchema(Long.class, entityType).subindexed()));
  }

  /**
   * A block inserting {@code entity} at the end of the set of {@code key}; if it was already there,
   * its old position is removed.
   *
   * @param key the key: a var, value or Expr
   * @param entity the entity: a var, value or Expr
   * @return the block
   */
  public Block addToLinkedSet(Object key, Object entity) {
    String entityId = Helpers.genVar("linkedEntityId");
    String id = Helpers.genVar("linkedId");
    return Block.each(entityIdFunction, entity)
        .out(entityId)
        .macro(dropPosition(key, entityId))
        .macro(ids.genId(id))
        .localTransform(byEntity, Path.key(key, entityId).termVal(id))
        .localTransform(byId, Path.key(key, id).termVal(entity));
  }

  /** Removes the by-id entry of {@code entityId}, if it has one; the membership entry stays. */
  private Block dropPosition(Object key, Object entityId) {
    String old = Helpers.genVar("linkedOldId");
    return Block.localSelect(byEntity, Path.key(key, entityId))
        .out(old)
        .ifTrue(
            new Expr(Ops.IS_NOT_NULL, old),
            Block.localTransform(byId, Path.key(key, old).termVoid()));
  }

  /**
   * A block that continues only if {@code key} has a set (possibly emptied by removals).
   *
   * @param key the key: a var, value or Expr
   * @return the block
   */
  public Block filterKeyExists(Object key) {
    return Block.localSelect(byEntity, Path.must(key));
  }

  /**
   * A block removing the entity whose entity id is {@code entityId} from the set of {@code key};
   * nothing happens if it is not there.
   *
   * @param key the key: a var, value or Expr
   * @param entityId the entity id: a var, value or Expr
   * @return the block
   */
  public Block removeFromLinkedSetByEntityId(Object key, Object entityId) {
    String old = Helpers.genVar("linkedOldId");
    return Block.localSelect(byEntity, Path.key(key, entityId))
        .out(old)
        .ifTrue(
            new Expr(Ops.IS_NOT_NULL, old),
            Block.localTransform(byId, Path.key(key, old).termVoid())
                .localTransform(byEntity, Path.key(key, entityId).termVoid()));
  }

  /**
   * A block removing {@code entity} (by its entity id) from the set of {@code key}.
   *
   * @param key the key: a var, value or Expr
   * @param entity the entity: a var, value or Expr
   * @return the block
   */
  public Block removeFromLinkedSet(Object key, Object entity) {
    String entityId = Helpers.genVar("linkedEntityId");
    return Block.each(entityIdFunction, entity)
        .out(entityId)
        .macro(removeFromLinkedSetByEntityId(key, entityId));
  }

  /**
   * A block removing {@code key} and its set from both PStates.
   *
   * @param key the key: a var, value or Expr
   * @return the block
   */
  public Block removeKey(Object key) {
    return Block.localTransform(byEntity, Path.key(key).termVoid())
        .localTransform(byId, Path.key(key).termVoid());
  }
}
