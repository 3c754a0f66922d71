package dev.deimos.impl.path;

import dev.deimos.Navigator;
import dev.deimos.Path;
import dev.deimos.SortedRangeFromOptions;
import dev.deimos.SortedRangeOptions;
import dev.deimos.SortedRangeToOptions;
import dev.deimos.impl.data.Vars;
import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import java.util.Arrays;
import java.util.List;

/**
 * The only implementation of {@link Path.Impl}: an immutable array of steps. Every builder method
 * returns a new instance with the step appended; the linked node chain is built on first use and
 * cached (it is not serialized, and rebuilt after deserialization).
 */
public final class PathImpl implements Path.Impl {
  private static final long serialVersionUID = 1L;
  private static final PathImpl EMPTY = new PathImpl(new Nav[0]);

  private final Nav[] navs;
  private transient volatile Node compiled;
  // arguments of the steps when every step is key(k), else NOT_KEYS; computed on first use
  private transient volatile Object[] keyArgs;
  private transient volatile Object[] staticKeys;
  // PathKeys.keyUpdate's result when it needs no vars (static keys and term), else its shape or a
  // marker that the path is no key update: decided once
  transient volatile Object staticKeyUpdate;
  private static final Object[] NOT_KEYS = new Object[0];

  private PathImpl(Nav[] navs) {
    this.navs = navs;
  }

  /**
   * Returns the empty path, which navigates to the value itself.
   *
   * @return the empty path
   */
  public static PathImpl start() {
    return EMPTY;
  }

  private PathImpl add(Nav nav) {
    Nav[] a = Arrays.copyOf(navs, navs.length + 1);
    a[navs.length] = nav;
    return new PathImpl(a);
  }

  private PathImpl addAll(Nav[] more) {
    Nav[] a = Arrays.copyOf(navs, navs.length + more.length);
    System.arraycopy(more, 0, a, navs.length, more.length);
    return new PathImpl(a);
  }

  int size() {
    return navs.length;
  }

  /** Adds the vars read by every step, sub-paths included, to {@code out}, in path order. */
  void vars(java.util.Set<String> out) {
    for (Nav n : navs) {
      n.vars(out);
    }
  }

  /** The last navigator, or null for the empty path. */
  Nav lastNav() {
    return navs.length == 0 ? null : navs[navs.length - 1];
  }

