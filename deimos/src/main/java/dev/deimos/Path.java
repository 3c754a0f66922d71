package dev.deimos;

import dev.deimos.impl.path.PathImpl;
import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import java.util.List;

/**
 * A sequence of navigation steps into a data structure, used to query ({@code select}) and update
 * ({@code transform}) PStates and plain values.
 *
 * <p>Build a path with a static method and chain further steps: {@code Path.key("a").nth(2)}
 * navigates to the value under {@code "a"} in a map, then to index 2 of that list. A select returns
 * every value the path reaches, in order. A transform path ends in a term navigator ({@link
 * Impl#termVal termVal}, {@link Impl#term(DeimosFunction1) term}, {@link Impl#termVoid termVoid})
 * that rewrites each reached value; the structure is rebuilt around it.
 *
 * <p>Parameters whose name starts with {@code arg} take a value, a var ({@code "*x"}, resolved
 * where the path runs) or an {@link Expr}; wrap a literal string that starts with {@code *} in a
 * {@link Constant}. A null location behaves as an empty structure.
 *
 * <p>Paths are immutable: every step returns a new path, so a path may be shared between threads
 * and reused. Paths are serializable because they are shipped to tasks; functions in them must be
 * serializable too.
 */
public interface Path extends DeimosSerializable {

  /**
   * Navigates into nested maps by each key in turn; a missing key navigates to null, so a transform
   * can create it. Keys may be vars or {@link Expr}s.
   *
   * @param keys see above
   * @return a new path with this step appended
   */
  static Path.Impl key(Object... keys) {
    return PathImpl.start().key(keys);
  }

  /**
   * Like {@link #key(Object...)} but navigates nowhere when a key is absent.
   *
   * @param keys see above
   * @return a new path with this step appended
   */
  static Path.Impl must(Object... keys) {
    return PathImpl.start().must(keys);
  }

  /**
   * Navigates to every element of a list or set, or to every entry of a map as a two-element list
   * {@code [key, value]}. Transforming a pair may change the key and the value; {@code termVoid}
   * removes the element.
   *
   * @return a new path with this step appended
   */
  static Path.Impl all() {
    return PathImpl.start().all();
  }

  /**
   * Navigates to every key of a map; transforming a key renames its entry.
   *
   * @return a new path with this step appended
   */
  static Path.Impl mapKeys() {
    return PathImpl.start().mapKeys();
  }

  /**
   * Navigates to every value of a map.
   *
   * @return a new path with this step appended
   */
  static Path.Impl mapVals() {
    return PathImpl.start().mapVals();
  }

  /**
   * Navigates to a key of a map if present; transforming it renames the entry and keeps its value.
   *
   * @param argKey an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl mapKey(Object argKey) {
    return PathImpl.start().mapKey(argKey);
  }

  /**
   * Navigates to the first element of a list; nowhere when the list is empty or null.
   *
   * @return a new path with this step appended
   */
  static Path.Impl first() {
    return PathImpl.start().first();
  }

  /**
   * Navigates to the last element of a list; nowhere when the list is empty or null.
   *
   * @return a new path with this step appended
   */
  static Path.Impl last() {
    return PathImpl.start().last();
  }

  /**
   * Navigates to the element at an index of a list.
   *
   * @param argIndex an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl nth(Object argIndex) {
    return PathImpl.start().nth(argIndex);
  }

  /**
   * Navigates to the sublist from {@code start} (inclusive) to {@code end} (exclusive); a
   * transformed sublist replaces that range.
   *
   * @param argStart an argument: a value, var or Expr
   * @param argEnd an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sublist(Object argStart, Object argEnd) {
    return PathImpl.start().sublist(argStart, argEnd);
  }

  /**
   * Navigates to the submap holding only the given keys that are present; a transformed submap
   * replaces those entries.
   *
   * @param keys see above
   * @return a new path with this step appended
   */
  static Path.Impl subMap(Object... keys) {
    return PathImpl.start().subMap(keys);
  }

