# Generates Path.java (static builders + Impl) from a compact spec. Not committed.
specs = [
 # (generics, name, params[(type,name)], doc)
 ("", "key", [("Object...", "keys")], "Navigates into nested maps by each key in turn; a missing key navigates to null, so a transform can create it. Keys may be vars or {@link Expr}s."),
 ("", "must", [("Object...", "keys")], "Like {@link #key(Object...)} but navigates nowhere when a key is absent."),
 ("", "all", [], "Navigates to every element of a list or set, or to every entry of a map as a two-element list {@code [key, value]}. Transforming a pair may change the key and the value; {@code termVoid} removes the element."),
 ("", "mapKeys", [], "Navigates to every key of a map; transforming a key renames its entry."),
 ("", "mapVals", [], "Navigates to every value of a map."),
 ("", "mapKey", [("Object", "argKey")], "Navigates to a key of a map if present; transforming it renames the entry and keeps its value."),
 ("", "first", [], "Navigates to the first element of a list; nowhere when the list is empty or null."),
 ("", "last", [], "Navigates to the last element of a list; nowhere when the list is empty or null."),
 ("", "nth", [("Object", "argIndex")], "Navigates to the element at an index of a list."),
 ("", "sublist", [("Object", "argStart"), ("Object", "argEnd")], "Navigates to the sublist from {@code start} (inclusive) to {@code end} (exclusive); a transformed sublist replaces that range."),
 ("", "subMap", [("Object...", "keys")], "Navigates to the submap holding only the given keys that are present; a transformed submap replaces those entries."),
 ("", "sortedMapRange", [("Object", "argStart"), ("Object", "argEnd")], "Navigates to the submap of a sorted map with keys from {@code start} (inclusive) to {@code end} (exclusive)."),
 ("", "sortedMapRange", [("Object", "argStart"), ("Object", "argEnd"), ("SortedRangeOptions", "options")], "Like {@link #sortedMapRange(Object, Object)} with inclusivity taken from {@code options}."),
 ("", "sortedMapRangeFrom", [("Object", "argStart")], "Navigates to the submap of a sorted map with keys from {@code start} (inclusive) to the end."),
 ("", "sortedMapRangeFrom", [("Object", "argStart"), ("Object", "argMaxAmt")], "Navigates to at most {@code maxAmt} entries of a sorted map starting at {@code start} (inclusive). {@code maxAmt} may be an int, a var or an {@link Expr}."),
 ("", "sortedMapRangeFrom", [("Object", "argStart"), ("SortedRangeFromOptions", "options")], "Like {@link #sortedMapRangeFrom(Object)} with start inclusivity and a maximum amount taken from {@code options}."),
 ("", "sortedMapRangeTo", [("Object", "argEnd")], "Navigates to the submap of a sorted map with keys before {@code end} (exclusive)."),
 ("", "sortedMapRangeTo", [("Object", "argEnd"), ("Object", "argMaxAmt")], "Navigates to the at most {@code maxAmt} entries nearest before {@code end} (exclusive): the map is read backwards from {@code end}."),
 ("", "sortedMapRangeTo", [("Object", "argEnd"), ("SortedRangeToOptions", "options")], "Like {@link #sortedMapRangeTo(Object)} with end inclusivity and a maximum amount taken from {@code options}; with a maximum the entries nearest to {@code end} are kept."),
 ("", "sortedSetRange", [("Object", "argStart"), ("Object", "argEnd")], "Navigates to the subset of a sorted set from {@code start} (inclusive) to {@code end} (exclusive)."),
 ("", "sortedSetRange", [("Object", "argStart"), ("Object", "argEnd"), ("SortedRangeOptions", "options")], "Like {@link #sortedSetRange(Object, Object)} with inclusivity taken from {@code options}."),
 ("", "sortedSetRangeFrom", [("Object", "argStart")], "Navigates to the subset of a sorted set from {@code start} (inclusive) to the end."),
 ("", "sortedSetRangeFrom", [("Object", "argStart"), ("Object", "argMaxAmt")], "Navigates to at most {@code maxAmt} elements of a sorted set starting at {@code start} (inclusive)."),
 ("", "sortedSetRangeFrom", [("Object", "argStart"), ("SortedRangeFromOptions", "options")], "Like {@link #sortedSetRangeFrom(Object)} with options."),
 ("", "sortedSetRangeTo", [("Object", "argEnd")], "Navigates to the subset of a sorted set before {@code end} (exclusive)."),
 ("", "sortedSetRangeTo", [("Object", "argEnd"), ("Object", "argMaxAmt")], "Navigates to the at most {@code maxAmt} elements nearest before {@code end} (exclusive)."),
 ("", "sortedSetRangeTo", [("Object", "argEnd"), ("SortedRangeToOptions", "options")], "Like {@link #sortedSetRangeTo(Object)} with options; with a maximum the elements nearest to {@code end} are kept."),
 ("", "transformed", [("Path", "path")], "Navigates to the result of applying a transform path (which ends in term navigators) to the current value, without writing it back."),
 ("", "termVal", [("Object", "arg")], "Terminal: replaces the current value with {@code arg} (a value, var or {@link Expr})."),
 ("", "termVoid", [], "Terminal: removes the current value from its parent (map entry, list element or set element)."),
 ("", "setElem", [("Object", "argElem")], "Navigates to an element of a set if it is present."),
 ("", "voidSetElem", [], "Navigates to a write-only slot of a set: a value written there is added to the set. Selects nothing."),
 ("", "beforeElem", [], "Navigates to a write-only slot before the first element of a list: a value written there is prepended. Selects nothing."),
 ("", "afterElem", [], "Navigates to a write-only slot after the last element of a list: a value written there is appended. Selects nothing."),
 ("", "beforeIndex", [("Object", "argIndex")], "Navigates to a write-only slot before an index of a list: a value written there is inserted at that index. Selects nothing."),
 ("", "beginning", [], "Navigates to the empty sublist at the start of a list; a list written there is inserted at the start."),
 ("", "end", [], "Navigates to the empty sublist at the end of a list; a list written there is appended."),
 ("<T>", "filterPred", [("DeimosFunction1<T, Boolean>", "pred")], "Continues only if the predicate holds for the current value."),
 ("", "filterEqual", [("Object", "arg")], "Continues only if the current value equals {@code arg} (numbers compare by value)."),
 ("", "filterNotEqual", [("Object", "arg")], "Continues only if the current value does not equal {@code arg}."),
 ("", "filterLessThan", [("Object", "arg")], "Continues only if the current value is less than {@code arg}."),
 ("", "filterLessThanOrEqual", [("Object", "arg")], "Continues only if the current value is less than or equal to {@code arg}."),
 ("", "filterGreaterThan", [("Object", "arg")], "Continues only if the current value is greater than {@code arg}."),
 ("", "filterGreaterThanOrEqual", [("Object", "arg")], "Continues only if the current value is greater than or equal to {@code arg}."),
 ("", "filterSelected", [("Path", "path")], "Continues only if {@code path} navigates to at least one value from here; the position does not change."),
 ("", "filterNotSelected", [("Path", "path")], "Continues only if {@code path} navigates to no value from here."),
 ("", "filteredList", [("Path", "path")], "Navigates to the list of elements for which {@code path} selects something; a transformed list is written back to the original positions."),
 ("", "ifPath", [("Path", "condPath"), ("Path", "thenPath")], "Continues with {@code thenPath} if {@code condPath} selects something here, otherwise navigates nowhere."),
 ("", "ifPath", [("Path", "condPath"), ("Path", "thenPath"), ("Path", "elsePath")], "Continues with {@code thenPath} if {@code condPath} selects something here, otherwise with {@code elsePath}."),
 ("", "multiPath", [("Path...", "paths")], "Navigates every path from here: selects concatenate in order, transforms apply left to right."),
 ("", "subselect", [("Path", "path")], "Navigates to one list of everything {@code path} selects; a transformed list is written back element by element to where each value came from."),
 ("", "nullToVal", [("Object", "arg")], "Navigates to {@code arg} when the current value is null, otherwise stays."),
 ("", "nullToList", [], "Navigates to an empty list when the current value is null, otherwise stays."),
 ("", "nullToSet", [], "Navigates to an empty set when the current value is null, otherwise stays."),
 ("", "stay", [], "Stays at the current value."),
 ("", "stop", [], "Navigates nowhere."),
 ("", "collect", [("Path", "path")], "Collects the list of values {@code path} selects from here; collected values are prepended to select results and passed first to term functions."),
 ("", "collectOne", [("Path", "path")], "Collects the single value {@code path} selects from here (null when none; an error when more than one)."),
 ("", "putCollected", [("Object", "arg")], "Collects {@code arg} (a value, var or {@link Expr})."),
 ("", "isCollected", [("DeimosFunction1<List<Object>, Boolean>", "pred")], "Continues only if the predicate holds for the list of values collected so far."),
 ("", "dispenseCollected", [], "Drops the values collected so far for the rest of the path."),
 ("", "customNav", [("Navigator<?>", "nav")], "Adds a user-implemented navigator."),
]
fnarity = 8
def tparams(n, last):
    return ", ".join([f"T{i}" for i in range(n)] + ([last] if last else []))
