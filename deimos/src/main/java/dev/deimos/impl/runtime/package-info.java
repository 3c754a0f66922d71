/**
 * The task runtime: {@link dev.deimos.impl.runtime.ModuleRuntime} runs one launched module on N
 * tasks pinned to M task threads (a thread serves several tasks from one mailbox; one event at a
 * time per task). A client append stores the record in the in-memory depot partition on the calling
 * thread and, under the partition's lock, queues its processing on the partition's task (so records
 * run in offset order); clients outrunning a task thread wait at its high-water mark ({@code
 * TaskThread.awaitRoom}). Stream topology records are tracked across partitioner hops by an ack
 * count ({@code RecordRun}); hops are frames queued on the target task's thread. Every unit of work
 * counts its frames with a {@code FrameTracker}: {@code RecordRun} (a depot record), {@code
 * QueryRun} (a query invocation), {@code BatchRun} (the distributed batch engine: runs a batch
 * block phase by phase across tasks; reuse it from any tracker's {@code startBatch}) and {@code
 * MicrobatchRun} (one attempt of one microbatch). A {@code MicrobatchRunner} per microbatch
 * topology picks each microbatch's depot offsets, runs it on all tasks and commits it: the
 * attempt's writes stay staged in each task's stores (other readers see the committed data) until
 * one volatile flip commits every task at once, and a failure drops them and re-runs the same
 * offsets (exactly-once); each task keeps what its last few commits replaced, for reads pinned to
 * an earlier microbatch. {@link dev.deimos.impl.runtime.ModuleDef} collects a module's
 * declarations. May use every other impl part except {@code impl.cluster}.
 */
package dev.deimos.impl.runtime;
