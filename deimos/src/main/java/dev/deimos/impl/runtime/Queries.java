package dev.deimos.impl.runtime;

import dev.deimos.Block;
import dev.deimos.DeimosCompileException;
import dev.deimos.impl.dataflow.Plan;
import dev.deimos.impl.dataflow.QueryPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/** The query topologies of one module: compiled plans, invocation and timeouts. */
final class Queries {
  /** Rama's option name for the query timeout. */
  static final String TIMEOUT_OPTION = "topology.query.timeout.millis";

  static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

  /** One compiled query topology. */
  static final class QueryRt {
    final String name;
    final QueryPlan plan;
    final String tempVar;

    QueryRt(String name, QueryPlan plan) {
      this.name = name;
      this.plan = plan;
      this.tempVar = tempVar(name);
    }
  }

  private final ModuleRuntime rt;
  private final Map<String, QueryRt> queries = new LinkedHashMap<>();
  private final long timeoutMillis;

  Queries(ModuleRuntime rt, ModuleDef def, List<String> preBound) {
    this.rt = rt;
    Object t = def.moduleOptions.get(TIMEOUT_OPTION);
    if (t != null && !(t instanceof Number && ((Number) t).longValue() > 0)) {
      throw new IllegalArgumentException(
          TIMEOUT_OPTION + " must be a positive number of milliseconds, got " + t);
    }
    this.timeoutMillis = t == null ? DEFAULT_TIMEOUT_MILLIS : ((Number) t).longValue();
    for (ModuleDef.QueryDef q : def.queries.values()) {
      String where = "module " + rt.moduleName() + ", query " + q.name;
      if (q.resultVar == null) {
        throw new DeimosCompileException(
            where + ": bind the result var with out(...) right after query(...)");
      }
      String[] pre = preBound.toArray(new String[preBound.size() + 1]);
      pre[pre.length - 1] = tempVar(q.name);
      Block body = q.body.get();
      try {
        queries.put(
            q.name,
            new QueryRt(q.name, QueryPlan.compile(q.name, q.inputs, q.resultVar, body, pre)));
      } catch (DeimosCompileException e) {
        throw new DeimosCompileException("module " + rt.moduleName() + ", " + e.getMessage());
      }
    }
  }

  static String tempVar(String query) {
    return "$$" + query + "$$";
  }

  boolean has(String name) {
    return queries.containsKey(name);
  }

  /** The compiled plan of a query topology (its body as one batch). */
  Plan plan(String name) {
    return queries.get(name).plan.plan();
  }

  java.util.Set<String> names() {
    return Collections.unmodifiableSet(queries.keySet());
  }

  /** Starts one invocation; never blocks. */
  CompletableFuture<Object> invoke(String name, Object[] args) {
    QueryRt q = queries.get(name);
    if (q == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "module " + rt.moduleName() + " has no query topology " + name));
    }
    if (args.length != q.plan.arity()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "query "
                  + name
                  + " of module "
                  + rt.moduleName()
                  + " takes "
                  + q.plan.arity()
                  + " arguments, got "
                  + args.length));
    }
    Object key = q.plan.leadingKey(args);
    int origin =
        q.plan.startsWithGlobalPartition()
            ? 0
            : key == QueryPlan.NO_KEY
                ? ThreadLocalRandom.current().nextInt(rt.numTasks())
                : rt.taskForKey(q.plan.leadingPState(), key);
    QueryRun run = new QueryRun(rt, q, args.clone(), origin);
    TopologyStats stats = rt.stats(name);
    long started = rt.clock().nanos();
    // the cluster's scheduler: the timeout completes the future and cancels the invocation's
    // remaining work (queued frames are skipped, running ones stop at their next hop, pending
    // async steps are let go); it never runs user code
    java.util.concurrent.Future<?> timer =
        rt.scheduler()
            .schedule(
                () -> {
                  TimeoutException te =
                      new TimeoutException(
                          "module "
                              + rt.moduleName()
                              + ", query "
                              + name
                              + ": no result within "
                              + timeoutMillis
                              + " ms ("
                              + TIMEOUT_OPTION
                              + ")");
                  if (run.done.completeExceptionally(te)) {
                    run.expire(run.generation(), rt, te);
                  }
                },
                timeoutMillis);
    run.done.whenComplete(
        (v, e) -> {
          timer.cancel(false);
          if (e == null) {
            stats.succeeded(1, rt.clock().nanos() - started);
          } else {
            stats.failed();
          }
        });
    rt.track(run.done);
    run.start();
    return run.done;
  }
}
