package dev.deimos.impl.path;

/**
 * Marks a collection that the path engine must update in place instead of copying.
 *
 * <p>A store exposes its large (subindexed) structures as lazy views that implement a {@code
 * java.util} interface ({@link java.util.NavigableMap}, {@link java.util.NavigableSet} or {@link
 * java.util.List}) together with this marker. The contract between the engine and such a view:
 *
 * <ul>
 *   <li><b>Transforms</b> change the view only through the {@code java.util} mutators ({@code put},
 *       {@code remove}, {@code add}, {@code set}, {@code clear}), called on the view itself or on a
 *       {@code subMap}/{@code headMap}/{@code tailMap} (or set equivalent) view of it, and return
 *       the same object. Changes found while iterating are applied after the iteration, so a view
 *       need not support mutation during iteration. A {@code key(k).termVal(v)} or {@code
 *       key(k).termVoid()} on a view is a blind {@code put}/{@code remove} with no read.
 *   <li><b>Selects</b> use only read methods, lazily: {@code get}, {@code containsKey}, {@code
 *       size}, iterators, {@code subMap}/{@code headMap}/{@code tailMap}/{@code descendingMap} (and
 *       set equivalents), {@code firstKey}/{@code lastKey}. A range or a {@code maxAmt} read pulls
 *       only the entries it returns; the engine never copies a whole view.
 *   <li>Values nested inside a view that are not themselves {@code WriteThrough} are treated as
 *       plain values: copied on write and stored back with {@code put} or {@code set}.
 * </ul>
 *
 * <p>The engine does not synchronize: the store serializes access to its views.
 */
public interface WriteThrough {}