  /** The resolved arguments of the first {@code count} steps, which are known to be key(k). */
  Object[] keyPrefix(Vars vars, int count) {
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      out[i] = Args.resolve(((MapNavs.Key) navs[i]).arg, vars);
    }
    return out;
  }

  /** The navigator of step {@code i}. */
  Nav nav(int i) {
    return navs[i];
  }

  /** The first navigator, or null for the empty path. */
  /** Whether every step is {@code stay()} (or there is none): the path reaches its root. */
  boolean onlyStays() {
    for (Nav n : navs) {
      if (!(n instanceof FilterNavs.Stay)) {
        return false;
      }
    }
    return true;
  }

  Nav firstNav() {
    return navs.length == 0 ? null : navs[0];
  }

  /**
   * The resolved keys when every step is {@code key(k)} (at least one), else null. Stores use it to
   * run point reads without the general engine. The array is shared when no key is a var or an
   * expression: callers must not change it.
   */
  Object[] keyChain(Vars vars) {
    Object[] s = staticKeys;
    if (s != null) {
      return s;
    }
    Object[] a = keyArgs;
    if (a == null) {
      a = NOT_KEYS;
      boolean allStatic = true;
      if (navs.length > 0) {
        a = new Object[navs.length];
        for (int i = 0; i < navs.length; i++) {
          if (!(navs[i] instanceof MapNavs.Key)) {
            a = NOT_KEYS;
            break;
          }
          a[i] = ((MapNavs.Key) navs[i]).arg;
          allStatic &= Args.isStatic(a[i]);
        }
      }
      keyArgs = a;
      if (a != NOT_KEYS && allStatic) {
        Object[] r = Args.resolveAll(a, vars);
        staticKeys = r;
        return r;
      }
    }
    return a == NOT_KEYS ? null : Args.resolveAll(a, vars);
  }

  /** Links the steps in front of {@code next}; sub-paths are linked by their step's link. */
  Node compile(Node next) {
    Node n = next;
    for (int i = navs.length - 1; i >= 0; i--) {
      n = navs[i].link(n, i);
    }
    return n;
  }

  /** The chain ending in an end node, built once per path instance. */
  Node head() {
    Node h = compiled;
    if (h == null) {
      h = compile(Node.end());
      compiled = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Path[");
    for (int i = 0; i < navs.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(navs[i].describe());
    }
    return sb.append(']').toString();
  }

  private static PathImpl[] impls(Path[] paths, String where) {
    PathImpl[] out = new PathImpl[paths.length];
    for (int i = 0; i < paths.length; i++) {
      out[i] = ComposeNavs.impl(paths[i], where);
    }
    return out;
  }

  @Override
  public Path.Impl key(Object... keys) {
    Nav[] a = new Nav[keys.length];
    for (int i = 0; i < keys.length; i++) {
      a[i] = new MapNavs.Key(keys[i]);
    }
    return addAll(a);
  }

  @Override
  public Path.Impl must(Object... keys) {
    Nav[] a = new Nav[keys.length];
    for (int i = 0; i < keys.length; i++) {
      a[i] = new MapNavs.Must(keys[i]);
    }
    return addAll(a);
  }

  @Override
  public Path.Impl all() {
    return add(new ListNavs.All());
  }

  @Override
  public Path.Impl mapKeys() {
    return add(new MapNavs.MapKeys());
  }

  @Override
  public Path.Impl mapVals() {
    return add(new MapNavs.MapVals());
  }

  @Override
  public Path.Impl mapKey(Object argKey) {
    return add(new MapNavs.MapKey(argKey));
  }

  @Override
  public Path.Impl first() {
    return add(new ListNavs.End1(false));
  }

  @Override
  public Path.Impl last() {
    return add(new ListNavs.End1(true));
  }

  @Override
  public Path.Impl nth(Object argIndex) {
    return add(new ListNavs.Nth(argIndex));
  }

  @Override
  public Path.Impl sublist(Object argStart, Object argEnd) {
    return add(new ListNavs.Sublist("sublist", argStart, argEnd));
  }

  @Override
  public Path.Impl subMap(Object... keys) {
    return add(new MapNavs.SubMap(keys));
  }

  @Override
  public Path.Impl sortedMapRange(Object argStart, Object argEnd) {
    return add(new SortedNavs.Range(true, argStart, true, argEnd, false, null));
  }

  @Override
  public Path.Impl sortedMapRange(Object argStart, Object argEnd, SortedRangeOptions options) {
    SortedRangeOptions.CapturedSortedRangeOptions o =
        (SortedRangeOptions.CapturedSortedRangeOptions) options;
    return add(
        new SortedNavs.Range(true, argStart, o.isStartIncluded(), argEnd, o.isEndIncluded(), null));
  }

  @Override
  public Path.Impl sortedMapRangeFrom(Object argStart) {
    return add(new SortedNavs.Range(true, argStart, true, SortedNavs.OPEN, false, null));
  }

  @Override
  public Path.Impl sortedMapRangeFrom(Object argStart, Object argMaxAmt) {
    return add(new SortedNavs.Range(true, argStart, true, SortedNavs.OPEN, false, argMaxAmt));
  }

  @Override
  public Path.Impl sortedMapRangeFrom(Object argStart, SortedRangeFromOptions options) {
    SortedRangeFromOptions.CapturedSortedRangeFromOptions o =
        (SortedRangeFromOptions.CapturedSortedRangeFromOptions) options;
    return add(
        new SortedNavs.Range(
            true, argStart, o.isStartIncluded(), SortedNavs.OPEN, false, o.getMaxAmt()));
  }

  @Override
  public Path.Impl sortedMapRangeTo(Object argEnd) {
    return add(new SortedNavs.Range(true, SortedNavs.OPEN, false, argEnd, false, null));
  }

  @Override
  public Path.Impl sortedMapRangeTo(Object argEnd, Object argMaxAmt) {
    return add(new SortedNavs.Range(true, SortedNavs.OPEN, false, argEnd, false, argMaxAmt));
  }

  @Override
  public Path.Impl sortedMapRangeTo(Object argEnd, SortedRangeToOptions options) {
    SortedRangeToOptions.CapturedSortedRangeToOptions o =
        (SortedRangeToOptions.CapturedSortedRangeToOptions) options;
    return add(
        new SortedNavs.Range(
            true, SortedNavs.OPEN, false, argEnd, o.isEndIncluded(), o.getMaxAmt()));
  }

  @Override
  public Path.Impl sortedSetRange(Object argStart, Object argEnd) {
    return add(new SortedNavs.Range(false, argStart, true, argEnd, false, null));
  }

  @Override
  public Path.Impl sortedSetRange(Object argStart, Object argEnd, SortedRangeOptions options) {
    SortedRangeOptions.CapturedSortedRangeOptions o =
        (SortedRangeOptions.CapturedSortedRangeOptions) options;
    return add(
        new SortedNavs.Range(
            false, argStart, o.isStartIncluded(), argEnd, o.isEndIncluded(), null));
  }

  @Override
  public Path.Impl sortedSetRangeFrom(Object argStart) {
    return add(new SortedNavs.Range(false, argStart, true, SortedNavs.OPEN, false, null));
  }

  @Override
  public Path.Impl sortedSetRangeFrom(Object argStart, Object argMaxAmt) {
    return add(new SortedNavs.Range(false, argStart, true, SortedNavs.OPEN, false, argMaxAmt));
  }

  @Override
  public Path.Impl sortedSetRangeFrom(Object argStart, SortedRangeFromOptions options) {
    SortedRangeFromOptions.CapturedSortedRangeFromOptions o =
        (SortedRangeFromOptions.CapturedSortedRangeFromOptions) options;
    return add(
        new SortedNavs.Range(
            false, argStart, o.isStartIncluded(), SortedNavs.OPEN, false, o.getMaxAmt()));
  }

  @Override
  public Path.Impl sortedSetRangeTo(Object argEnd) {
    return add(new SortedNavs.Range(false, SortedNavs.OPEN, false, argEnd, false, null));
  }

  @Override
  public Path.Impl sortedSetRangeTo(Object argEnd, Object argMaxAmt) {
    return add(new SortedNavs.Range(false, SortedNavs.OPEN, false, argEnd, false, argMaxAmt));
  }

  @Override
  public Path.Impl sortedSetRangeTo(Object argEnd, SortedRangeToOptions options) {
    SortedRangeToOptions.CapturedSortedRangeToOptions o =
        (SortedRangeToOptions.CapturedSortedRangeToOptions) options;
    return add(
        new SortedNavs.Range(
            false, SortedNavs.OPEN, false, argEnd, o.isEndIncluded(), o.getMaxAmt()));
  }

  @Override
  public Path.Impl transformed(Path path) {
    return add(new ComposeNavs.Transformed(ComposeNavs.impl(path, "transformed")));
  }

  @Override
  public Path.Impl termVal(Object arg) {
    return add(new TermNavs.TermVal(arg));
  }

  @Override
  public Path.Impl termVoid() {
    return add(new TermNavs.TermVoid());
  }

  @Override
  public Path.Impl setElem(Object argElem) {
    return add(new SetNavs.SetElem(argElem));
  }

  @Override
  public Path.Impl voidSetElem() {
    return add(new SetNavs.VoidSetElem());
  }

  @Override
  public Path.Impl beforeElem() {
    return add(new ListNavs.Insert("before", null));
  }

  @Override
  public Path.Impl afterElem() {
    return add(new ListNavs.Insert("after", null));
  }

  @Override
  public Path.Impl beforeIndex(Object argIndex) {
    return add(new ListNavs.Insert("index", argIndex));
  }

  @Override
  public Path.Impl beginning() {
    return add(new ListNavs.Sublist("beginning", null, null));
  }

  @Override
  public Path.Impl end() {
    return add(new ListNavs.Sublist("end", null, null));
  }

  @Override
  public <T> Path.Impl filterPred(DeimosFunction1<T, ?> pred) {
    return add(new FilterNavs.Pred(pred));
  }

  @Override
  public Path.Impl filterEqual(Object arg) {
    return add(new FilterNavs.Compare(FilterNavs.Op.EQ, arg));
  }

  @Override
  public Path.Impl filterNotEqual(Object arg) {
    return add(new FilterNavs.Compare(FilterNavs.Op.NE, arg));
  }

  @Override
  public Path.Impl filterLessThan(Object arg) {
    return add(new FilterNavs.Compare(FilterNavs.Op.LT, arg));
  }

  @Override
  public Path.Impl filterLessThanOrEqual(Object arg) {
    return add(new FilterNavs.Compare(FilterNavs.Op.LE, arg));
  }

  @Override
  public Path.Impl filterGreaterThan(Object arg) {
    return add(new FilterNavs.Compare(FilterNavs.Op.GT, arg));
  }

  @Override
  public Path.Impl filterGreaterThanOrEqual(Object arg) {
    return add(new FilterNavs.Compare(FilterNavs.Op.GE, arg));
  }

  @Override
  public Path.Impl filterSelected(Path path) {
    return add(new ComposeNavs.Selected(ComposeNavs.impl(path, "filterSelected"), false));
  }

  @Override
  public Path.Impl filterNotSelected(Path path) {
    return add(new ComposeNavs.Selected(ComposeNavs.impl(path, "filterNotSelected"), true));
  }

  @Override
  public Path.Impl filteredList(Path path) {
    return add(
        new ComposeNavs.Subselect(
            (PathImpl) start().all().filterSelected(ComposeNavs.impl(path, "filteredList")),
            "filteredList"));
  }

  @Override
  public Path.Impl ifPath(Path condPath, Path thenPath) {
    return add(
        new ComposeNavs.If(
            ComposeNavs.impl(condPath, "ifPath"), ComposeNavs.impl(thenPath, "ifPath"), null));
  }

  @Override
  public Path.Impl ifPath(Path condPath, Path thenPath, Path elsePath) {
    return add(
        new ComposeNavs.If(
            ComposeNavs.impl(condPath, "ifPath"),
            ComposeNavs.impl(thenPath, "ifPath"),
            ComposeNavs.impl(elsePath, "ifPath")));
  }

  @Override
  public Path.Impl multiPath(Path... paths) {
    return add(new ComposeNavs.Multi(impls(paths, "multiPath")));
  }

  @Override
  public Path.Impl subselect(Path path) {
    return add(new ComposeNavs.Subselect(ComposeNavs.impl(path, "subselect"), "subselect"));
  }

  @Override
  public Path.Impl nullToVal(Object arg) {
    return add(new FilterNavs.NullTo("val", arg));
  }

  @Override
  public Path.Impl nullToList() {
    return add(new FilterNavs.NullTo("list", null));
  }

  @Override
  public Path.Impl nullToSet() {
    return add(new FilterNavs.NullTo("set", null));
  }

  @Override
  public Path.Impl stay() {
    return add(new FilterNavs.Stay());
  }

  @Override
  public Path.Impl stop() {
    return add(new FilterNavs.Stop());
  }

  @Override
  public Path.Impl collect(Path path) {
    return add(new CollectNavs.Collect(ComposeNavs.impl(path, "collect"), false));
  }

  @Override
  public Path.Impl collectOne(Path path) {
    return add(new CollectNavs.Collect(ComposeNavs.impl(path, "collectOne"), true));
  }

  @Override
  public Path.Impl putCollected(Object arg) {
    return add(new CollectNavs.Put(arg));
  }

  @Override
  public Path.Impl isCollected(DeimosFunction1<? super List<Object>, ?> pred) {
    return add(new CollectNavs.IsCollected(pred));
  }

  @Override
  public Path.Impl dispenseCollected() {
    return add(new CollectNavs.Dispense());
  }

  @Override
  public Path.Impl customNav(Navigator<?> nav) {
    return add(new CustomNavs.Custom(nav));
  }

  @Override
  public <T0, R> Path.Impl view(DeimosFunction1<T0, R> fn) {
    return add(new TermNavs.View(fn, new Object[] {}));
  }

  @Override
  public <T0, T1, R> Path.Impl view(DeimosFunction2<T0, T1, R> fn, Object arg1) {
    return add(new TermNavs.View(fn, new Object[] {arg1}));
  }

  @Override
  public <T0, T1, T2, R> Path.Impl view(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg1, Object arg2) {
    return add(new TermNavs.View(fn, new Object[] {arg1, arg2}));
  }

  @Override
  public <T0, T1, T2, T3, R> Path.Impl view(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg1, Object arg2, Object arg3) {
    return add(new TermNavs.View(fn, new Object[] {arg1, arg2, arg3}));
  }

  @Override
  public <T0, T1, T2, T3, T4, R> Path.Impl view(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(new TermNavs.View(fn, new Object[] {arg1, arg2, arg3, arg4}));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, R> Path.Impl view(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(new TermNavs.View(fn, new Object[] {arg1, arg2, arg3, arg4, arg5}));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, R> Path.Impl view(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(new TermNavs.View(fn, new Object[] {arg1, arg2, arg3, arg4, arg5, arg6}));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> Path.Impl view(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(new TermNavs.View(fn, new Object[] {arg1, arg2, arg3, arg4, arg5, arg6, arg7}));
  }

  @Override
  public <T0, R> Path.Impl term(DeimosFunction1<T0, R> fn) {
    return add(new TermNavs.Term(fn, new Object[] {}));
  }

  @Override
  public <T0, T1, R> Path.Impl term(DeimosFunction2<T0, T1, R> fn, Object arg1) {
    return add(new TermNavs.Term(fn, new Object[] {arg1}));
  }

  @Override
  public <T0, T1, T2, R> Path.Impl term(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg1, Object arg2) {
    return add(new TermNavs.Term(fn, new Object[] {arg1, arg2}));
  }

  @Override
  public <T0, T1, T2, T3, R> Path.Impl term(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg1, Object arg2, Object arg3) {
    return add(new TermNavs.Term(fn, new Object[] {arg1, arg2, arg3}));
  }

  @Override
  public <T0, T1, T2, T3, T4, R> Path.Impl term(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(new TermNavs.Term(fn, new Object[] {arg1, arg2, arg3, arg4}));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, R> Path.Impl term(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(new TermNavs.Term(fn, new Object[] {arg1, arg2, arg3, arg4, arg5}));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, R> Path.Impl term(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(new TermNavs.Term(fn, new Object[] {arg1, arg2, arg3, arg4, arg5, arg6}));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> Path.Impl term(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(new TermNavs.Term(fn, new Object[] {arg1, arg2, arg3, arg4, arg5, arg6, arg7}));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public Path.Impl customNavBuilder(DeimosFunction0<Navigator> fn) {
    return add(new CustomNavs.Builder(fn, new Object[] {}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0> Path.Impl customNavBuilder(DeimosFunction1<T0, Navigator> fn, Object arg0) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1> Path.Impl customNavBuilder(
      DeimosFunction2<T0, T1, Navigator> fn, Object arg0, Object arg1) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1, T2> Path.Impl customNavBuilder(
      DeimosFunction3<T0, T1, T2, Navigator> fn, Object arg0, Object arg1, Object arg2) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1, T2, T3> Path.Impl customNavBuilder(
      DeimosFunction4<T0, T1, T2, T3, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1, T2, T3, T4> Path.Impl customNavBuilder(
      DeimosFunction5<T0, T1, T2, T3, T4, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3, arg4}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1, T2, T3, T4, T5> Path.Impl customNavBuilder(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(
        new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3, arg4, arg5}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1, T2, T3, T4, T5, T6> Path.Impl customNavBuilder(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6}, false));
  }

  @SuppressWarnings("rawtypes")
  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7> Path.Impl customNavBuilder(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, Navigator> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(
        new CustomNavs.Builder(
            fn, new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7}, false));
  }

  @Override
  public Path.Impl pathBuilder(DeimosFunction0<Path> fn) {
    return add(new CustomNavs.Builder(fn, new Object[] {}, true));
  }

  @Override
  public <T0> Path.Impl pathBuilder(DeimosFunction1<T0, Path> fn, Object arg0) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0}, true));
  }

  @Override
  public <T0, T1> Path.Impl pathBuilder(
      DeimosFunction2<T0, T1, Path> fn, Object arg0, Object arg1) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1}, true));
  }

  @Override
  public <T0, T1, T2> Path.Impl pathBuilder(
      DeimosFunction3<T0, T1, T2, Path> fn, Object arg0, Object arg1, Object arg2) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2}, true));
  }

  @Override
  public <T0, T1, T2, T3> Path.Impl pathBuilder(
      DeimosFunction4<T0, T1, T2, T3, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3}, true));
  }

  @Override
  public <T0, T1, T2, T3, T4> Path.Impl pathBuilder(
      DeimosFunction5<T0, T1, T2, T3, T4, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3, arg4}, true));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5> Path.Impl pathBuilder(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return add(new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3, arg4, arg5}, true));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6> Path.Impl pathBuilder(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return add(
        new CustomNavs.Builder(fn, new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6}, true));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7> Path.Impl pathBuilder(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, Path> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return add(
        new CustomNavs.Builder(
            fn, new Object[] {arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7}, true));
  }
}