  /**
   * Navigates to the submap of a sorted map with keys from {@code start} (inclusive) to {@code end}
   * (exclusive).
   *
   * @param argStart an argument: a value, var or Expr
   * @param argEnd an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRange(Object argStart, Object argEnd) {
    return PathImpl.start().sortedMapRange(argStart, argEnd);
  }

  /**
   * Like {@link #sortedMapRange(Object, Object)} with inclusivity taken from {@code options}.
   *
   * @param argStart an argument: a value, var or Expr
   * @param argEnd an argument: a value, var or Expr
   * @param options see above
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRange(Object argStart, Object argEnd, SortedRangeOptions options) {
    return PathImpl.start().sortedMapRange(argStart, argEnd, options);
  }

  /**
   * Navigates to the submap of a sorted map with keys from {@code start} (inclusive) to the end.
   *
   * @param argStart an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRangeFrom(Object argStart) {
    return PathImpl.start().sortedMapRangeFrom(argStart);
  }

  /**
   * Navigates to at most {@code maxAmt} entries of a sorted map starting at {@code start}
   * (inclusive). {@code maxAmt} may be an int, a var or an {@link Expr}.
   *
   * @param argStart an argument: a value, var or Expr
   * @param argMaxAmt an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRangeFrom(Object argStart, Object argMaxAmt) {
    return PathImpl.start().sortedMapRangeFrom(argStart, argMaxAmt);
  }

  /**
   * Like {@link #sortedMapRangeFrom(Object)} with start inclusivity and a maximum amount taken from
   * {@code options}.
   *
   * @param argStart an argument: a value, var or Expr
   * @param options see above
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRangeFrom(Object argStart, SortedRangeFromOptions options) {
    return PathImpl.start().sortedMapRangeFrom(argStart, options);
  }

  /**
   * Navigates to the submap of a sorted map with keys before {@code end} (exclusive).
   *
   * @param argEnd an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRangeTo(Object argEnd) {
    return PathImpl.start().sortedMapRangeTo(argEnd);
  }

  /**
   * Navigates to the at most {@code maxAmt} entries nearest before {@code end} (exclusive): the map
   * is read backwards from {@code end}.
   *
   * @param argEnd an argument: a value, var or Expr
   * @param argMaxAmt an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRangeTo(Object argEnd, Object argMaxAmt) {
    return PathImpl.start().sortedMapRangeTo(argEnd, argMaxAmt);
  }

  /**
   * Like {@link #sortedMapRangeTo(Object)} with end inclusivity and a maximum amount taken from
   * {@code options}; with a maximum the entries nearest to {@code end} are kept.
   *
   * @param argEnd an argument: a value, var or Expr
   * @param options see above
   * @return a new path with this step appended
   */
  static Path.Impl sortedMapRangeTo(Object argEnd, SortedRangeToOptions options) {
    return PathImpl.start().sortedMapRangeTo(argEnd, options);
  }

  /**
   * Navigates to the subset of a sorted set from {@code start} (inclusive) to {@code end}
   * (exclusive).
   *
   * @param argStart an argument: a value, var or Expr
   * @param argEnd an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRange(Object argStart, Object argEnd) {
    return PathImpl.start().sortedSetRange(argStart, argEnd);
  }

  /**
   * Like {@link #sortedSetRange(Object, Object)} with inclusivity taken from {@code options}.
   *
   * @param argStart an argument: a value, var or Expr
   * @param argEnd an argument: a value, var or Expr
   * @param options see above
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRange(Object argStart, Object argEnd, SortedRangeOptions options) {
    return PathImpl.start().sortedSetRange(argStart, argEnd, options);
  }

  /**
   * Navigates to the subset of a sorted set from {@code start} (inclusive) to the end.
   *
   * @param argStart an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRangeFrom(Object argStart) {
    return PathImpl.start().sortedSetRangeFrom(argStart);
  }

  /**
   * Navigates to at most {@code maxAmt} elements of a sorted set starting at {@code start}
   * (inclusive).
   *
   * @param argStart an argument: a value, var or Expr
   * @param argMaxAmt an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRangeFrom(Object argStart, Object argMaxAmt) {
    return PathImpl.start().sortedSetRangeFrom(argStart, argMaxAmt);
  }

  /**
   * Like {@link #sortedSetRangeFrom(Object)} with options.
   *
   * @param argStart an argument: a value, var or Expr
   * @param options see above
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRangeFrom(Object argStart, SortedRangeFromOptions options) {
    return PathImpl.start().sortedSetRangeFrom(argStart, options);
  }

  /**
   * Navigates to the subset of a sorted set before {@code end} (exclusive).
   *
   * @param argEnd an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRangeTo(Object argEnd) {
    return PathImpl.start().sortedSetRangeTo(argEnd);
  }

  /**
   * Navigates to the at most {@code maxAmt} elements nearest before {@code end} (exclusive).
   *
   * @param argEnd an argument: a value, var or Expr
   * @param argMaxAmt an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRangeTo(Object argEnd, Object argMaxAmt) {
    return PathImpl.start().sortedSetRangeTo(argEnd, argMaxAmt);
  }

  /**
   * Like {@link #sortedSetRangeTo(Object)} with options; with a maximum the elements nearest to
   * {@code end} are kept.
   *
   * @param argEnd an argument: a value, var or Expr
   * @param options see above
   * @return a new path with this step appended
   */
  static Path.Impl sortedSetRangeTo(Object argEnd, SortedRangeToOptions options) {
    return PathImpl.start().sortedSetRangeTo(argEnd, options);
  }

