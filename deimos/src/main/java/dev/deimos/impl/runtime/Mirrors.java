package dev.deimos.impl.runtime;

import dev.deimos.AckLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The mirror vars of one module ({@code Setup.clusterDepot/clusterPState/clusterQuery}): other
 * modules' depots, PStates and queries, resolved when the module is launched.
 */
final class Mirrors {
  private final String moduleName;
  private final Map<String, String[]> defs;
  private final Map<String, ModuleRuntime> owners = new LinkedHashMap<>();
  private final Map<String, MirrorPState> pstates = new LinkedHashMap<>();

  Mirrors(String moduleName, Map<String, String[]> defs) {
    this.moduleName = moduleName;
    this.defs = new LinkedHashMap<>(defs);
  }

  /** Finds every mirrored module; fails naming the var when a module or object is missing. */
  void resolve(Function<String, ModuleRuntime> lookup) {
    for (Map.Entry<String, String[]> e : defs.entrySet()) {
      String var = e.getKey();
      String[] d = e.getValue();
      ModuleRuntime other;
      try {
        other = lookup.apply(d[1]);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            "module "
                + moduleName
                + ": mirror "
                + var
                + " names module "
                + d[1]
                + ", which is not deployed",
            ex);
      }
      boolean ok;
      switch (d[0]) {
        case "depot":
          ok = other.hasDepot(d[2]);
          break;
        case "pstate":
          ok = other.hasPState(d[2]);
          if (ok && !other.isClientReadable(d[2])) {
            throw new IllegalArgumentException(
                "module "
                    + moduleName
                    + ": mirror "
                    + var
                    + ": PState "
                    + d[2]
                    + " of module "
                    + d[1]
                    + " is private to its topology");
          }
          break;
        default:
          ok = other.hasQuery(d[2]);
      }
      if (!ok) {
        throw new IllegalArgumentException(
            "module "
                + moduleName
                + ": mirror "
                + var
                + ": module "
                + d[1]
                + " has no "
                + d[0]
                + " "
                + d[2]);
      }
      owners.put(var, other);
      if (d[0].equals("pstate")) {
        pstates.put(var, new MirrorPState(var, other, d[2]));
      }
    }
  }

  boolean isMirror(String var) {
    return defs.containsKey(var);
  }

  MirrorPState pstate(String var) {
    return pstates.get(var);
  }

  boolean isDepot(String var) {
    String[] d = defs.get(var);
    return d != null && d[0].equals("depot");
  }

  /** The module a resolved mirror var reads from, or null. */
  ModuleRuntime owner(String var) {
    return owners.get(var);
  }

  /** The name of the mirrored object in its module, or null if {@code var} is no mirror. */
  String target(String var) {
    String[] d = defs.get(var);
    return d == null ? null : d[2];
  }

  boolean isQuery(String var) {
    String[] d = defs.get(var);
    return d != null && d[0].equals("query");
  }

  CompletableFuture<Map<String, Object>> append(String var, Object data, AckLevel level) {
    return owners.get(var).append(defs.get(var)[2], data, level);
  }

  CompletableFuture<Object> invoke(String var, Object[] args) {
    return owners.get(var).invokeQuery(defs.get(var)[2], args);
  }
}
