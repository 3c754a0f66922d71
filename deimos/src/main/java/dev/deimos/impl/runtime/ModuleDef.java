package dev.deimos.impl.runtime;

import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.impl.dataflow.Chain;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.serial.ValueCodec;
import dev.deimos.module.StreamSourceOptions;
import dev.deimos.module.StreamTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** What a module's {@code define} declared: collected once at launch, read by the runtime. */
public final class ModuleDef implements DeimosModule.Setup, DeimosModule.Topologies {
  final Map<String, DepotDef> depots = new LinkedHashMap<>();
  final Map<String, TopologyDef> topologies = new LinkedHashMap<>();
  final Map<String, PStateDeclaration> pstates = new LinkedHashMap<>();
  final Map<String, byte[]> objects = new LinkedHashMap<>();
  final Map<String, QueryDef> queries = new LinkedHashMap<>();
  final Map<String, MicrobatchDef> microbatches = new LinkedHashMap<>();

  /** Mirror var to {kind ("depot", "pstate" or "query"), module name, object name}. */
  final Map<String, String[]> mirrors = new LinkedHashMap<>();

  final Map<String, Object> moduleOptions = new LinkedHashMap<>();

  /**
   * Returns whether this definition declares an object another module can mirror.
   *
   * @param kind "depot", "pstate" or "query"
   * @param name the depot var, PState var or query topology name
   * @return true if declared
   */
  public boolean declares(String kind, String name) {
    switch (kind) {
      case "depot":
        return depots.containsKey(name);
      case "pstate":
        return pstates.containsKey(name);
      default:
        return queries.containsKey(name);
    }
  }

  @Override
  public void clusterDepot(String var, String moduleName, String depotName) {
    checkVar(var);
    mirror(var, "depot", moduleName, depotName);
  }

  @Override
  public void clusterPState(String var, String moduleName, String pstateName) {
    if (var == null || !var.startsWith("$$") || var.length() < 3) {
      throw new IllegalArgumentException("a mirror PState var must start with '$$', got " + var);
    }
    if (pstates.containsKey(var)) {
      throw new IllegalArgumentException("var " + var + " is declared twice");
    }
    mirror(var, "pstate", moduleName, pstateName);
  }

  @Override
  public void clusterQuery(String var, String moduleName, String queryTopologyName) {
    checkVar(var);
    mirror(var, "query", moduleName, queryTopologyName);
  }

  private void mirror(String var, String kind, String moduleName, String name) {
    if (mirrors.containsKey(var) || objects.containsKey(var) || depots.containsKey(var)) {
      throw new IllegalArgumentException("var " + var + " is declared twice");
    }
    mirrors.put(
        var,
        new String[] {
          kind, java.util.Objects.requireNonNull(moduleName), java.util.Objects.requireNonNull(name)
        });
  }

  @Override
  public void setLaunchModuleDynamicOption(String option, Object value) {
    moduleOptions.put(java.util.Objects.requireNonNull(option), value);
  }

  @Override
  public Block.Out query(String name, String... inputVars) {
    if (topologies.containsKey(name)
        || queries.containsKey(name)
        || microbatches.containsKey(name)) {
      throw new IllegalArgumentException("topology " + name + " is declared twice");
    }
    QueryDef q = new QueryDef(name, inputVars.clone());
    queries.put(name, q);
    return vars -> {
      if (vars.length != 1) {
        throw new IllegalArgumentException(
            "query "
                + name
                + ": out binds exactly one result var, got "
                + java.util.Arrays.toString(vars));
      }
      q.resultVar = vars[0];
      return Chain.trackedEmpty(q.body);
    };
  }

  /** One query topology: inputs, result var and the newest body built on it. */
  static final class QueryDef {
    final String name;
    final String[] inputs;
    String resultVar;
    final AtomicReference<Block> body = new AtomicReference<>();

    QueryDef(String name, String[] inputs) {
      this.name = name;
      this.inputs = inputs;
    }
  }

