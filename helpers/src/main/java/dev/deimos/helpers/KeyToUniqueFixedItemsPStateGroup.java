package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.Expr;
import dev.deimos.Helpers;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SubindexOptions;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.Ops;
import java.util.List;

/**
 * Like {@link KeyToFixedItemsPStateGroup}, a PState from each key to its most recent items with a
 * fixed capacity, but an item appears at most once per key: adding an item that is already there
 * moves it to the newest position.
 *
 * <p>Items are compared by their entity id, which is the item itself unless {@link
 * #entityIdFunction} says how to extract one. Three PStates are declared: {@code pstateName} (key
 * to subindexed map from item id to item, ids counting down from {@link Long#MAX_VALUE}, newest
 * first), {@code pstateName + "Reverse"} (key to subindexed map from entity id to item id, to look
 * an item up) and {@code pstateName + "Meta"} (implementation detail).
 *
 * <p>The capacity is a window over ids, as in Rama: adding an item drops the item whose id is
 * {@code maxAmt} older. Re-adding a held item gives it a new id, so a key can hold fewer than
 * {@code maxAmt} items until more are added.
 *
 * <p>Usage: create one instance per module, call {@link #declarePStates} on the owning topology and
 * splice the other methods' blocks into its code with {@code macro}.
 */
public class KeyToUniqueFixedItemsPStateGroup {
  private final String pstate;
  private final String reverse;
  private final String meta;
  private final int maxAmt;
  private final Class<?> keyClass;
  private final Class<?> itemClass;
  private DeimosFunction1<?, ?> entityIdFunction = Ops.IDENTITY;
  private Class<?> entityIdType;
  private int clearBatchSize = 100;

  /**
   * Describes the PStates; nothing is declared until {@link #declarePStates}.
   *
   * @param pstateName name of the queryable PState, starting with {@code $$}
   * @param maxAmt capacity of each key's collection, at least 1
   * @param keyClass type of the keys
   * @param itemClass type of the items
   * @throws IllegalArgumentException if the name does not start with {@code $$} or {@code maxAmt}
   *     is below 1
   */
  @SuppressWarnings("rawtypes")
  public KeyToUniqueFixedItemsPStateGroup(
      String pstateName, int maxAmt, Class keyClass, Class itemClass) {
    FixedItems.checkName(pstateName);
    if (maxAmt < 1) {
      throw new IllegalArgumentException(
          "KeyToUniqueFixedItemsPStateGroup "
              + pstateName
              + ": maxAmt must be at least 1, got "
              + maxAmt);
    }
    this.pstate = pstateName;
    this.reverse = pstateName + "Reverse";
    this.meta = pstateName + "Meta";
    this.maxAmt = maxAmt;
    this.keyClass = keyClass;
    this.itemClass = itemClass;
    this.entityIdType = itemClass;
  }