# view/term
for nm, doc in [("view", "Navigates to {@code fn(current, args...)}; the current value is the function's first argument."),
                ("term", "Terminal: replaces the current value with {@code fn(collected..., current, args...)}.")]:
    for n in range(1, fnarity + 1):
        params = [(f"DeimosFunction{n}<{tparams(n, 'R')}>", "fn")] + [("Object", f"arg{i}") for i in range(1, n)]
        specs.append((f"<{tparams(n, 'R')}>", nm, params, doc))
for nm, ret, doc in [("customNavBuilder", "Navigator", "Adds a navigator built at run time by {@code fn} from the resolved arguments (values, vars or {@link Expr}s)."),
                     ("pathBuilder", "Path", "Adds a path built at run time by {@code fn} from the resolved arguments (values, vars or {@link Expr}s).")]:
    for n in range(0, fnarity + 1):
        tp = tparams(n, ret if n == 0 else None)
        gt = f"DeimosFunction{n}<{tparams(n, None) + ', ' if n else ''}{ret if n==0 else ''}".rstrip(", ")
        gt = f"DeimosFunction{n}<" + ", ".join([f"T{i}" for i in range(n)] + [ret]) + ">"
        params = [(gt, "fn")] + [("Object", f"arg{i}") for i in range(n)]
        g = "<" + ", ".join(f"T{i}" for i in range(n)) + ">" if n else ""
        specs.append((g, nm, params, doc))

