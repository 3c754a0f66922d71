package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.Expr;
import dev.deimos.Helpers;
import dev.deimos.LoopVars;
import dev.deimos.Path;
import dev.deimos.SortedRangeFromOptions;
import dev.deimos.ops.Ops;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.function.BiFunction;

/**
 * Dataflow pieces shared by the two fixed-items PState groups.
 *
 * <p>Per key, the meta PState holds {@code [nextId, capacity]}: the id the next item gets (ids
 * count down from {@link Long#MAX_VALUE}, so every stored item has a larger id) and the capacity in
 * force when it was written, which tells a module update that lowered the capacity apart from the
 * common case.
 */
final class FixedItems {
  private FixedItems() {}

  static void checkName(String pstateName) {
    if (pstateName == null || !pstateName.startsWith("$$") || pstateName.length() < 3) {
      throw new IllegalArgumentException(
          "PState name must start with $$ and name something, got " + pstateName);
    }
  }

  /**
   * Binds {@code idVar} to the key's next id and advances it; {@code writtenVar} to its capacity.
   */
  static Block nextId(String meta, Object key, int maxAmt, String idVar, String writtenVar) {
    String current = Helpers.genVar("fixedItemsMeta");
    String updated = Helpers.genVar("fixedItemsNewMeta");
    return Block.localSelect(meta, Path.key(key))
        .out(current)
        .each(FixedItems::idOf, current)
        .out(idVar)
        .each(FixedItems::capacityOf, current, maxAmt)
        .out(writtenVar)
        .each(FixedItems::advance, idVar, maxAmt)
        .out(updated)
        .localTransform(meta, Path.key(key).termVal(updated));
  }

  static Long idOf(List<?> meta) {
    return meta == null ? Long.MAX_VALUE : ((Number) meta.get(0)).longValue();
  }

  static Integer capacityOf(List<?> meta, Integer maxAmt) {
    return meta == null ? maxAmt : ((Number) meta.get(1)).intValue();
  }

  static List<Object> advance(Long id, Integer maxAmt) {
    return Arrays.asList(id - 1, maxAmt);
  }

  /** The id of the item that falls out of the window when {@code id} is added, or null. */
  static Long dropFrom(Long id, Integer maxAmt) {
    return id <= Long.MAX_VALUE - maxAmt ? id + maxAmt : null;
  }

  static Object lastKey(SortedMap<?, ?> page) {
    return page.lastKey();
  }

  /**
   * Removes the items a key holds when the block starts, {@code batch} per step, yielding between
   * steps. Items added meanwhile get smaller ids than the starting cursor, so they are never
   * reached.
   */
  static Block clear(
      String pstate,
      String meta,
      Object key,
      int batch,
      BiFunction<Object, Object, Block> removeById) {
    String current = Helpers.genVar("clearMeta");
    String start = Helpers.genVar("clearStart");
    String cursor = Helpers.genVar("clearCursor");
    String page = Helpers.genVar("clearPage");
    String id = Helpers.genVar("clearId");
    String item = Helpers.genVar("clearItem");
    String next = Helpers.genVar("clearNext");
    return Block.localSelect(meta, Path.key(key))
        .out(current)
        .each(FixedItems::idOf, current)
        .out(start)
        .loopWithVars(
            LoopVars.var(cursor, start),
            Block.yieldIfOvertime()
                .localSelect(
                    pstate,
                    Path.key(key)
                        .sortedMapRangeFrom(
                            cursor, SortedRangeFromOptions.excludeStart().maxAmt(batch)))
                .out(page)
                .atomicBlock(
                    Block.each(Ops.EXPLODE_MAP, page)
                        .out(id, item)
                        .macro(removeById.apply(key, id)))
                .ifTrue(
                    new Expr(Ops.LESS_THAN, new Expr(Ops.SIZE, page), batch),
                    Block.emitLoop(),
                    Block.each(FixedItems::lastKey, page).out(next).continueLoop(next)));
  }
}
