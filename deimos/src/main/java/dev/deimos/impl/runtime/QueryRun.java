package dev.deimos.impl.runtime;

import dev.deimos.impl.dataflow.DistributedBatch;
import dev.deimos.impl.dataflow.PStateAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One invocation of a query topology: counts its frames like {@link RecordRun}, owns its temporary
 * PState partitions, and completes {@link #done} with the single result the body emitted, or
 * exceptionally with an error naming module, query and the node where it failed.
 */
final class QueryRun extends FrameTracker {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRun.class);

  private final ModuleRuntime rt;
  private final Queries.QueryRt query;
  private final Object[] args;
  private final int originTask;
  final CompletableFuture<Object> done = new CompletableFuture<>();
  private final Map<Integer, TempPState> temps = new ConcurrentHashMap<>();
  private final AtomicInteger emits = new AtomicInteger();
  private volatile Object result;

  QueryRun(ModuleRuntime rt, Queries.QueryRt query, Object[] args, int originTask) {
    this.rt = rt;
    this.query = query;
    this.args = args;
    this.originTask = originTask;
  }

  void start() {
    reset(1);
    rt.submitFrame(this, originTask, "query " + query.name, ctx -> query.plan.plan().run(ctx));
  }

  @Override
  String workName() {
    return "query topology " + query.name;
  }

  @Override
  void quiet(Throwable failure, String failedAt) {
    if (failure != null) {
      done.completeExceptionally(
          new IllegalStateException(
              "module "
                  + rt.moduleName()
                  + ", query "
                  + query.name
                  + ": failed in the segment starting at "
                  + failedAt
                  + ": "
                  + failure,
              failure));
    } else if (emits.get() != 1) {
      done.completeExceptionally(
          new IllegalStateException(
              "module "
                  + rt.moduleName()
                  + ", query "
                  + query.name
                  + ": the result var must be bound exactly once after originPartition(), but it"
                  + " was bound "
                  + emits.get()
                  + " times"));
    } else {
      done.complete(result);
    }
  }

  @Override
  boolean failed() {
    return super.failed() || done.isDone();
  }

  @Override
  int originTask() {
    return originTask;
  }

  @Override
  Object sourceRecord() {
    return new ArrayList<>(Arrays.asList(args));
  }

  @Override
  void ackReturn(Object value) {
    emits.incrementAndGet();
    result = value;
  }

  @Override
  void logFailure(int task, String where, Throwable e) {
    LOG.debug(
        "module {}, query {}: invocation with {} failed on task {} in the segment starting at {}",
        rt.moduleName(),
        query.name,
        Arrays.toString(args),
        task,
        where,
        e);
  }

  @Override
  boolean startBatch(Task task, DistributedBatch.Call call) {
    return new BatchRun(rt, this, call, task.numTasks()).start();
  }

  @Override
  PStateAccess tempPState(String var, int task) {
    return query.tempVar.equals(var) ? temps.computeIfAbsent(task, t -> new TempPState()) : null;
  }
}