def sig(g, name, params):
    ps = ", ".join(f"{t} {p}" for t, p in params)
    return f"{g + ' ' if g else ''}Path.Impl {name}({ps})"

def jd(doc, params, indent):
    lines = [f"{indent}/**", f"{indent} * {doc}", f"{indent} *"]
    for t, p in params:
        lines.append(f"{indent} * @param {p} {'the function' if p=='fn' else 'the predicate' if p=='pred' else 'an argument: a value, var or Expr' if p.startswith('arg') else 'see above'}")
    gens = []
    lines.append(f"{indent} * @return a new path with this step appended")
    lines.append(f"{indent} */")
    return "\n".join(lines)

out = []
out.append("""package dev.deimos;

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
 * navigates to the value under {@code "a"} in a map, then to index 2 of that list. A select
 * returns every value the path reaches, in order. A transform path ends in a term navigator
 * ({@link Impl#termVal termVal}, {@link Impl#term(DeimosFunction1) term}, {@link Impl#termVoid
 * termVoid}) that rewrites each reached value; the structure is rebuilt around it.
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
""")
for g, name, params, doc in specs:
    args = ", ".join(p for t, p in params)
    out.append(jd(doc, params, "  "))
    out.append(f"  static {sig(g, name, params)} {{\n    return PathImpl.start().{name}({args});\n  }}\n")
out.append("""  /** A path under construction: the same steps as the static methods, appended to this path. */
  interface Impl extends Path {""")
for g, name, params, doc in specs:
    out.append(jd(doc, params, "    "))
    out.append(f"    {sig(g, name, params)};\n")
out.append("  }\n}\n")
open("/work/wt/paths/deimos/src/main/java/dev/deimos/Path.java", "w").write("\n".join(out))