  /**
   * Navigates to the result of applying a transform path (which ends in term navigators) to the
   * current value, without writing it back.
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl transformed(Path path) {
    return PathImpl.start().transformed(path);
  }

  /**
   * Terminal: replaces the current value with {@code arg} (a value, var or {@link Expr}).
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl termVal(Object arg) {
    return PathImpl.start().termVal(arg);
  }

  /**
   * Terminal: removes the current value from its parent (map entry, list element or set element).
   *
   * @return a new path with this step appended
   */
  static Path.Impl termVoid() {
    return PathImpl.start().termVoid();
  }

  /**
   * Navigates to an element of a set if it is present.
   *
   * @param argElem an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl setElem(Object argElem) {
    return PathImpl.start().setElem(argElem);
  }

  /**
   * Navigates to a write-only slot of a set: a value written there is added to the set. Selects
   * nothing.
   *
   * @return a new path with this step appended
   */
  static Path.Impl voidSetElem() {
    return PathImpl.start().voidSetElem();
  }

  /**
   * Navigates to a write-only slot before the first element of a list: a value written there is
   * prepended. Selects nothing.
   *
   * @return a new path with this step appended
   */
  static Path.Impl beforeElem() {
    return PathImpl.start().beforeElem();
  }

  /**
   * Navigates to a write-only slot after the last element of a list: a value written there is
   * appended. Selects nothing.
   *
   * @return a new path with this step appended
   */
  static Path.Impl afterElem() {
    return PathImpl.start().afterElem();
  }

  /**
   * Navigates to a write-only slot before an index of a list: a value written there is inserted at
   * that index. Selects nothing.
   *
   * @param argIndex an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl beforeIndex(Object argIndex) {
    return PathImpl.start().beforeIndex(argIndex);
  }

  /**
   * Navigates to the empty sublist at the start of a list; a list written there is inserted at the
   * start.
   *
   * @return a new path with this step appended
   */
  static Path.Impl beginning() {
    return PathImpl.start().beginning();
  }

  /**
   * Navigates to the empty sublist at the end of a list; a list written there is appended.
   *
   * @return a new path with this step appended
   */
  static Path.Impl end() {
    return PathImpl.start().end();
  }

  /**
   * Continues only if the predicate holds for the current value.
   *
   * @param pred the predicate
   * @return a new path with this step appended
   */
  static <T> Path.Impl filterPred(DeimosFunction1<T, ?> pred) {
    return PathImpl.start().filterPred(pred);
  }

  /**
   * Continues only if the current value equals {@code arg} (numbers compare by value).
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl filterEqual(Object arg) {
    return PathImpl.start().filterEqual(arg);
  }

  /**
   * Continues only if the current value does not equal {@code arg}.
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl filterNotEqual(Object arg) {
    return PathImpl.start().filterNotEqual(arg);
  }

  /**
   * Continues only if the current value is less than {@code arg}.
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl filterLessThan(Object arg) {
    return PathImpl.start().filterLessThan(arg);
  }

  /**
   * Continues only if the current value is less than or equal to {@code arg}.
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl filterLessThanOrEqual(Object arg) {
    return PathImpl.start().filterLessThanOrEqual(arg);
  }

  /**
   * Continues only if the current value is greater than {@code arg}.
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl filterGreaterThan(Object arg) {
    return PathImpl.start().filterGreaterThan(arg);
  }

  /**
   * Continues only if the current value is greater than or equal to {@code arg}.
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl filterGreaterThanOrEqual(Object arg) {
    return PathImpl.start().filterGreaterThanOrEqual(arg);
  }

  /**
   * Continues only if {@code path} navigates to at least one value from here; the position does not
   * change.
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl filterSelected(Path path) {
    return PathImpl.start().filterSelected(path);
  }

  /**
   * Continues only if {@code path} navigates to no value from here.
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl filterNotSelected(Path path) {
    return PathImpl.start().filterNotSelected(path);
  }

  /**
   * Navigates to the list of elements for which {@code path} selects something; a transformed list
   * is written back to the original positions.
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl filteredList(Path path) {
    return PathImpl.start().filteredList(path);
  }

  /**
   * Continues with {@code thenPath} if {@code condPath} selects something here, otherwise navigates
   * nowhere.
   *
   * @param condPath see above
   * @param thenPath see above
   * @return a new path with this step appended
   */
  static Path.Impl ifPath(Path condPath, Path thenPath) {
    return PathImpl.start().ifPath(condPath, thenPath);
  }

  /**
   * Continues with {@code thenPath} if {@code condPath} selects something here, otherwise with
   * {@code elsePath}.
   *
   * @param condPath see above
   * @param thenPath see above
   * @param elsePath see above
   * @return a new path with this step appended
   */
  static Path.Impl ifPath(Path condPath, Path thenPath, Path elsePath) {
    return PathImpl.start().ifPath(condPath, thenPath, elsePath);
  }

