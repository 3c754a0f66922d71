package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.KeyHash;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What a running plan needs from the place it runs in. {@link #LOCAL} is {@code Block.execute()}:
 * one thread, one task, partitioners continue in place. The task runtime supplies one context per
 * event (a frame run on one task) so that partitioner hops become messages to other tasks and
 * {@code $$} vars resolve to the partition owned by the current task.
 *
 * <p>Contract: every method is called on the thread running the plan. {@link #hop} receives a frame
 * the executor already copied; the context owns it and must eventually call {@link Resume#run} with
 * it on the target task (or drop it when the work is cancelled). A context that tracks completion
 * counts a hop as started when {@code hop} is called.
 */
public interface ExecutionContext {
  /** Local execution in the calling thread. */
  ExecutionContext LOCAL = new ExecutionContext() {};

  /**
   * Returns the number of tasks partitioners choose among.
   *
   * @return 1 locally
   */
  default int numTasks() {
    return 1;
  }

  /**
   * Returns the counter slot of the calling thread for the per-node run counts (0 to 7): a thread
   * that runs plans concurrently with others should own a slot, so that counting needs no atomic
   * instruction. Slots shared by threads running the same plan at once may lose a few counts.
   *
   * @return 0 locally
   */
  default int counterSlot() {
    return 0;
  }

  /**
   * Returns the task the plan runs on now.
   *
   * @return 0 locally
   */
  default int taskId() {
    return 0;
  }

  /**
   * Returns the task where the current record or invocation started ({@code originPartition}).
   *
   * @return 0 locally
   */
  default int originTask() {
    return 0;
  }

  /**
   * Returns the task owning {@code key} of {@code pstateVar} (null for a plain {@code
   * hashPartition(key)}). The default hashes with {@link KeyHash}.
   *
   * @param pstateVar a {@code $$} var or null
   * @param key the partitioning key
   * @return a task id
   */
  default int taskForKey(String pstateVar, Object key) {
    return KeyHash.taskFor(key, numTasks());
  }

  /**
   * Returns the record a source node binds.
   *
   * @return the current depot record
   * @throws IllegalStateException locally: a source only runs inside a topology
   */
  default Object sourceRecord() {
    throw new IllegalStateException("a depot source runs only inside a module topology");
  }

  /**
   * Returns the partition of {@code pstateVar} owned by the current task, or null when the var is
   * not a PState of the running module (then the frame's own slot value is used).
   *
   * @param pstateVar a {@code $$} var
   * @return the task-local PState, or null
   */
  default PStateAccess pstate(String pstateVar) {
    return null;
  }

  /**
   * Continues the plan on {@code task} with {@code frame}. The default runs it in place.
   *
   * @param task the target task
   * @param resume where to continue
   * @param frame a copy of the var slots, owned by the context from now on
   */
  default void hop(int task, Resume resume, Object[] frame) {
    resume.run(this, frame);
  }

  /**
   * Continues an {@code explodeMicrobatch} on {@code task}, where {@code resume} emits the records
   * {@code frame[slot]} holds there. The default is one {@link #hop}; the runtime may instead run
   * the task's records in several consecutive frames, each with {@code frame[slot]} rebound to a
   * {@link MicrobatchRecords} of one slice of them, in append order, so that other events of the
   * task run between the slices.
   *
   * @param task the target task
   * @param resume where to continue (the step emitting the records)
   * @param frame a copy of the var slots, owned by the context from now on
   * @param records the microbatch's records
   * @param slot the slot of {@code frame} holding {@code records}, or -1 if unknown
   */
  default void explodeOn(
      int task, Resume resume, Object[] frame, MicrobatchRecords records, int slot) {
    hop(task, resume, frame);
  }

  /**
   * Records an {@code ackReturn} value for the current record. Ignored locally.
   *
   * @param value the value
   */
  default void ackReturn(Object value) {}

  /**
   * Returns whether {@code pstateVar} is a global PState or depot (one partition, on task 0).
   *
   * @param pstateVar a {@code $$} or depot var
   * @return false locally
   */
  default boolean isGlobal(String pstateVar) {
    return false;
  }

  /**
   * Continues with the result of {@code result} once it completes (eachAsync). The default waits in
   * the calling thread; the runtime instead queues the continuation on the current task when the
   * future completes, never blocking the task thread. A failed future fails the event.
   *
   * @param result the user's future
   * @param resume where to continue, binding the result
   * @param frame a copy of the var slots
   */
  default void awaitAsync(CompletableFuture<?> result, Resume resume, Object[] frame) {
    Object v;
    try {
      v = result.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
    resume.runWith(this, frame, v);
  }

  /**
   * Appends {@code data} to the current task's partition of {@code depotVar}
   * (depotPartitionAppend).
   *
   * @param depotVar the depot var
   * @param data the record
   * @param ackLevel an {@code AckLevel}
   * @throws IllegalStateException locally: there are no depots outside a module
   */
  default void depotAppend(String depotVar, Object data, Object ackLevel) {
    throw new IllegalStateException(
        "depotPartitionAppend(" + depotVar + ") runs only inside a module topology");
  }

  /**
   * Returns the vars bound to task globals ({@code declareObject}); after a hop they are rebound to
   * the target task's copies with {@link #taskGlobal}.
   *
   * @return the vars (empty locally)
   */
  default String[] taskGlobalVars() {
    return new String[0];
  }

  /**
   * Returns the current task's copy of a task global.
   *
   * @param var a var from {@link #taskGlobalVars()}
   * @return the object
   */
  default Object taskGlobal(String var) {
    return null;
  }

  /**
   * Offers a batch block to the context. A context that runs batch blocks across tasks takes the
   * call, returns true and from then on owns the rest of the frame (see {@link DistributedBatch});
   * the default returns false and the block runs in place.
   *
   * @param call the batch block run
   * @return true if the context took the block over
   */
  default boolean startBatch(DistributedBatch.Call call) {
    return false;
  }

  /**
   * Starts the query topology {@code query} (a name in the running module or a mirror var) with
   * {@code args}; the executor continues with {@link #awaitAsync} on its result.
   *
   * @param query the query name or mirror var
   * @param args the arguments
   * @return the query's result
   * @throws IllegalStateException locally: queries run only inside a module
   */
  default CompletableFuture<Object> invokeQuery(String query, Object[] args) {
    throw new IllegalStateException("invokeQuery(" + query + ") runs only inside a module");
  }

  /**
   * Returns whether {@code var} is a mirror of another module's PState or depot; partitioners on a
   * mirror PState stay on the current task (the mirror is read through its module's client).
   *
   * @param var a {@code $$} or depot var
   * @return false locally
   */
  default boolean isMirror(String var) {
    return false;
  }
}
