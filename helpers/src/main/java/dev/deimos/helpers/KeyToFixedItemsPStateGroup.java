package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.Expr;
import dev.deimos.Helpers;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.SubindexOptions;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.ops.Ops;
import java.util.List;

/**
 * A PState from each key to its most recent items, at most {@code maxAmt} of them: adding an item
 * to a full collection drops the oldest one.
 *
 * <p>Two PStates are declared. {@code pstateName} is the one to query: a map from key to a
 * subindexed map from item id to item. Ids count down from {@link Long#MAX_VALUE} per key, so the
 * inner map iterates newest first and a page of the newest items is one {@code sortedMapRange}.
 * {@code pstateName + "Meta"} holds, per key, the next id and the capacity it was written with; it
 * is an implementation detail.
 *
 * <p>Usage: create one instance per module, call {@link #declarePStates} on the topology that owns
 * the data, and splice the blocks returned by the other methods into that topology's code with
 * {@code macro}. Items are not deduplicated; see {@link KeyToUniqueFixedItemsPStateGroup} for that.
 * Lowering {@code maxAmt} in a module update trims each key the next time it gets an item.
 */
public class KeyToFixedItemsPStateGroup {
  private final String pstate;
  private final String meta;
  private final int maxAmt;
  private final Class<?> keyClass;
  private final Class<?> itemClass;
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
  public KeyToFixedItemsPStateGroup(
      String pstateName, int maxAmt, Class keyClass, Class itemClass) {
    FixedItems.checkName(pstateName);
    if (maxAmt < 1) {
      throw new IllegalArgumentException(
          "KeyToFixedItemsPStateGroup "
              + pstateName
              + ": maxAmt must be at least 1, got "
              + maxAmt);
    }
    this.pstate = pstateName;
    this.meta = pstateName + "Meta";
    this.maxAmt = maxAmt;
    this.keyClass = keyClass;
    this.itemClass = itemClass;
  }

  /**
   * Sets how many items {@link #clearItems} removes per step before it lets other events run on the
   * task (default 100).
   *
   * @param size items per step, at least 1
   * @return this
   */
  public KeyToFixedItemsPStateGroup clearBatchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("clearBatchSize must be at least 1, got " + size);
    }
    this.clearBatchSize = size;
    return this;
  }

  /**
   * Declares the PStates on {@code topology}.
   *
   * @param topology the stream or microbatch topology that writes the collections
   */
  public void declarePStates(ETLTopologyBase<?> topology) {
    topology.pstate(
        pstate,
        PState.mapSchema(
            keyClass,
            PState.mapSchema(Long.class, itemClass)
                .subindexed(SubindexOptions.withoutSizeTracking())));
    topology.pstate(meta, PState.mapSchema(keyClass, List.class));
  }

  /**
   * A block adding {@code item} to the collection of {@code key}, dropping the oldest item if the
   * collection was full.
   *
   * @param key the key: a var, value or Expr
   * @param item the item: a var, value or Expr
   * @return the block
   */
  public Block addItem(Object key, Object item) {
    String id = Helpers.genVar("fixedItemId");
    String written = Helpers.genVar("fixedItemMax");
    String dropFrom = Helpers.genVar("fixedItemDrop");
    return Block.macro(FixedItems.nextId(meta, key, maxAmt, id, written))
        .each(FixedItems::dropFrom, id, maxAmt)
        .out(dropFrom)
        .localTransform(pstate, Path.key(key, id).termVal(item))
        .ifTrue(
            new Expr(Ops.IS_NOT_NULL, dropFrom),
            Block.ifTrue(
                new Expr(Ops.EQUAL, written, maxAmt),
                // the common case: exactly one item falls out of the window
                Block.localTransform(pstate, Path.key(key, dropFrom).termVoid()),
                // the capacity changed: drop everything at or past the new window's end
                Block.localTransform(
                    pstate, Path.key(key).sortedMapRangeFrom(dropFrom).mapKeys().termVoid())));
  }

  /**
   * A block removing the item with id {@code id} from the collection of {@code key}; nothing
   * happens if there is none.
   *
   * @param key the key: a var, value or Expr
   * @param id the item id: a var, value or Expr
   * @return the block
   */
  public Block removeItemById(Object key, Object id) {
    return Block.localTransform(pstate, Path.key(key, id).termVoid());
  }

  /**
   * A block removing every item {@code key} holds when the block starts; items added while it runs
   * stay. It removes {@link #clearBatchSize} items per step and lets other events on the task run
   * between steps.
   *
   * @param key the key: a var, value or Expr
   * @return the block
   */
  public Block clearItems(Object key) {
    return FixedItems.clear(pstate, meta, key, clearBatchSize, this::removeItemById);
  }

  /**
   * A block removing {@code key} and its whole collection.
   *
   * @param key the key: a var, value or Expr
   * @return the block
   */
  public Block removeKey(Object key) {
    return Block.localTransform(meta, Path.key(key).termVoid())
        .localTransform(pstate, Path.key(key).termVoid());
  }
}