  /**
   * Sets how many items {@link #clearItems} removes per step before it lets other events run on the
   * task (default 100).
   *
   * @param size items per step, at least 1
   * @return this
   */
  public KeyToUniqueFixedItemsPStateGroup clearBatchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("clearBatchSize must be at least 1, got " + size);
    }
    this.clearBatchSize = size;
    return this;
  }

  /**
   * Identifies items by {@code fn(item)} instead of by the item itself; call before {@link
   * #declarePStates}.
   *
   * @param entityIdType type of the entity ids (the key type of the reverse PState)
   * @param fn extracts the entity id of an item
   * @return this
   */
  @SuppressWarnings("rawtypes")
  public KeyToUniqueFixedItemsPStateGroup entityIdFunction(Class entityIdType, DeimosFunction1 fn) {
    this.entityIdType = entityIdType;
    this.entityIdFunction = fn;
    return this;
  }

  /**
   * Declares the three PStates on {@code topology}.
   *
   * @param topology the stream or microbatch topology that writes the collections
   */
  public void declarePStates(ETLTopologyBase<?> topology) {
    SubindexOptions unsized = SubindexOptions.withoutSizeTracking();
    topology.pstate(
        pstate,
        PState.mapSchema(keyClass, PState.mapSchema(Long.class, itemClass).subindexed(unsized)));
    topology.pstate(
        reverse,
        PState.mapSchema(keyClass, PState.mapSchema(entityIdType, Long.class).subindexed(unsized)));
    topology.pstate(meta, PState.mapSchema(keyClass, List.class));
  }

  private Block entityId(Object item, String out) {
    return Block.each(entityIdFunction, item).out(out);
  }

  /**
   * A block adding {@code item} to the collection of {@code key} as its newest item: an equal item
   * already there is removed first, and the oldest item is dropped if the collection is full.
   *
   * @param key the key: a var, value or Expr
   * @param item the item: a var, value or Expr
   * @return the block
   */
  public Block addItem(Object key, Object item) {
    String entity = Helpers.genVar("uniqueItemEntity");
    String id = Helpers.genVar("uniqueItemId");
    String written = Helpers.genVar("uniqueItemMax");
    String dropFrom = Helpers.genVar("uniqueItemDrop");
    String extra = Helpers.genVar("uniqueItemExtra");
    String extraId = Helpers.genVar("uniqueItemExtraId");
    String extraItem = Helpers.genVar("uniqueItemExtraItem");
    return Block.macro(entityId(item, entity))
        .macro(removeItemByEntityId(key, entity))
        .macro(FixedItems.nextId(meta, key, maxAmt, id, written))
        .localTransform(pstate, Path.key(key, id).termVal(item))
        .localTransform(reverse, Path.key(key, entity).termVal(id))
        .each(FixedItems::dropFrom, id, maxAmt)
        .out(dropFrom)
        .ifTrue(
            new Expr(Ops.IS_NOT_NULL, dropFrom),
            Block.ifTrue(
                new Expr(Ops.EQUAL, written, maxAmt),
                Block.macro(removeItemById(key, dropFrom)),
                // the capacity was lowered by a module update: drop the whole tail
                Block.localSelect(pstate, Path.key(key).sortedMapRangeFrom(dropFrom).all())
                    .out(extra)
                    .each(Ops.EXPAND, extra)
                    .out(extraId, extraItem)
                    .macro(removeItemById(key, extraId))));
  }

  /**
   * A block removing {@code item} (by its entity id) from the collection of {@code key}; nothing
   * happens if it is not there.
   *
   * @param key the key: a var, value or Expr
   * @param item the item: a var, value or Expr
   * @return the block
   */
  public Block removeItem(Object key, Object item) {
    String entity = Helpers.genVar("uniqueItemEntity");
    return Block.macro(entityId(item, entity)).macro(removeItemByEntityId(key, entity));
  }

  /**
   * A block removing the item whose entity id is {@code entityId} from the collection of {@code
   * key}; nothing happens if there is none.
   *
   * @param key the key: a var, value or Expr
   * @param entityId the entity id: a var, value or Expr
   * @return the block
   */
  public Block removeItemByEntityId(Object key, Object entityId) {
    String id = Helpers.genVar("uniqueItemOldId");
    return Block.localSelect(reverse, Path.key(key, entityId))
        .out(id)
        .ifTrue(
            new Expr(Ops.IS_NOT_NULL, id),
            Block.localTransform(pstate, Path.key(key, id).termVoid())
                .localTransform(reverse, Path.key(key, entityId).termVoid()));
  }

  /**
   * A block removing the item with item id {@code id} from the collection of {@code key}; nothing
   * happens if there is none.
   *
   * @param key the key: a var, value or Expr
   * @param id the item id: a var, value or Expr
   * @return the block
   */
  public Block removeItemById(Object key, Object id) {
    String old = Helpers.genVar("uniqueItemOld");
    String entity = Helpers.genVar("uniqueItemOldEntity");
    return Block.localSelect(pstate, Path.key(key, id))
        .out(old)
        .ifTrue(
            new Expr(Ops.IS_NOT_NULL, old),
            Block.macro(entityId(old, entity))
                .localTransform(pstate, Path.key(key, id).termVoid())
                .localTransform(reverse, Path.key(key, entity).termVoid()));
  }

  /**
   * A block removing every item {@code key} holds when the block starts, from both the item and the
   * reverse PState; items added while it runs stay. It removes {@link #clearBatchSize} items per
   * step and lets other events on the task run between steps.
   *
   * @param key the key: a var, value or Expr
   * @return the block
   */
  public Block clearItems(Object key) {
    return FixedItems.clear(pstate, meta, key, clearBatchSize, this::removeItemById);
  }

  /**
   * A block removing {@code key} and its collection from all three PStates.
   *
   * @param key the key: a var, value or Expr
   * @return the block
   */
  public Block removeKey(Object key) {
    return Block.localTransform(meta, Path.key(key).termVoid())
        .localTransform(pstate, Path.key(key).termVoid())
        .localTransform(reverse, Path.key(key).termVoid());
  }
}