  @Override
  public void declareObject(String var, Object obj) {
    checkVar(var);
    if (objects.containsKey(var) || depots.containsKey(var)) {
      throw new IllegalArgumentException("var " + var + " is declared twice");
    }
    try {
      // copied now, so later changes to obj do not leak into the tasks
      objects.put(var, ValueCodec.PLAIN.encode(obj));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "declareObject(" + var + "): the object cannot be serialized: " + e.getMessage(), e);
    }
  }

  @Override
  public Depot.Declaration declareDepot(String var, NativeDepotPartitioning partitioning) {
    checkVar(var);
    if (depots.containsKey(var)) {
      throw new IllegalArgumentException("depot " + var + " is declared twice");
    }
    DepotDef d = new DepotDef(var, partitioning);
    depots.put(var, d);
    return d;
  }

  @Override
  public <T extends Depot.Partitioning<?>> Depot.Declaration declareDepot(
      String var, Class<T> partitioner) {
    return declareDepot(
        var, NativeDepotPartitioning.custom(NativeDepotPartitioning.instantiate(partitioner)));
  }

  @Override
  public void declareTickDepot(String var, long frequencyMillis) {
    checkVar(var);
    if (depots.containsKey(var)) {
      throw new IllegalArgumentException("depot " + var + " is declared twice");
    }
    if (frequencyMillis <= 0) {
      throw new IllegalArgumentException(
          "tick depot " + var + ": frequency must be positive, got " + frequencyMillis);
    }
    DepotDef d =
        new DepotDef(var, NativeDepotPartitioning.of(NativeDepotPartitioning.Kind.DISALLOW));
    d.global = true;
    d.tickMillis = frequencyMillis;
    depots.put(var, d);
  }

  @Override
  public StreamTopology stream(String name) {
    if (topologies.containsKey(name)
        || queries.containsKey(name)
        || microbatches.containsKey(name)) {
      throw new IllegalArgumentException("topology " + name + " is declared twice");
    }
    TopologyDef t = new TopologyDef(name);
    topologies.put(name, t);
    return t;
  }

  @Override
  public dev.deimos.module.MicrobatchTopology microbatch(String name) {
    if (topologies.containsKey(name)
        || queries.containsKey(name)
        || microbatches.containsKey(name)) {
      throw new IllegalArgumentException("topology " + name + " is declared twice");
    }
    MicrobatchDef t = new MicrobatchDef(name);
    microbatches.put(name, t);
    return t;
  }

  /** One source of a microbatch topology: the depot and the newest chain built on it. */
  static final class MicrobatchSourceDef {
    final String depotVar;
    final MicrobatchOptions options;
    final AtomicReference<Block> chain = new AtomicReference<>();

    MicrobatchSourceDef(String depotVar, MicrobatchOptions options) {
      this.depotVar = depotVar;
      this.options = options;
    }
  }

  /** Declares a PState owned by the topology whose list of PStates is {@code owned}. */
  private PState.Declaration declarePState(List<String> owned, String var, Object schema) {
    if (pstates.containsKey(var)) {
      throw new IllegalArgumentException("PState " + var + " is declared twice");
    }
    PStateDeclaration d = new PStateDeclaration(var, schema);
    pstates.put(var, d);
    owned.add(var);
    return d;
  }

  /** One microbatch topology. */
  final class MicrobatchDef implements dev.deimos.module.MicrobatchTopology {
    final String name;
    final List<MicrobatchSourceDef> sources = new ArrayList<>();
    final List<String> ownPStates = new ArrayList<>();

    MicrobatchDef(String name) {
      this.name = name;
    }

    @Override
    public PState.Declaration pstate(String var, PState.Schema schema) {
      return declarePState(ownPStates, var, schema);
    }

    @Override
    public PState.Declaration pstate(String var, Class<?> schema) {
      return declarePState(ownPStates, var, schema);
    }

    @Override
    public Block.OutImpl source(String depotVar) {
      return source(depotVar, dev.deimos.module.MicrobatchSourceOptions.create());
    }

    @Override
    public Block.OutImpl source(
        String depotVar, dev.deimos.module.MicrobatchSourceOptions options) {
      if (!(options instanceof MicrobatchOptions)) {
        throw new IllegalArgumentException(
            "options must come from MicrobatchSourceOptions.create()");
      }
      MicrobatchSourceDef s = new MicrobatchSourceDef(depotVar, (MicrobatchOptions) options);
      for (MicrobatchSourceDef o : sources) {
        if (o.depotVar.equals(depotVar)
            && java.util.Objects.equals(o.options.sourceId(), s.options.sourceId())) {
          throw new IllegalArgumentException(
              "microbatch topology "
                  + name
                  + " reads depot "
                  + depotVar
                  + " twice: give each source its own MicrobatchSourceOptions.sourceId");
        }
      }
      sources.add(s);
      return Chain.sourceTracked(depotVar, s.chain);
    }
  }

  private static void checkVar(String var) {
    if (var == null || !var.startsWith("*") || var.length() < 2) {
      throw new IllegalArgumentException("a depot or object var must start with '*', got " + var);
    }
  }

  /** One declared depot. */
  static final class DepotDef implements Depot.Declaration {
    final String var;
    final NativeDepotPartitioning partitioning;
    boolean global;
    // a tick depot's period, 0 for a normal depot
    long tickMillis;

    DepotDef(String var, NativeDepotPartitioning partitioning) {
      this.var = var;
      this.partitioning = partitioning;
    }

    @Override
    public Depot.Declaration global() {
      global = true;
      return this;
    }
  }

  /** One source of a topology: the depot and the newest chain built on it. */
  static final class SourceDef {
    final String depotVar;
    final SourceOptions options;
    final AtomicReference<Block> chain = new AtomicReference<>();

    SourceDef(String depotVar, SourceOptions options) {
      this.depotVar = depotVar;
      this.options = options;
    }
  }

  /** One stream topology. */
  final class TopologyDef implements StreamTopology {
    final String name;
    final List<SourceDef> sources = new ArrayList<>();
    final List<String> ownPStates = new ArrayList<>();

    TopologyDef(String name) {
      this.name = name;
    }

    @Override
    public PState.Declaration pstate(String var, PState.Schema schema) {
      return declarePState(ownPStates, var, schema);
    }

    @Override
    public PState.Declaration pstate(String var, Class<?> schema) {
      return declarePState(ownPStates, var, schema);
    }

    @Override
    public Block.OutImpl source(String depotVar) {
      return source(depotVar, StreamSourceOptions.create());
    }

    @Override
    public Block.OutImpl source(String depotVar, StreamSourceOptions options) {
      if (!(options instanceof SourceOptions)) {
        throw new IllegalArgumentException("options must come from StreamSourceOptions.create()");
      }
      SourceDef s = new SourceDef(depotVar, (SourceOptions) options);
      sources.add(s);
      return Chain.sourceTracked(depotVar, s.chain);
    }
  }
}