  /**
   * Navigates every path from here: selects concatenate in order, transforms apply left to right.
   *
   * @param paths see above
   * @return a new path with this step appended
   */
  static Path.Impl multiPath(Path... paths) {
    return PathImpl.start().multiPath(paths);
  }

  /**
   * Navigates to one list of everything {@code path} selects; a transformed list is written back
   * element by element to where each value came from.
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl subselect(Path path) {
    return PathImpl.start().subselect(path);
  }

  /**
   * Navigates to {@code arg} when the current value is null, otherwise stays.
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl nullToVal(Object arg) {
    return PathImpl.start().nullToVal(arg);
  }

  /**
   * Navigates to an empty list when the current value is null, otherwise stays.
   *
   * @return a new path with this step appended
   */
  static Path.Impl nullToList() {
    return PathImpl.start().nullToList();
  }

  /**
   * Navigates to an empty set when the current value is null, otherwise stays.
   *
   * @return a new path with this step appended
   */
  static Path.Impl nullToSet() {
    return PathImpl.start().nullToSet();
  }

  /**
   * Stays at the current value.
   *
   * @return a new path with this step appended
   */
  static Path.Impl stay() {
    return PathImpl.start().stay();
  }

  /**
   * Navigates nowhere.
   *
   * @return a new path with this step appended
   */
  static Path.Impl stop() {
    return PathImpl.start().stop();
  }

  /**
   * Collects the list of values {@code path} selects from here; collected values are prepended to
   * select results and passed first to term functions.
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl collect(Path path) {
    return PathImpl.start().collect(path);
  }

  /**
   * Collects the single value {@code path} selects from here (null when none; an error when more
   * than one).
   *
   * @param path see above
   * @return a new path with this step appended
   */
  static Path.Impl collectOne(Path path) {
    return PathImpl.start().collectOne(path);
  }

  /**
   * Collects {@code arg} (a value, var or {@link Expr}).
   *
   * @param arg an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static Path.Impl putCollected(Object arg) {
    return PathImpl.start().putCollected(arg);
  }

  /**
   * Continues only if the predicate holds for the list of values collected so far.
   *
   * @param pred the predicate
   * @return a new path with this step appended
   */
  static Path.Impl isCollected(DeimosFunction1<? super List<Object>, ?> pred) {
    return PathImpl.start().isCollected(pred);
  }

  /**
   * Drops the values collected so far for the rest of the path.
   *
   * @return a new path with this step appended
   */
  static Path.Impl dispenseCollected() {
    return PathImpl.start().dispenseCollected();
  }

  /**
   * Adds a user-implemented navigator.
   *
   * @param nav see above
   * @return a new path with this step appended
   */
  static Path.Impl customNav(Navigator<?> nav) {
    return PathImpl.start().customNav(nav);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @return a new path with this step appended
   */
  static <T0, R> Path.Impl view(DeimosFunction1<T0, R> fn) {
    return PathImpl.start().view(fn);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, R> Path.Impl view(DeimosFunction2<T0, T1, R> fn, Object arg1) {
    return PathImpl.start().view(fn, arg1);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, R> Path.Impl view(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg1, Object arg2) {
    return PathImpl.start().view(fn, arg1, arg2);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, R> Path.Impl view(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg1, Object arg2, Object arg3) {
    return PathImpl.start().view(fn, arg1, arg2, arg3);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, R> Path.Impl view(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return PathImpl.start().view(fn, arg1, arg2, arg3, arg4);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, R> Path.Impl view(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return PathImpl.start().view(fn, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, T6, R> Path.Impl view(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return PathImpl.start().view(fn, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Navigates to {@code fn(current, args...)}; the current value is the function's first argument.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @param arg7 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, T6, T7, R> Path.Impl view(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return PathImpl.start().view(fn, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @return a new path with this step appended
   */
  static <T0, R> Path.Impl term(DeimosFunction1<T0, R> fn) {
    return PathImpl.start().term(fn);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, R> Path.Impl term(DeimosFunction2<T0, T1, R> fn, Object arg1) {
    return PathImpl.start().term(fn, arg1);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, R> Path.Impl term(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg1, Object arg2) {
    return PathImpl.start().term(fn, arg1, arg2);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, R> Path.Impl term(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg1, Object arg2, Object arg3) {
    return PathImpl.start().term(fn, arg1, arg2, arg3);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, R> Path.Impl term(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return PathImpl.start().term(fn, arg1, arg2, arg3, arg4);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, R> Path.Impl term(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return PathImpl.start().term(fn, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, T6, R> Path.Impl term(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return PathImpl.start().term(fn, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
   *
   * @param fn the function
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @param arg7 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, T6, T7, R> Path.Impl term(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return PathImpl.start().term(fn, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static Path.Impl customNavBuilder(DeimosFunction0<Navigator> fn) {
    return PathImpl.start().customNavBuilder(fn);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0> Path.Impl customNavBuilder(DeimosFunction1<T0, Navigator> fn, Object arg0) {
    return PathImpl.start().customNavBuilder(fn, arg0);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1> Path.Impl customNavBuilder(
      DeimosFunction2<T0, T1, Navigator> fn, Object arg0, Object arg1) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1, T2> Path.Impl customNavBuilder(
      DeimosFunction3<T0, T1, T2, Navigator> fn, Object arg0, Object arg1, Object arg2) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1, arg2);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1, T2, T3> Path.Impl customNavBuilder(
      DeimosFunction4<T0, T1, T2, T3, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1, arg2, arg3);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1, T2, T3, T4> Path.Impl customNavBuilder(
      DeimosFunction5<T0, T1, T2, T3, T4, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1, T2, T3, T4, T5> Path.Impl customNavBuilder(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1, T2, T3, T4, T5, T6> Path.Impl customNavBuilder(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
   * {@link Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @param arg7 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  @SuppressWarnings("rawtypes")
  static <T0, T1, T2, T3, T4, T5, T6, T7> Path.Impl customNavBuilder(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return PathImpl.start().customNavBuilder(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @return a new path with this step appended
   */
  static Path.Impl pathBuilder(DeimosFunction0<Path> fn) {
    return PathImpl.start().pathBuilder(fn);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0> Path.Impl pathBuilder(DeimosFunction1<T0, Path> fn, Object arg0) {
    return PathImpl.start().pathBuilder(fn, arg0);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1> Path.Impl pathBuilder(
      DeimosFunction2<T0, T1, Path> fn, Object arg0, Object arg1) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2> Path.Impl pathBuilder(
      DeimosFunction3<T0, T1, T2, Path> fn, Object arg0, Object arg1, Object arg2) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1, arg2);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3> Path.Impl pathBuilder(
      DeimosFunction4<T0, T1, T2, T3, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1, arg2, arg3);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4> Path.Impl pathBuilder(
      DeimosFunction5<T0, T1, T2, T3, T4, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5> Path.Impl pathBuilder(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, T6> Path.Impl pathBuilder(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link
   * Expr}s).
   *
   * @param fn the function
   * @param arg0 an argument: a value, var or Expr
   * @param arg1 an argument: a value, var or Expr
   * @param arg2 an argument: a value, var or Expr
   * @param arg3 an argument: a value, var or Expr
   * @param arg4 an argument: a value, var or Expr
   * @param arg5 an argument: a value, var or Expr
   * @param arg6 an argument: a value, var or Expr
   * @param arg7 an argument: a value, var or Expr
   * @return a new path with this step appended
   */
  static <T0, T1, T2, T3, T4, T5, T6, T7> Path.Impl pathBuilder(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return PathImpl.start().pathBuilder(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /** A path under construction: the same steps as the static methods, appended to this path. */
  interface Impl extends Path {
    /**
     * Navigates into nested maps by each key in turn; a missing key navigates to null, so a
     * transform can create it. Keys may be vars or {@link Expr}s.
     *
     * @param keys see above
     * @return a new path with this step appended
     */
    Path.Impl key(Object... keys);

    /**
     * Like {@link #key(Object...)} but navigates nowhere when a key is absent.
     *
     * @param keys see above
     * @return a new path with this step appended
     */
    Path.Impl must(Object... keys);

    /**
     * Navigates to every element of a list or set, or to every entry of a map as a two-element list
     * {@code [key, value]}. Transforming a pair may change the key and the value; {@code termVoid}
     * removes the element.
     *
     * @return a new path with this step appended
     */
    Path.Impl all();

    /**
     * Navigates to every key of a map; transforming a key renames its entry.
     *
     * @return a new path with this step appended
     */
    Path.Impl mapKeys();

    /**
     * Navigates to every value of a map.
     *
     * @return a new path with this step appended
     */
    Path.Impl mapVals();

    /**
     * Navigates to a key of a map if present; transforming it renames the entry and keeps its
     * value.
     *
     * @param argKey an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl mapKey(Object argKey);

    /**
     * Navigates to the first element of a list; nowhere when the list is empty or null.
     *
     * @return a new path with this step appended
     */
    Path.Impl first();

    /**
     * Navigates to the last element of a list; nowhere when the list is empty or null.
     *
     * @return a new path with this step appended
     */
    Path.Impl last();

    /**
     * Navigates to the element at an index of a list.
     *
     * @param argIndex an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl nth(Object argIndex);

    /**
     * Navigates to the sublist from {@code start} (inclusive) to {@code end} (exclusive); a
     * transformed sublist replaces that range.
     *
     * @param argStart an argument: a value, var or Expr
     * @param argEnd an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sublist(Object argStart, Object argEnd);

    /**
     * Navigates to the submap holding only the given keys that are present; a transformed submap
     * replaces those entries.
     *
     * @param keys see above
     * @return a new path with this step appended
     */
    Path.Impl subMap(Object... keys);

    /**
     * Navigates to the submap of a sorted map with keys from {@code start} (inclusive) to {@code
     * end} (exclusive).
     *
     * @param argStart an argument: a value, var or Expr
     * @param argEnd an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRange(Object argStart, Object argEnd);

    /**
     * Like {@link #sortedMapRange(Object, Object)} with inclusivity taken from {@code options}.
     *
     * @param argStart an argument: a value, var or Expr
     * @param argEnd an argument: a value, var or Expr
     * @param options see above
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRange(Object argStart, Object argEnd, SortedRangeOptions options);

    /**
     * Navigates to the submap of a sorted map with keys from {@code start} (inclusive) to the end.
     *
     * @param argStart an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRangeFrom(Object argStart);

    /**
     * Navigates to at most {@code maxAmt} entries of a sorted map starting at {@code start}
     * (inclusive). {@code maxAmt} may be an int, a var or an {@link Expr}.
     *
     * @param argStart an argument: a value, var or Expr
     * @param argMaxAmt an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRangeFrom(Object argStart, Object argMaxAmt);

    /**
     * Like {@link #sortedMapRangeFrom(Object)} with start inclusivity and a maximum amount taken
     * from {@code options}.
     *
     * @param argStart an argument: a value, var or Expr
     * @param options see above
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRangeFrom(Object argStart, SortedRangeFromOptions options);

    /**
     * Navigates to the submap of a sorted map with keys before {@code end} (exclusive).
     *
     * @param argEnd an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRangeTo(Object argEnd);

    /**
     * Navigates to the at most {@code maxAmt} entries nearest before {@code end} (exclusive): the
     * map is read backwards from {@code end}.
     *
     * @param argEnd an argument: a value, var or Expr
     * @param argMaxAmt an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRangeTo(Object argEnd, Object argMaxAmt);

    /**
     * Like {@link #sortedMapRangeTo(Object)} with end inclusivity and a maximum amount taken from
     * {@code options}; with a maximum the entries nearest to {@code end} are kept.
     *
     * @param argEnd an argument: a value, var or Expr
     * @param options see above
     * @return a new path with this step appended
     */
    Path.Impl sortedMapRangeTo(Object argEnd, SortedRangeToOptions options);

    /**
     * Navigates to the subset of a sorted set from {@code start} (inclusive) to {@code end}
     * (exclusive).
     *
     * @param argStart an argument: a value, var or Expr
     * @param argEnd an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRange(Object argStart, Object argEnd);

    /**
     * Like {@link #sortedSetRange(Object, Object)} with inclusivity taken from {@code options}.
     *
     * @param argStart an argument: a value, var or Expr
     * @param argEnd an argument: a value, var or Expr
     * @param options see above
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRange(Object argStart, Object argEnd, SortedRangeOptions options);

    /**
     * Navigates to the subset of a sorted set from {@code start} (inclusive) to the end.
     *
     * @param argStart an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRangeFrom(Object argStart);

    /**
     * Navigates to at most {@code maxAmt} elements of a sorted set starting at {@code start}
     * (inclusive).
     *
     * @param argStart an argument: a value, var or Expr
     * @param argMaxAmt an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRangeFrom(Object argStart, Object argMaxAmt);

    /**
     * Like {@link #sortedSetRangeFrom(Object)} with options.
     *
     * @param argStart an argument: a value, var or Expr
     * @param options see above
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRangeFrom(Object argStart, SortedRangeFromOptions options);

    /**
     * Navigates to the subset of a sorted set before {@code end} (exclusive).
     *
     * @param argEnd an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRangeTo(Object argEnd);

    /**
     * Navigates to the at most {@code maxAmt} elements nearest before {@code end} (exclusive).
     *
     * @param argEnd an argument: a value, var or Expr
     * @param argMaxAmt an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRangeTo(Object argEnd, Object argMaxAmt);

    /**
     * Like {@link #sortedSetRangeTo(Object)} with options; with a maximum the elements nearest to
     * {@code end} are kept.
     *
     * @param argEnd an argument: a value, var or Expr
     * @param options see above
     * @return a new path with this step appended
     */
    Path.Impl sortedSetRangeTo(Object argEnd, SortedRangeToOptions options);

    /**
     * Navigates to the result of applying a transform path (which ends in term navigators) to the
     * current value, without writing it back.
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl transformed(Path path);

    /**
     * Terminal: replaces the current value with {@code arg} (a value, var or {@link Expr}).
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl termVal(Object arg);

    /**
     * Terminal: removes the current value from its parent (map entry, list element or set element).
     *
     * @return a new path with this step appended
     */
    Path.Impl termVoid();

    /**
     * Navigates to an element of a set if it is present.
     *
     * @param argElem an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl setElem(Object argElem);

    /**
     * Navigates to a write-only slot of a set: a value written there is added to the set. Selects
     * nothing.
     *
     * @return a new path with this step appended
     */
    Path.Impl voidSetElem();

    /**
     * Navigates to a write-only slot before the first element of a list: a value written there is
     * prepended. Selects nothing.
     *
     * @return a new path with this step appended
     */
    Path.Impl beforeElem();

    /**
     * Navigates to a write-only slot after the last element of a list: a value written there is
     * appended. Selects nothing.
     *
     * @return a new path with this step appended
     */
    Path.Impl afterElem();

    /**
     * Navigates to a write-only slot before an index of a list: a value written there is inserted
     * at that index. Selects nothing.
     *
     * @param argIndex an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl beforeIndex(Object argIndex);

    /**
     * Navigates to the empty sublist at the start of a list; a list written there is inserted at
     * the start.
     *
     * @return a new path with this step appended
     */
    Path.Impl beginning();

    /**
     * Navigates to the empty sublist at the end of a list; a list written there is appended.
     *
     * @return a new path with this step appended
     */
    Path.Impl end();

    /**
     * Continues only if the predicate holds for the current value.
     *
     * @param pred the predicate
     * @return a new path with this step appended
     */
    <T> Path.Impl filterPred(DeimosFunction1<T, ?> pred);

    /**
     * Continues only if the current value equals {@code arg} (numbers compare by value).
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl filterEqual(Object arg);

    /**
     * Continues only if the current value does not equal {@code arg}.
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl filterNotEqual(Object arg);

    /**
     * Continues only if the current value is less than {@code arg}.
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl filterLessThan(Object arg);

    /**
     * Continues only if the current value is less than or equal to {@code arg}.
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl filterLessThanOrEqual(Object arg);

    /**
     * Continues only if the current value is greater than {@code arg}.
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl filterGreaterThan(Object arg);

    /**
     * Continues only if the current value is greater than or equal to {@code arg}.
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl filterGreaterThanOrEqual(Object arg);

    /**
     * Continues only if {@code path} navigates to at least one value from here; the position does
     * not change.
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl filterSelected(Path path);

    /**
     * Continues only if {@code path} navigates to no value from here.
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl filterNotSelected(Path path);

    /**
     * Navigates to the list of elements for which {@code path} selects something; a transformed
     * list is written back to the original positions.
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl filteredList(Path path);

    /**
     * Continues with {@code thenPath} if {@code condPath} selects something here, otherwise
     * navigates nowhere.
     *
     * @param condPath see above
     * @param thenPath see above
     * @return a new path with this step appended
     */
    Path.Impl ifPath(Path condPath, Path thenPath);

    /**
     * Continues with {@code thenPath} if {@code condPath} selects something here, otherwise with
     * {@code elsePath}.
     *
     * @param condPath see above
     * @param thenPath see above
     * @param elsePath see above
     * @return a new path with this step appended
     */
    Path.Impl ifPath(Path condPath, Path thenPath, Path elsePath);

    /**
     * Navigates every path from here: selects concatenate in order, transforms apply left to right.
     *
     * @param paths see above
     * @return a new path with this step appended
     */
    Path.Impl multiPath(Path... paths);

    /**
     * Navigates to one list of everything {@code path} selects; a transformed list is written back
     * element by element to where each value came from.
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl subselect(Path path);

    /**
     * Navigates to {@code arg} when the current value is null, otherwise stays.
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl nullToVal(Object arg);

    /**
     * Navigates to an empty list when the current value is null, otherwise stays.
     *
     * @return a new path with this step appended
     */
    Path.Impl nullToList();

    /**
     * Navigates to an empty set when the current value is null, otherwise stays.
     *
     * @return a new path with this step appended
     */
    Path.Impl nullToSet();

    /**
     * Stays at the current value.
     *
     * @return a new path with this step appended
     */
    Path.Impl stay();

    /**
     * Navigates nowhere.
     *
     * @return a new path with this step appended
     */
    Path.Impl stop();

    /**
     * Collects the list of values {@code path} selects from here; collected values are prepended to
     * select results and passed first to term functions.
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl collect(Path path);

    /**
     * Collects the single value {@code path} selects from here (null when none; an error when more
     * than one).
     *
     * @param path see above
     * @return a new path with this step appended
     */
    Path.Impl collectOne(Path path);

    /**
     * Collects {@code arg} (a value, var or {@link Expr}).
     *
     * @param arg an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    Path.Impl putCollected(Object arg);

    /**
     * Continues only if the predicate holds for the list of values collected so far.
     *
     * @param pred the predicate
     * @return a new path with this step appended
     */
    Path.Impl isCollected(DeimosFunction1<? super List<Object>, ?> pred);

    /**
     * Drops the values collected so far for the rest of the path.
     *
     * @return a new path with this step appended
     */
    Path.Impl dispenseCollected();

    /**
     * Adds a user-implemented navigator.
     *
     * @param nav see above
     * @return a new path with this step appended
     */
    Path.Impl customNav(Navigator<?> nav);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @return a new path with this step appended
     */
    <T0, R> Path.Impl view(DeimosFunction1<T0, R> fn);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, R> Path.Impl view(DeimosFunction2<T0, T1, R> fn, Object arg1);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, R> Path.Impl view(DeimosFunction3<T0, T1, T2, R> fn, Object arg1, Object arg2);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, R> Path.Impl view(
        DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg1, Object arg2, Object arg3);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, R> Path.Impl view(
        DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, R> Path.Impl view(
        DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, T6, R> Path.Impl view(
        DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Navigates to {@code fn(current, args...)}; the current value is the function's first
     * argument.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @param arg7 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, T6, T7, R> Path.Impl view(
        DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @return a new path with this step appended
     */
    <T0, R> Path.Impl term(DeimosFunction1<T0, R> fn);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, R> Path.Impl term(DeimosFunction2<T0, T1, R> fn, Object arg1);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, R> Path.Impl term(DeimosFunction3<T0, T1, T2, R> fn, Object arg1, Object arg2);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, R> Path.Impl term(
        DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg1, Object arg2, Object arg3);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, R> Path.Impl term(
        DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, R> Path.Impl term(
        DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, T6, R> Path.Impl term(
        DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Terminal: replaces the current value with {@code fn(collected..., current, args...)}.
     *
     * @param fn the function
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @param arg7 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, T6, T7, R> Path.Impl term(
        DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    Path.Impl customNavBuilder(DeimosFunction0<Navigator> fn);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0> Path.Impl customNavBuilder(DeimosFunction1<T0, Navigator> fn, Object arg0);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1> Path.Impl customNavBuilder(
        DeimosFunction2<T0, T1, Navigator> fn, Object arg0, Object arg1);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1, T2> Path.Impl customNavBuilder(
        DeimosFunction3<T0, T1, T2, Navigator> fn, Object arg0, Object arg1, Object arg2);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1, T2, T3> Path.Impl customNavBuilder(
        DeimosFunction4<T0, T1, T2, T3, Navigator> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1, T2, T3, T4> Path.Impl customNavBuilder(
        DeimosFunction5<T0, T1, T2, T3, T4, Navigator> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1, T2, T3, T4, T5> Path.Impl customNavBuilder(
        DeimosFunction6<T0, T1, T2, T3, T4, T5, Navigator> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1, T2, T3, T4, T5, T6> Path.Impl customNavBuilder(
        DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, Navigator> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @param arg7 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    @SuppressWarnings("rawtypes")
    <T0, T1, T2, T3, T4, T5, T6, T7> Path.Impl customNavBuilder(
        DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, Navigator> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @return a new path with this step appended
     */
    Path.Impl pathBuilder(DeimosFunction0<Path> fn);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0> Path.Impl pathBuilder(DeimosFunction1<T0, Path> fn, Object arg0);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1> Path.Impl pathBuilder(DeimosFunction2<T0, T1, Path> fn, Object arg0, Object arg1);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2> Path.Impl pathBuilder(
        DeimosFunction3<T0, T1, T2, Path> fn, Object arg0, Object arg1, Object arg2);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3> Path.Impl pathBuilder(
        DeimosFunction4<T0, T1, T2, T3, Path> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4> Path.Impl pathBuilder(
        DeimosFunction5<T0, T1, T2, T3, T4, Path> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5> Path.Impl pathBuilder(
        DeimosFunction6<T0, T1, T2, T3, T4, T5, Path> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, T6> Path.Impl pathBuilder(
        DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, Path> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or
     * {@link Expr}s).
     *
     * @param fn the function
     * @param arg0 an argument: a value, var or Expr
     * @param arg1 an argument: a value, var or Expr
     * @param arg2 an argument: a value, var or Expr
     * @param arg3 an argument: a value, var or Expr
     * @param arg4 an argument: a value, var or Expr
     * @param arg5 an argument: a value, var or Expr
     * @param arg6 an argument: a value, var or Expr
     * @param arg7 an argument: a value, var or Expr
     * @return a new path with this step appended
     */
    <T0, T1, T2, T3, T4, T5, T6, T7> Path.Impl pathBuilder(
        DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, Path> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);
  }
}
